package dev.methodguard;

import dev.methodguard.RouteTable.Kind;
import dev.methodguard.RouteTable.Route;
import dev.methodguard.RouteTable.Step;
import dev.methodguard.RouteTable.Step.Entry;
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
 * <p>Each route carries its place in that tree ({@link Route#chain()}, set by {@link JakartaRestRoutes}), a
 * list of {@link Step}s: closed, open (a class, or a typed locator, whose fence route stands for its pattern),
 * an untyped locator, a sub-resource's children, or the fence of a class without children (no entry: Jersey
 * has no open route for it). Runs only on the way to a 405 or an
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

    /** One entry of a level of Jersey's tree: its step, where it ranks among its siblings, its route if closed. */
    private record Candidate(Step step, int rank, int route) {
    }

    private static int level(RouteTable table, List<Integer> matched, IntPredicate serves, List<Step> prefix) {
        int d = prefix.size();
        Map<Step, Candidate> entries = new LinkedHashMap<>();
        for (int i : matched) {
            Route r = table.routes().get(i);
            List<Step> chain = r.chain();
            if (chain.size() <= d || !chain.subList(0, d).equals(prefix)) {
                continue;
            }
            Step step = chain.get(d);
            if (step.entry() == Entry.FENCE) {
                continue; // a class without children has no open entry: its fence is no entry of Jersey's
            }
            boolean ends = chain.size() == d + 1;
            // Where the entry stands among its siblings: its own route's rank (a fence for an open entry); a
            // sub-resource's children come after its own methods.
            int rank = step.entry() == Entry.SUB ? Integer.MAX_VALUE : ends ? table.rank(i) : Integer.MAX_VALUE - 1;
            Candidate e = entries.get(step);
            if (e == null || rank < e.rank()) {
                entries.put(step, new Candidate(step, rank, step.entry() == Entry.CLOSED && ends ? i : e == null ? -1 : e.route()));
            }
        }
        List<Candidate> order = new ArrayList<>(entries.values());
        // At equal rank, in the order of the Entry constants: closed, untyped locator, open, sub-resource.
        order.sort(Comparator.comparingInt(Candidate::rank).thenComparing(e -> e.step().entry()));
        int candidate = PASS;
        for (Candidate e : order) {
            switch (e.step().entry()) {
                case CLOSED -> {
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
                case UNTYPED_LOCATOR -> {
                    return candidate; // a locator: the remembered entry wins, else the run-time object decides
                }
                default -> {
                    if (candidate >= 0) {
                        return candidate;
                    }
                    List<Step> next = new ArrayList<>(prefix);
                    next.add(e.step());
                    return level(table, matched, serves, next);
                }
            }
        }
        return candidate;
    }
}
