package dev.methodguard;

import dev.methodguard.RouteTable.Kind;
import dev.methodguard.RouteTable.Route;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Jersey's choice among the routes matching a path, for a method the best-ranked route refuses. Jersey routes
 * through a tree (its {@code RuntimeModelBuilder}): at the top, per resource class path, a closed entry (the
 * class's own methods, the path exactly) and an open entry (the path and more: sub-resource methods and
 * locators); below an open entry the same again for the children. At each level its {@code PathMatchingRouter}
 * takes, in rank order, the first matching entry whose methods include the request's, remembering the first
 * matching entry that lacks it; an open entry or a locator ends the scan (the remembered entry wins if there
 * is one, else Jersey descends). So a class's methods are lent to a path of another class only where Jersey
 * really serves them there: {@code DELETE /users/me} by {@code /users/{user}} when {@code /users/me} lacks it,
 * never a catch-all class's POST to a path whose own class answered 405.
 *
 * <p>Each route carries its place in that tree ({@link Route#chain()}, set by {@link JakartaRestRoutes}):
 * {@code C} closed, {@code O} open (a class, or a typed locator, whose fence route stands for its pattern),
 * {@code U} an untyped locator, {@code S} a sub-resource's children, {@code F} the fence of a class without
 * children (no entry: Jersey has no open route for it). Runs only on the way to a 405 or an
 * OPTIONS answer; allocates.
 */
final class JerseyRouting {
    /** No route judges the request: Jersey answers 404, or a locator decides at run time. */
    static final int PASS = -1;

    private JerseyRouting() {
    }

    /**
     * The route whose methods Jersey answers this request by (it serves the method there, or answers 405 with
     * that route's methods), or {@link #PASS}. {@code matched} is every route matching the path;
     * {@code serves} tells whether route i takes the request's method.
     */
    static int choose(RouteTable table, List<Integer> matched, IntPredicate serves) {
        for (int i : matched) {
            if (table.routes().get(i).chain() == null) {
                return PASS; // a route without a place in the tree: Jersey's choice cannot be told
            }
        }
        return level(table, matched, serves, new ArrayList<>());
    }

    private record Entry(String key, int rank, int route) {
    }

    private static int level(RouteTable table, List<Integer> matched, IntPredicate serves, List<String> prefix) {
        int d = prefix.size();
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (int i : matched) {
            Route r = table.routes().get(i);
            List<String> chain = r.chain();
            if (chain.size() <= d || !chain.subList(0, d).equals(prefix)) {
                continue;
            }
            String key = chain.get(d);
            if (key.charAt(0) == 'F') {
                continue; // a class without children has no open entry: its fence is no entry of Jersey's
            }
            boolean ends = chain.size() == d + 1;
            char kind = key.charAt(0);
            // Where the entry stands among its siblings: its own route's rank (a fence for an open entry); a
            // sub-resource's children come after its own methods.
            int rank = kind == 'S' ? Integer.MAX_VALUE : ends ? table.rank(i) : Integer.MAX_VALUE - 1;
            Entry e = entries.get(key);
            if (e == null || rank < e.rank()) {
                entries.put(key, new Entry(key, rank, kind == 'C' && ends ? i : e == null ? -1 : e.route()));
            }
        }
        List<Entry> order = new ArrayList<>(entries.values());
        order.sort(Comparator.comparingInt(Entry::rank).thenComparingInt(e -> "CUOS".indexOf(e.key().charAt(0))));
        int candidate = PASS;
        for (Entry e : order) {
            switch (e.key().charAt(0)) {
                case 'C' -> {
                    if (e.route() < 0 || table.routes().get(e.route()).kind() != Kind.METHODS) {
                        return PASS; // cut, or merged with a locator: what it serves is unknowable
                    }
                    if (serves.test(e.route())) {
                        return e.route();
                    }
                    if (candidate < 0) {
                        candidate = e.route();
                    }
                }
                case 'U' -> {
                    return candidate; // a locator: the remembered entry wins, else the run-time object decides
                }
                default -> {
                    if (candidate >= 0) {
                        return candidate;
                    }
                    List<String> next = new ArrayList<>(prefix);
                    next.add(e.key());
                    return level(table, matched, serves, next);
                }
            }
        }
        return candidate;
    }
}
