package dev.methodguard.examples.spring;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /echo}: a {@code @RequestMapping} without {@code method}, so Spring MVC hands it every method,
 * {@code FOO} and lowercase {@code get} included. Its route must pass every method through.
 */
@RestController
public class EchoController {
    private final Calls calls;

    public EchoController(Calls calls) {
        this.calls = calls;
    }

    @RequestMapping("/echo")
    public Map<String, Object> echo(HttpServletRequest request) {
        calls.ran();
        return Map.of("method", request.getMethod());
    }
}
