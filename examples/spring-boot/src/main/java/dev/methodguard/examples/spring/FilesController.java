package dev.methodguard.examples.spring;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code /files/{*path}}: GET on {@code /files} and everything below it. */
@RestController
public class FilesController {
    private final Calls calls;

    public FilesController(Calls calls) {
        this.calls = calls;
    }

    @GetMapping("/files/{*path}")
    public Map<String, Object> file(@PathVariable String path) {
        calls.ran();
        return Map.of("path", path);
    }
}
