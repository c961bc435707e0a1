package dev.methodguard.it.rest;

import dev.methodguard.it.rest.app.Hits;
import dev.methodguard.it.rest.app.OptionsResource;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Every method to every sample path, in every context; then the comparison of each guarded context with the plain one. */
final class Sweep {
    static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "FOO", "PROPFIND",
            "get", "head", "post", "put", "delete", "patch", "options", "trace", "foo", "propfind");

    /** What the other deployments (same routes, derived another way) are sent: every method but most lowercase ones. */
    static final List<String> VARIANT_METHODS = METHODS.stream()
            .filter(m -> m.equals(m.toUpperCase(java.util.Locale.ROOT)) || m.equals("get") || m.equals("head") || m.equals("foo")).toList();

    /** Sample paths under /api, each with the route (or why none) that serves it in the framework. */
    static final Map<String, String> PATHS = new LinkedHashMap<>();

    static {
        PATHS.put("", "none (the application root, no slash)");
        PATHS.put("/", "none (the application root)");
        PATHS.put("/nope", "none");
        PATHS.put("/ITEMS", "none (paths are case-sensitive)");
        PATHS.put("/ping", "/ping");
        PATHS.put("/ping/", "/ping (trailing slash)");
        PATHS.put("/ping/extra", "class /ping, no method");
        PATHS.put("/items", "/items");
        PATHS.put("/items/new", "/items/new (literal)");
        PATHS.put("/items/12", "/items/{id: \\d+}");
        PATHS.put("/items/%31%32", "/items/{id: \\d+} (encoded 12)");
        PATHS.put("/items/12;v=1", "/items/{id: \\d+} (matrix parameter)");
        PATHS.put("/items/abc", "/items/{name}");
        PATHS.put("/items/12/tags", "/items/{id: \\d+}/tags");
        PATHS.put("/items/abc/tags", "class /items, no method");
        PATHS.put("/items//12", "none (an empty segment)");
        PATHS.put("/files", "/files/{path: .*} (empty)?");
        PATHS.put("/files/", "/files/{path: .*} (empty)?");
        PATHS.put("/files/a.txt", "/files/{path: .*}");
        PATHS.put("/files/a/b/c.txt", "/files/{path: .*}");
        PATHS.put("/dav", "/dav (GET, @PROPFIND)");
        PATHS.put("/dav/x", "/dav/{name} (@PROPFIND only)");
        PATHS.put("/dav/x/y", "class /dav, no method");
        PATHS.put("/orders", "/orders");
        PATHS.put("/orders/7", "locator /orders/{id} → OrderResource");
        PATHS.put("/orders/7/lines", "locator /orders/{id} → OrderResource lines");
        PATHS.put("/orders/7/nope", "locator /orders/{id} → nothing");
        PATHS.put("/things", "/things (interface methods)");
        PATHS.put("/things/3", "/things/{id} (interface methods)");
        PATHS.put("/things/3/x", "class /things, no method");
        PATHS.put("/users/alice", "/users/{user}");
        PATHS.put("/users/alice/profile", "/users/{user}/profile");
        PATHS.put("/users/me", "/users/me (literal class)");
        PATHS.put("/users/me/profile", "class /users/me has none (RESTEasy: 404); Jersey: /users/{user}/profile");
        PATHS.put("/opts", "/opts (@OPTIONS of its own)");
        PATHS.put("/codes/1", "/codes/{n: \\d+} (GET)");
        PATHS.put("/codes/%31", "/codes/{s} (POST): matched encoded");
        PATHS.put("/codes/x", "/codes/{s} (POST)");
        PATHS.put("/catalog", "/catalog (GET; the catch-all class also matches)");
        PATHS.put("/catalog/42", "/catalog/{id: [0-9]+}");
        PATHS.put("/catalog/%34%32", "class /catalog, no method: %34%32 is no digit as sent");
        PATHS.put("/catalog;v=1/42", "/catalog/{id: [0-9]+} (matrix parameter on the class segment)");
        PATHS.put("/catalog/abc", "class /catalog, no method");
        PATHS.put("/elsewhere/x", "{any: .*} (catch-all class, POST)");
        PATHS.put("//orders/7", "{any: .*} (as sent: an empty first segment)");
        PATHS.put("/orders/7;x=1/lines", "locator /orders/{id} → lines (matrix parameter)");
        PATHS.put("/orders/7/notes", "locator /orders/{id}/notes → Object (run time)");
        PATHS.put("/users/a%2Fb", "/users/{user} (an encoded slash)");
        PATHS.put("/users/%41lice", "/users/{user} (an encoded letter)");
        PATHS.put("/items/%41", "/items/{name} (an encoded letter)");
        PATHS.put("/head", "/head (GET, explicit @HEAD)");
    }

    enum Kind { FALSE_REJECTION, ALLOW_MISMATCH, FRAMEWORK_RAN, PASSED_CHANGED, VARIANTS_DIFFER, RESOURCE_OPTIONS_BYPASSED }

    /** One response, and how many times the framework ran for it (0 or 1). */
    record Probe(int status, String allow, String contentType, String body, int ran, String optionsBy) {
        Set<String> allowSet() {
            return set(allow);
        }

        boolean isMethodGuards() {
            return contentType != null && contentType.startsWith("application/json") && (status == 405 || status == 501)
                    && (body.isEmpty() /* HEAD-like */ || body.contains("\"message\":\"The method is not allowed for the requested resource.\"")
                    || body.contains("\"message\":\"The server does not implement the requested method.\""));
        }
    }

    private final String plain;
    /** Variant id → context path; the first is the one the table shows. */
    private final Map<String, String> guarded;
    private final String containerNotes;
    /** context → path → method → probe. */
    private final Map<String, Map<String, Map<String, Probe>>> results = new LinkedHashMap<>();
    private int requests;

    private Sweep(String plain, Map<String, String> guarded, String containerNotes) {
        this.plain = plain;
        this.guarded = guarded;
        this.containerNotes = containerNotes;
    }

    /**
     * Sweeps the contexts two at a time (each context's count of framework runs is its own, so contexts may overlap;
     * the requests within one context go one after another, so that each count belongs to one request).
     */
    static Sweep run(int port, String plain, Map<String, String> guarded, String containerNotes) throws Exception {
        Sweep s = new Sweep(plain, guarded, containerNotes);
        List<String> contexts = new ArrayList<>();
        contexts.add(plain);
        contexts.addAll(guarded.values());
        String main = guarded.values().iterator().next();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Map<String, Future<Map<String, Map<String, Probe>>>> futures = new LinkedHashMap<>();
            for (String ctx : contexts) {
                List<String> methods = ctx.equals(plain) || ctx.equals(main) ? METHODS : VARIANT_METHODS;
                futures.put(ctx, pool.submit(() -> sweep(port, ctx, methods)));
            }
            for (Map.Entry<String, Future<Map<String, Map<String, Probe>>>> f : futures.entrySet()) {
                Map<String, Map<String, Probe>> byPath = f.getValue().get(5, TimeUnit.MINUTES);
                s.results.put(f.getKey(), byPath);
                for (Map<String, Probe> m : byPath.values()) {
                    s.requests += m.size();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return s;
    }

    private static Map<String, Map<String, Probe>> sweep(int port, String ctx, List<String> methods) throws IOException {
        Map<String, Map<String, Probe>> byPath = new LinkedHashMap<>();
        for (String path : PATHS.keySet()) {
            Map<String, Probe> byMethod = new LinkedHashMap<>();
            for (String method : methods) {
                int before = Hits.count(ctx);
                Http.Response r = Http.send(port, method, ctx + "/api" + path);
                int ran = Hits.count(ctx) - before;
                String body = r.body().length() > 300 ? r.body().substring(0, 300) : r.body();
                byMethod.put(method, new Probe(r.status(), r.header("Allow"), r.header("Content-Type"), body, ran,
                        r.header(OptionsResource.HEADER)));
            }
            byPath.put(path, byMethod);
        }
        return byPath;
    }

    int requests() {
        return requests;
    }

    List<String> guardedContexts() {
        return new ArrayList<>(guarded.values());
    }

    int status(String ctx, String path, String method) {
        return results.get(ctx).get(path).get(method).status();
    }

    int plainRan() {
        int n = 0;
        for (Map<String, Probe> m : results.get(plain).values()) {
            for (Probe p : m.values()) {
                n += p.ran();
            }
        }
        return n;
    }

    private Probe plain(String path, String method) {
        return results.get(plain).get(path).get(method);
    }

    static Set<String> set(String header) {
        Set<String> out = new TreeSet<>();
        if (header != null) {
            for (String m : header.split(",")) {
                if (!m.isBlank()) {
                    out.add(m.strip());
                }
            }
        }
        return out;
    }

    /** The framework's own Allow for a path: its OPTIONS answer, or null when it has none (404...). */
    private Set<String> frameworkAllow(String path) {
        Probe o = plain(path, "OPTIONS");
        return o.ran() == 1 && o.status() / 100 == 2 && o.allow() != null ? o.allowSet() : null;
    }

    private boolean answeredByContainer(String path, String method) {
        return plain(path, method).ran() == 0;
    }

    private static boolean mg(Probe alone, Probe with) {
        return alone.ran() > 0 && with.ran() == 0;
    }

    /** One difference that an assertion forbids; {@code variant} is the deployment (its id). */
    record Violation(Kind kind, String variant, String path, String method, String text) {
        @Override
        public String toString() {
            return method + " " + (path.isEmpty() ? "(empty)" : path) + " [" + variant + "]: " + text;
        }
    }

    List<Violation> violations(Kind kind) {
        List<Violation> out = new ArrayList<>();
        String first = guarded.values().iterator().next();
        for (Map.Entry<String, String> v : guarded.entrySet()) {
            String ctx = v.getValue();
            for (String path : PATHS.keySet()) {
                Set<String> fwAllow = frameworkAllow(path);
                for (String method : METHODS) {
                    Probe alone = plain(path, method);
                    Probe with = results.get(ctx).get(path).get(method);
                    if (with == null) {
                        continue; // not sent to this deployment
                    }
                    String text = violation(kind, path, method, alone, with, fwAllow, results.get(first).get(path).get(method),
                            ctx.equals(first), first);
                    if (text != null) {
                        out.add(new Violation(kind, v.getKey(), path, method, text));
                    }
                }
            }
        }
        return out;
    }

    private String violation(Kind kind, String path, String method, Probe alone, Probe with, Set<String> fwAllow, Probe main,
                             boolean isMain, String first) {
        boolean byMg = mg(alone, with);
        switch (kind) {
            case FALSE_REJECTION:
                return byMg && alone.status() / 100 == 2 && with.status() >= 400
                        ? "the framework alone answers " + alone.status() + ", MethodGuard " + with.status() + " (Allow " + with.allow() + ")" : null;
            case ALLOW_MISMATCH:
                boolean options = method.equals("OPTIONS") && with.status() == 200;
                return byMg && (with.status() == 405 || options) && !with.allowSet().equals(fwAllow)
                        ? "MethodGuard " + with.status() + " Allow " + with.allowSet() + ", the framework's OPTIONS Allow "
                        + (fwAllow == null ? "none (its OPTIONS: " + plain(path, "OPTIONS").status() + ")" : fwAllow) : null;
            case FRAMEWORK_RAN:
                if (with.isMethodGuards() && with.ran() != 0) {
                    return "MethodGuard answered " + with.status() + " but the framework ran " + with.ran() + " time(s)";
                }
                if (alone.ran() > 1 || with.ran() > 1) {
                    return "the framework ran more than once";
                }
                boolean optionsAnswer = method.equals("OPTIONS") && with.status() == 200 && with.allow() != null;
                return byMg && !with.isMethodGuards() && !optionsAnswer
                        ? "the framework did not run, but " + with.status() + " is not MethodGuard's answer: " + with.body() : null;
            case PASSED_CHANGED:
                return !byMg && (with.status() != alone.status() || (alone.status() == 405 && !alone.allowSet().equals(with.allowSet())))
                        ? (alone.ran() == 0 ? "the container" : "the framework") + " answered " + alone.status() + " alone, " + with.status()
                        + " behind MethodGuard (Allow " + alone.allowSet() + " / " + with.allowSet() + ")" : null;
            case VARIANTS_DIFFER:
                return !isMain && (!cell(alone, with).equals(cell(alone, main)) || !with.allowSet().equals(main.allowSet()))
                        ? cell(alone, with) + " Allow " + with.allowSet() + ", but " + cell(alone, main) + " Allow " + main.allowSet()
                        + " in " + first : null;
            case RESOURCE_OPTIONS_BYPASSED:
                return alone.optionsBy() != null && with.optionsBy() == null
                        ? "the resource's own @OPTIONS method answers alone (" + OptionsResource.HEADER + ": " + alone.optionsBy()
                        + "), but did not run behind MethodGuard, which answered " + with.status() + " Allow " + with.allow() : null;
            default:
                throw new IllegalStateException();
        }
    }

    private static String cell(Probe alone, Probe with) {
        String s = alone.status() == with.status() ? String.valueOf(alone.status()) : alone.status() + "→" + with.status();
        if (alone.ran() == 0) {
            s += "c";
        }
        if (mg(alone, with)) {
            s += "*";
            if (alone.status() / 100 == 2 && with.status() >= 400) {
                s = "**FALSE** " + s;
            }
        }
        return s;
    }

    /** The section of COMPARISON.md: deterministic (no ports, no times). */
    String markdown(String title, Framework framework) {
        String first = guarded.values().iterator().next();
        String firstId = guarded.keySet().iterator().next();
        StringBuilder b = new StringBuilder();
        b.append("## ").append(title).append("\n\n");
        b.append("Deployed as: ").append(String.join("; ", guarded.keySet().stream().map(k -> "`" + k + "`").toList()))
                .append(" (the table shows `").append(firstId).append("`; the others must judge identically).\n\n");
        b.append("| path under /api | the framework's route | ").append(String.join(" | ", METHODS))
                .append(" | Allow: framework (OPTIONS) | Allow: MethodGuard |\n");
        b.append("|---|---|").append("---|".repeat(METHODS.size())).append("---|---|\n");
        for (String path : PATHS.keySet()) {
            b.append("| `").append(path.isEmpty() ? "(empty)" : path).append("` | ").append(PATHS.get(path).replace("|", "\\|")).append(" | ");
            for (String method : METHODS) {
                b.append(cell(plain(path, method), results.get(first).get(path).get(method))).append(" | ");
            }
            Set<String> fw = frameworkAllow(path);
            b.append(fw == null ? "— (OPTIONS " + plain(path, "OPTIONS").status() + ")" : String.join(", ", fw)).append(" | ");
            Set<String> mgAllow = methodGuardAllow(first, path);
            b.append(mgAllow == null ? "— (passes)" : String.join(", ", mgAllow) + (mgAllow.equals(fw) ? " (=)" : " (**≠**)")).append(" |\n");
        }
        b.append("\nFindings (generated):\n\n");
        for (String f : findings(first, framework)) {
            b.append("- ").append(f).append('\n');
        }
        b.append('\n');
        return b.toString();
    }

    /** MethodGuard's Allow for a path: its own OPTIONS answer, else its 405s'; null when it answered nothing there. */
    private Set<String> methodGuardAllow(String ctx, String path) {
        Map<String, Probe> byMethod = results.get(ctx).get(path);
        Probe o = byMethod.get("OPTIONS");
        if (mg(plain(path, "OPTIONS"), o) && o.status() == 200) {
            return o.allowSet();
        }
        for (String method : METHODS) {
            Probe p = byMethod.get(method);
            if (mg(plain(path, method), p) && p.status() == 405) {
                return p.allowSet();
            }
        }
        return null;
    }

    /**
     * The framework's own method errors (a 405 of the framework alone) in the main deployment, each with whether
     * MethodGuard answered it itself with its JSON: request ("METHOD path") to answered.
     */
    Map<String, Boolean> methodErrors() {
        String ctx = guarded.values().iterator().next();
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (String path : PATHS.keySet()) {
            for (String method : METHODS) {
                Probe alone = plain(path, method);
                Probe with = results.get(ctx).get(path).get(method);
                if (alone.ran() == 1 && alone.status() == 405) {
                    out.put(method + " " + (path.isEmpty() ? "(empty)" : path), mg(alone, with) && with.isMethodGuards());
                }
            }
        }
        return out;
    }

    private List<String> findings(String ctx, Framework framework) {
        List<String> out = new ArrayList<>();
        int cells = PATHS.size() * METHODS.size();
        int answered = 0;
        int byContainer = 0;
        Map<String, Set<String>> unknown = new TreeMap<>();
        Map<String, Set<String>> containerAnswers = new LinkedHashMap<>();
        for (String path : PATHS.keySet()) {
            String shown = path.isEmpty() ? "(empty)" : path;
            Map<String, List<String>> byAnswer = new LinkedHashMap<>();
            for (String method : METHODS) {
                Probe alone = plain(path, method);
                Probe with = results.get(ctx).get(path).get(method);
                if (alone.ran() == 0) {
                    byContainer++;
                    byAnswer.computeIfAbsent(alone.status() + (alone.allow() == null ? "" : " (Allow: " + alone.allow() + ")"),
                            k -> new ArrayList<>()).add(method);
                } else if (mg(alone, with)) {
                    answered++;
                    if (alone.status() == 405 && with.status() == 501) {
                        unknown.computeIfAbsent(method, k -> new TreeSet<>()).add(shown);
                    }
                }
            }
            byAnswer.forEach((answer, methods) -> containerAnswers.computeIfAbsent(
                    (methods.size() == METHODS.size() ? "every method" : String.join(", ", methods)) + " → " + answer,
                    k -> new LinkedHashSet<>()).add(shown));
        }
        out.add(cells + " requests per deployment: MethodGuard answered " + answered + " itself, passed " + (cells - answered - byContainer)
                + " on to the framework, and the container answered " + byContainer + " before either.");
        Map<String, Boolean> errors = methodErrors();
        long mine = errors.values().stream().filter(b -> b).count();
        Map<String, List<String>> passedByPath = new LinkedHashMap<>();
        errors.forEach((request, byMethodGuard) -> {
            if (!byMethodGuard) {
                String path = request.substring(request.indexOf(' ') + 1);
                passedByPath.computeIfAbsent(path, k -> new ArrayList<>()).add(request.substring(0, request.indexOf(' ')));
            }
        });
        StringBuilder coverage = new StringBuilder("The framework's own method errors (405 alone): " + errors.size()
                + "; MethodGuard answered " + mine + " of them itself with its JSON ("
                + (errors.isEmpty() ? 100 : mine * 1000 / errors.size() / 10.0) + " %)");
        if (passedByPath.isEmpty()) {
            coverage.append(".");
        } else {
            coverage.append("; passed on to the framework:");
            passedByPath.forEach((path, methods) -> coverage.append("\n  - `").append(path).append("` (").append(String.join(", ", methods))
                    .append("): ").append(DocumentedDifferences.whyPassed(framework, path.equals("(empty)") ? "" : path)));
        }
        out.add(coverage.toString());
        report(out, framework, Kind.FALSE_REJECTION, "False rejections (a 2xx of the framework alone, rejected by MethodGuard)");
        report(out, framework, Kind.ALLOW_MISMATCH, "Allow mismatches (MethodGuard's 405 or OPTIONS Allow vs the framework's OPTIONS Allow, as sets)");
        report(out, framework, Kind.FRAMEWORK_RAN, "The framework ran for a request MethodGuard answered");
        report(out, framework, Kind.PASSED_CHANGED, "A request MethodGuard passed on was answered differently");
        report(out, framework, Kind.VARIANTS_DIFFER, "Deployments that judged differently (" + String.join(", ", guarded.keySet()) + ")");
        report(out, framework, Kind.RESOURCE_OPTIONS_BYPASSED, "A resource's own @OPTIONS method that did not run behind MethodGuard");
        Map<String, Set<String>> bugs = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            for (Violation v : violations(kind)) {
                DocumentedDifferences.Bug bug = DocumentedDifferences.find(framework, v);
                if (bug != null) {
                    bugs.computeIfAbsent(bug.id(), k -> new LinkedHashSet<>()).add(bug.what());
                }
            }
        }
        bugs.forEach((bugId, what) -> out.add("Documented difference **" + bugId + "**: " + String.join("; ", what) + "."));
        Map<Set<String>, Set<String>> methodsByPaths = new LinkedHashMap<>();
        unknown.forEach((method, paths) -> methodsByPaths.computeIfAbsent(paths, k -> new LinkedHashSet<>()).add(method));
        methodsByPaths.forEach((paths, methods) -> {
            boolean caseBlind = framework == Framework.RESTEASY && methods.stream().noneMatch(m -> m.equals(m.toUpperCase(java.util.Locale.ROOT)));
            out.add((caseBlind ? "With **method-case**: the framework alone reads " + String.join(", ", methods) + " in upper case, which the "
                    + "route lacks, and answers 405; MethodGuard knows no method of that name and answers 501"
                    : "By design: the framework alone answers 405 to " + String.join(", ", methods) + "; MethodGuard answers 501, as "
                    + "no route of the application declares a method of that name (names are case-sensitive, RFC 9110 §9.1)")
                    + ", on " + paths.size() + " paths: " + String.join(", ", paths) + ".");
        });
        List<String> headless = new ArrayList<>();
        for (String path : PATHS.keySet()) {
            Set<String> fw = frameworkAllow(path);
            Set<String> own = new TreeSet<>();
            for (String method : METHODS) {
                Probe p = plain(path, method);
                if (p.ran() == 1 && p.status() == 405) {
                    own.add(String.join(", ", p.allowSet()));
                }
            }
            if (fw != null && !own.isEmpty() && !(own.size() == 1 && own.contains(String.join(", ", fw)))) {
                Set<String> withoutHead = new TreeSet<>(fw);
                withoutHead.remove("HEAD");
                if (own.size() == 1 && own.contains(String.join(", ", withoutHead))) {
                    headless.add(path.isEmpty() ? "(empty)" : path);
                } else {
                    out.add("The framework's own 405 Allow on `" + path + "` is " + own + ", its OPTIONS Allow " + fw + ".");
                }
            }
        }
        if (!headless.isEmpty()) {
            out.add("The framework's own 405 Allow leaves out HEAD, which its OPTIONS Allow lists and which it serves (MethodGuard's "
                    + "Allow includes it), on " + headless.size() + " paths: " + String.join(", ", headless) + ".");
        }
        containerAnswers.forEach((answer, paths) -> out.add("The container itself answered " + answer + ", before any filter or servlet, on "
                + String.join(", ", paths) + "."));
        if (!containerNotes.isBlank()) {
            out.add(containerNotes);
        }
        return out;
    }

    private void report(List<String> out, Framework framework, Kind kind, String title) {
        List<Violation> all = violations(kind);
        if (all.isEmpty()) {
            out.add(title + ": none.");
            return;
        }
        String firstId = guarded.keySet().iterator().next();
        List<String> lines = new ArrayList<>();
        Map<String, List<String>> byBug = new LinkedHashMap<>();
        int count = 0;
        for (Violation v : all) {
            if (!v.variant().equals(firstId) && kind != Kind.VARIANTS_DIFFER) {
                continue;
            }
            count++;
            DocumentedDifferences.Bug bug = DocumentedDifferences.find(framework, v);
            String request = "`" + v.method() + " " + (v.path().isEmpty() ? "(empty)" : v.path()) + "`";
            if (bug == null) {
                lines.add(request + (kind == Kind.VARIANTS_DIFFER ? " [" + v.variant() + "]" : "") + ": " + v.text());
            } else {
                byBug.computeIfAbsent(bug.id(), k -> new ArrayList<>()).add(request + ": " + v.text());
            }
        }
        byBug.forEach((bugId, requests) -> {
            if (requests.size() <= 3) {
                requests.forEach(r -> lines.add(r + " (known core bug **" + bugId + "**)"));
            } else {
                lines.add(requests.size() + " requests, known core bug **" + bugId + "**: " + requests.stream()
                        .map(r -> r.substring(0, r.indexOf("`:") + 1)).collect(java.util.stream.Collectors.joining(", "))
                        + "; e.g. " + requests.get(0));
            }
        });
        out.add(title + ": " + count + (kind == Kind.VARIANTS_DIFFER ? "" : " (in `" + firstId + "`)") + ":\n  - "
                + String.join("\n  - ", lines));
    }
}
