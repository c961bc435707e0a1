package dev.methodguard.it.containers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The side-by-side matrix on a server's own Jakarta REST: every method of {@link #METHODS} on every path of
 * {@link #PATHS}, sent once to the WAR with MethodGuard ({@link JaxrsWar#GUARDED}) and once to the same WAR
 * without it ({@link JaxrsWar#PLAIN}), both deployed in the same server. Each pair is one {@link Cell}.
 */
final class JakartaRestMatrix {
    /** Upper case, lower case, WebDAV, unknown, and the application's own custom method ({@code @PURGE}). */
    static final List<String> METHODS = List.of(
            "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "FOO", "get", "PROPFIND", "PURGE");

    /** Plain, templated, regex, overlapping, catch-all, locator, encoded, double-slash and matrix-parameter paths. */
    static final List<String> PATHS = List.of(
            "/api/plain", "/api/plain/", "/api/orders", "/api/orders/42", "/api/orders/abc", "/api/orders/%34%32",
            "/api//orders/42", "/api/orders//42", "/api/orders/42;v=1", "/api/orders;v=1/42",
            "/api/catalog/AB-12", "/api/catalog/shoes", "/api/catalog/%41B-12", "/api/catalog/12",
            "/api/users/bob", "/api/users/me", "/api/users/%6De",
            "/api/anything/else", "/api", "/api/",
            "/api/shelves", "/api/shelves/1", "/api/shelves/1/books", "/api/dynamic/1",
            "/api/cache", "/api/meta", "/api/patchy", "/api/files/a", "/api/files/a%2Fb", "/api/files/a%41",
            "/hello", "/index.html", "/hello.jsp", "/registrations");

    /** The static file and the JSP: MethodGuard's rules for them are its own (see {@link Cell#byDesign()}). */
    static final Set<String> FILES = Set.of("/index.html", "/hello.jsp");

    /**
     * One method on one path, answered by the application alone and by the application behind MethodGuard;
     * {@code served}: the methods the application alone answered 2xx on that path.
     */
    record Cell(String method, String path, Http.Response plain, Http.Response guarded, Set<String> served) {
        /** MethodGuard answered (a 405 or 501 with its JSON): the request never reached the application. */
        boolean rejectedByMethodGuard() {
            return isMethodGuards(guarded, method);
        }

        /** The application alone answered a method error: 405, or 501 (an unknown method). */
        boolean frameworkMethodError() {
            return plain.status() == 405 || plain.status() == 501;
        }

        /** MethodGuard rejected a request the application alone answers with anything but a method error, not {@link #byDesign()}. */
        boolean falseRejection() {
            return rejectedByMethodGuard() && !frameworkMethodError() && !byDesign();
        }

        /**
         * A rejection of MethodGuard's documented rules where the container alone answers anything: TRACE, refused
         * everywhere by default ({@code allow-trace=false}) where the container would echo it; and the static file
         * and the JSP, judged by what static content and JSPs serve (GET, HEAD, OPTIONS; POST for a JSP), where a
         * container answers other methods as reads (Open Liberty serves the file to DELETE, Catalina's default
         * servlet to POST) or with 403 (a read-only default servlet).
         */
        boolean byDesign() {
            return rejectedByMethodGuard() && !frameworkMethodError() && (method.equals("TRACE") || FILES.contains(path));
        }

        /**
         * Both 405, MethodGuard's Allow differs from the application's, compared as sets of methods. The application's
         * Allow is completed with the HEAD and OPTIONS it really serves on that path (Jakarta REST 3.1 §3.3.5 serves
         * them for every resource; Jersey's 405 Allow leaves HEAD out).
         */
        boolean wrongAllow() {
            return plain.status() == 405 && rejectedByMethodGuard() && guarded.status() == 405 && plain.header("Allow") != null
                    && !applicationAllow().equals(methods(guarded.header("Allow")));
        }

        /**
         * OPTIONS on a Jakarta REST path that both answer 200 with an Allow, MethodGuard's Allow not the
         * application's (as sets). Not for the plain servlets, the file and the JSP: there the container lists
         * TRACE, which MethodGuard leaves out by default.
         */
        boolean wrongOptionsAllow() {
            return method.equals("OPTIONS") && path.startsWith("/api") && plain.status() == 200 && guarded.status() == 200
                    && plain.header("Allow") != null && !methods(plain.header("Allow")).equals(methods(guarded.header("Allow")));
        }

        Set<String> applicationAllow() {
            Set<String> allow = new TreeSet<>(methods(plain.header("Allow")));
            for (String implicit : List.of("HEAD", "OPTIONS")) {
                if (served.contains(implicit)) {
                    allow.add(implicit);
                }
            }
            return allow;
        }

        String key() {
            return method + " " + path;
        }

        String row() {
            return "| " + method + " | `" + path + "` | " + describe(plain, false) + " | " + describe(guarded, rejectedByMethodGuard()) + " |";
        }
    }

    private JakartaRestMatrix() {
    }

    static Set<String> methods(String allow) {
        return allow == null ? Set.of() : Arrays.stream(allow.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** MethodGuard's rejection: 405/501, JSON, no-store, nosniff, and (but for HEAD) its JSON body. */
    static boolean isMethodGuards(Http.Response r, String method) {
        return (r.status() == 405 || r.status() == 501) && "application/json".equals(r.header("Content-Type"))
                && "no-store".equals(r.header("Cache-Control")) && "nosniff".equals(r.header("X-Content-Type-Options"))
                && (method.equals("HEAD") || r.body().startsWith("{\"status\":" + r.status() + ","));
    }

    static String describe(Http.Response r, boolean methodGuards) {
        String allow = r.header("Allow");
        return r.status() + (methodGuards ? " JSON" : "") + (allow == null ? "" : " Allow: " + allow);
    }

    /** Sends every cell; {@code port} is one where the server lets every method (TRACE too) through to the application. */
    static List<Cell> run(int port) throws IOException {
        List<Cell> cells = new ArrayList<>();
        for (String path : PATHS) {
            List<Http.Response[]> answers = new ArrayList<>();
            Set<String> served = new TreeSet<>();
            for (String method : METHODS) {
                String[] headers = Set.of("GET", "HEAD", "OPTIONS", "TRACE").contains(method) ? new String[0]
                        : new String[] {"Content-Length: 0"};
                Http.Response plain = Http.send(port, method, "/" + JaxrsWar.PLAIN + path, headers);
                Http.Response guarded = Http.send(port, method, "/" + JaxrsWar.GUARDED + path, headers);
                answers.add(new Http.Response[] {plain, guarded});
                if (plain.status() >= 200 && plain.status() < 300) {
                    served.add(method);
                }
            }
            for (int i = 0; i < METHODS.size(); i++) {
                cells.add(new Cell(METHODS.get(i), path, answers.get(i)[0], answers.get(i)[1], Set.copyOf(served)));
            }
        }
        return cells;
    }

    /** The whole matrix as a markdown table, with a verdict per cell, for the build's output directory. */
    static void write(Path file, String server, List<Cell> cells) throws IOException {
        StringBuilder b = new StringBuilder("# ").append(server).append(": the application alone and behind MethodGuard\n\n")
                .append("| method | path | application alone | with MethodGuard | verdict |\n| --- | --- | --- | --- | --- |\n");
        for (Cell c : cells) {
            String verdict = c.falseRejection() ? "FALSE REJECTION" : c.wrongAllow() || c.wrongOptionsAllow() ? "WRONG ALLOW"
                    : c.byDesign() ? "rejected by design"
                    : c.frameworkMethodError() ? (c.rejectedByMethodGuard() ? "method error, answered" : "method error, passed through")
                    : c.plain().status() == c.guarded().status() ? "same status" : "status differs";
            b.append(c.row().replaceFirst(" \\|$", " | " + verdict + " |")).append('\n');
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
    }

    /**
     * The cells {@code listing} (a COMPARISON-style markdown file) explains for {@code server}: its table rows
     * {@code | server | METHOD | `path` | ...}, as "METHOD path"; a method {@code *} stands for every method on that path.
     */
    static Set<String> listed(String listing, String server) {
        Set<String> keys = new TreeSet<>();
        for (String line : listing.split("\n")) {
            String[] cols = line.split("\\|");
            if (cols.length > 4 && cols[1].strip().toLowerCase(Locale.ROOT).equals(server.toLowerCase(Locale.ROOT))) {
                keys.add(cols[2].strip() + " " + cols[3].strip().replace("`", ""));
            }
        }
        return keys;
    }
}
