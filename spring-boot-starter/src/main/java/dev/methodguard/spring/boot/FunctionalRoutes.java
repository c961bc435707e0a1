package dev.methodguard.spring.boot;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * Reads a {@link RouterFunction} (WebMvc.fn) into routes: pattern and methods, with Spring's own visitors.
 * A predicate is read as a list of alternatives, each a path pattern (or any path) and a method set (or any
 * method): {@code and} combines them (nested paths are concatenated, methods intersected), {@code or} lists both,
 * and whatever says nothing about path or method (headers, parameters, versions, extensions) is read as
 * "true", so a route may stand for more requests than Spring sends it: never fewer. A negation, or a router
 * function Spring cannot describe, matches anything: its route passes every method through on every path.
 * Resources served by a router function ({@code RouterFunctions.resources}) are GET and HEAD on any path.
 */
final class FunctionalRoutes implements RouterFunctions.Visitor {
    /** One alternative: {@code pattern == null} is any path, {@code methods == null} any method. */
    record Alt(String pattern, Set<String> methods) {
    }

    /** A readable route: a pattern (never null) and methods ({@code null}: every method). */
    record Route(String pattern, Set<String> methods) {
    }

    record Result(List<Route> routes, List<String> unreadable) {
    }

    private final Deque<List<Alt>> nested = new ArrayDeque<>();
    private final List<Route> routes = new ArrayList<>();
    private final List<String> unreadable = new ArrayList<>();

    static Result of(RouterFunction<?> function) {
        FunctionalRoutes v = new FunctionalRoutes();
        function.accept(v);
        return new Result(List.copyOf(v.routes), List.copyOf(v.unreadable));
    }

    @Override
    public void startNested(RequestPredicate predicate) {
        List<Alt> outer = nested.isEmpty() ? List.of(new Alt(null, null)) : nested.peek();
        nested.push(and(outer, read(predicate)));
    }

    @Override
    public void endNested(RequestPredicate predicate) {
        nested.pop();
    }

    @Override
    public void route(RequestPredicate predicate, HandlerFunction<?> handlerFunction) {
        List<Alt> outer = nested.isEmpty() ? List.of(new Alt(null, null)) : nested.peek();
        for (Alt a : and(outer, read(predicate))) {
            routes.add(new Route(a.pattern() == null ? "/**" : a.pattern(), a.methods()));
        }
    }

    @Override
    public void resources(Function<ServerRequest, Optional<Resource>> lookupFunction) {
        routes.add(new Route("/**", Set.of("GET", "HEAD", "OPTIONS")));
    }

    @Override
    public void attributes(Map<String, Object> attributes) {
        // attributes say nothing about paths or methods
    }

    @Override
    public void unknown(RouterFunction<?> routerFunction) {
        unreadable.add("router function " + routerFunction + " cannot be read, so every path passes through unjudged");
        routes.add(new Route("/**", null));
    }

    /** Both must hold: paths concatenate (a nested path is relative to its parent's), methods intersect. */
    static List<Alt> and(List<Alt> left, List<Alt> right) {
        List<Alt> out = new ArrayList<>();
        for (Alt l : left) {
            for (Alt r : right) {
                String pattern = l.pattern() == null ? r.pattern() : r.pattern() == null ? l.pattern() : join(l.pattern(), r.pattern());
                Set<String> methods;
                if (l.methods() == null) {
                    methods = r.methods();
                } else if (r.methods() == null) {
                    methods = l.methods();
                } else {
                    methods = new TreeSet<>(l.methods());
                    methods.retainAll(r.methods());
                }
                out.add(new Alt(pattern, methods));
            }
        }
        return out;
    }

    private static String join(String prefix, String pattern) {
        String p = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return pattern.startsWith("/") ? p + pattern : p + "/" + pattern;
    }

    /** One predicate as alternatives, read with Spring's {@link RequestPredicates.Visitor}. */
    static List<Alt> read(RequestPredicate predicate) {
        PredicateReader r = new PredicateReader();
        predicate.accept(r);
        return r.result();
    }

    /**
     * Builds the alternatives bottom-up: each {@code start*} opens a frame, each leaf pushes its alternatives
     * into the open frame, each {@code end*} folds the frame's operands.
     */
    private static final class PredicateReader implements RequestPredicates.Visitor {
        private enum Op { ROOT, AND, OR, NEGATE }

        private record Frame(Op op, List<List<Alt>> operands) {
        }

        private final Deque<Frame> frames = new ArrayDeque<>();

        PredicateReader() {
            frames.push(new Frame(Op.ROOT, new ArrayList<>()));
        }

        List<Alt> result() {
            List<List<Alt>> operands = frames.peek().operands();
            List<Alt> all = List.of(new Alt(null, null));
            for (List<Alt> o : operands) {
                all = FunctionalRoutes.and(all, o);
            }
            return all;
        }

        private void leaf(List<Alt> alts) {
            frames.peek().operands().add(alts);
        }

        private static List<Alt> anything() {
            return List.of(new Alt(null, null));
        }

        @Override
        public void method(Set<HttpMethod> methods) {
            Set<String> names = new TreeSet<>();
            methods.forEach(m -> names.add(m.name()));
            leaf(List.of(new Alt(null, names)));
        }

        @Override
        public void path(String pattern) {
            leaf(List.of(new Alt(pattern, null)));
        }

        @Override
        @SuppressWarnings("removal") // Spring 7 still calls it for RequestPredicates.pathExtension(...)
        public void pathExtension(String extension) {
            leaf(anything());
        }

        @Override
        public void header(String name, String value) {
            leaf(anything());
        }

        @Override
        public void param(String name, String value) {
            leaf(anything());
        }

        @Override
        public void version(String version) {
            leaf(anything());
        }

        @Override
        public void startAnd() {
            frames.push(new Frame(Op.AND, new ArrayList<>()));
        }

        @Override
        public void and() {
            // operands arrive one by one
        }

        @Override
        public void endAnd() {
            Frame f = frames.pop();
            List<Alt> all = anything();
            for (List<Alt> o : f.operands()) {
                all = FunctionalRoutes.and(all, o);
            }
            leaf(all);
        }

        @Override
        public void startOr() {
            frames.push(new Frame(Op.OR, new ArrayList<>()));
        }

        @Override
        public void or() {
            // operands arrive one by one
        }

        @Override
        public void endOr() {
            Frame f = frames.pop();
            List<Alt> all = new ArrayList<>();
            f.operands().forEach(all::addAll);
            leaf(all);
        }

        @Override
        public void startNegate() {
            frames.push(new Frame(Op.NEGATE, new ArrayList<>()));
        }

        @Override
        public void endNegate() {
            frames.pop();
            leaf(anything()); // "not X" may match any path with any method
        }

        @Override
        public void unknown(RequestPredicate predicate) {
            leaf(anything());
        }
    }
}
