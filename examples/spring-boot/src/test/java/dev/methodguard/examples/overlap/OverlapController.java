package dev.methodguard.examples.overlap;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only mappings that overlap the example's: {@code /{a}/{b}} POST also serves {@code POST /items/42}
 * and {@code POST /x/y}, where a more specific pattern maps other methods. Outside the application's package,
 * so only {@code DerivedRoutesTest} adds it.
 */
@RestController
public class OverlapController {
    @GetMapping("/x/y/{*rest}")
    public Map<String, String> below(@PathVariable String rest) {
        return Map.of("route", "/x/y/{*rest}");
    }

    @PostMapping("/{a}/{b}")
    public Map<String, String> pair(@PathVariable String a, @PathVariable String b) {
        return Map.of("route", "/{a}/{b}");
    }
}
