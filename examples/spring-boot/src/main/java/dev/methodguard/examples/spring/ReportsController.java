package dev.methodguard.examples.spring;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /reports/{year}}: GET only; {@code /reports/{year}/rebuild}: POST only (a route without GET, so no HEAD). */
@RestController
public class ReportsController {
    private final Calls calls;

    public ReportsController(Calls calls) {
        this.calls = calls;
    }

    record Report(int year, String state) {}

    @GetMapping("/reports/{year}")
    public Report report(@PathVariable int year) {
        calls.ran();
        return new Report(year, "final");
    }

    @PostMapping("/reports/{year}/rebuild")
    public ResponseEntity<Report> rebuild(@PathVariable int year) {
        calls.ran();
        return ResponseEntity.accepted().body(new Report(year, "rebuilding"));
    }
}
