package dev.methodguard.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small Spring MVC application guarded by MethodGuard: the starter on the class path is all it takes (its routes
 * come from Spring's own mappings at startup; {@code methodguard.*} properties tune it).
 */
@SpringBootApplication
public class Application {
    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }
}
