package dev.methodguard.examples.spring;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /items}: GET, POST; {@code /items/{id}}: GET, PUT, DELETE. Stateless: answers are fixed, so two runs compare. */
@RestController
@RequestMapping("/items")
public class ItemsController {
    private final Calls calls;

    public ItemsController(Calls calls) {
        this.calls = calls;
    }

    record Item(String id, String name) {}

    @GetMapping
    public List<Item> list() {
        calls.ran();
        return List.of(new Item("1", "pen"), new Item("2", "ink"));
    }

    @PostMapping
    public ResponseEntity<Item> create(@RequestBody(required = false) String body) {
        calls.ran();
        return ResponseEntity.status(HttpStatus.CREATED).body(new Item("3", "new"));
    }

    @GetMapping("/{id}")
    public Item get(@PathVariable String id) {
        calls.ran();
        return new Item(id, "item " + id);
    }

    @PutMapping("/{id}")
    public Item put(@PathVariable String id, @RequestBody(required = false) String body) {
        calls.ran();
        return new Item(id, "updated");
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable String id) {
        calls.ran();
        return ResponseEntity.noContent().build();
    }
}
