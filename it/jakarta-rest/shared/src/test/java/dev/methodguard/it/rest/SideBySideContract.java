package dev.methodguard.it.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.methodguard.MethodGuardFilter;
import dev.methodguard.it.rest.app.Hits;
import dev.methodguard.it.rest.app.ItemsResource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Deploys the application of {@code app/} with one framework on one container, once without MethodGuard
 * ({@code /plain}) and once per configuration variant with it, sends every method of {@link Sweep#METHODS} to
 * every sample path of {@link Sweep#PATHS}, and compares. Each module runs this with its own class path.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SideBySideContract {
    private Container container;
    private Sweep sweep;

    protected abstract Container container();

    protected abstract Framework framework();

    @BeforeAll
    void deployAndSweep() throws Exception {
        List<Framework.Variant> variants = framework().variants();
        List<Container.Deployment> apps = new ArrayList<>();
        Framework.Variant first = variants.get(0);
        apps.add(deployment("/plain", first, false));
        for (Framework.Variant v : variants) {
            apps.add(deployment("/mg-" + v.id(), v, true));
        }
        container = container();
        long start = System.nanoTime();
        int port = container.start(apps);
        Map<String, String> contexts = new LinkedHashMap<>();
        for (Framework.Variant v : variants) {
            contexts.put(v.id(), "/mg-" + v.id());
        }
        sweep = Sweep.run(port, "/plain", contexts, container.notes());
        System.out.printf("%s: %d requests, %d ms (start included)%n", System.getProperty("methodguard.it.id"),
                sweep.requests(), (System.nanoTime() - start) / 1_000_000);
    }

    @AfterAll
    void stop() throws Exception {
        if (container != null) {
            container.close();
        }
    }

    private Container.Deployment deployment(String contextPath, Framework.Variant v, boolean guarded) throws IOException {
        return new Container.Deployment(contextPath, docBase(contextPath), Framework.SERVLET, v.servletClass(), Framework.MAPPING,
                v.initParams(), v.contextParams(), !guarded ? null
                : v.builder() ? MethodGuardFilter.builder().jakartaRest(Framework.SERVLET, Framework.ROOTS.toArray(Class<?>[]::new)).build()
                : new MethodGuardFilter());
    }

    /** A document root (under target/contexts) whose WEB-INF/classes holds the application's classes, as in a WAR (package scanning reads it). */
    private static Path docBase(String contextPath) throws IOException {
        Path target = Path.of(System.getProperty("methodguard.it.target", "target"), "contexts");
        Files.createDirectories(target);
        Path base = Files.createTempDirectory(target, contextPath.substring(1) + "-");
        String pkg = ItemsResource.class.getPackageName().replace('.', '/');
        Path classes;
        try {
            classes = Path.of(ItemsResource.class.getProtectionDomain().getCodeSource().getLocation().toURI()).resolve(pkg);
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        Path classesDir = base.resolve("WEB-INF/classes").resolve(pkg);
        Files.createDirectories(classesDir);
        try (Stream<Path> files = Files.list(classes)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                try (InputStream in = Files.newInputStream(f)) {
                    Files.copy(in, classesDir.resolve(f.getFileName().toString()));
                }
            }
        }
        return base;
    }

    /** Sanity: the deployments run, and the counting filter sees the framework's requests. */
    @Test
    void theApplicationIsDeployedAndCounted() {
        assertTrue(sweep.plainRan() > 0, "the framework alone processed no request");
        assertEquals(200, sweep.status("/plain", "/ping", "GET"), "GET /plain/api/ping");
        for (String ctx : sweep.guardedContexts()) {
            assertEquals(200, sweep.status(ctx, "/ping", "GET"), "GET " + ctx + "/api/ping");
        }
        assertTrue(Hits.count("/plain") > 0);
    }

    /** 1. Nothing the framework serves with 2xx on its own is rejected by MethodGuard. */
    @Test
    void noFalseRejections() {
        failIfAny(Sweep.Kind.FALSE_REJECTION);
    }

    /** 2. Every 405 of MethodGuard, and every OPTIONS it answers, lists exactly the framework's Allow for that path. */
    @Test
    void allowIsTheFrameworksOwn() {
        failIfAny(Sweep.Kind.ALLOW_MISMATCH);
    }

    /** 3. The framework never runs for a request MethodGuard answers, and everything else reaches it unchanged. */
    @Test
    void rejectedRequestsNeverReachTheFramework() {
        failIfAny(Sweep.Kind.FRAMEWORK_RAN, Sweep.Kind.PASSED_CHANGED);
    }

    /**
     * 4. MethodGuard answers at least 95 % of the framework's own method errors itself, with its JSON; every one it
     * passes on has its reason recorded in {@link DocumentedDifferences#whyPassed}.
     */
    @Test
    void methodGuardAnswersTheFrameworksOwnMethodErrors() {
        Map<String, Boolean> errors = sweep.methodErrors();
        long mine = errors.values().stream().filter(b -> b).count();
        assertTrue(mine * 100 >= 95L * errors.size(), "MethodGuard answered " + mine + " of the framework's " + errors.size()
                + " method errors; passed on: " + errors.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList());
        List<String> unexplained = new ArrayList<>();
        errors.forEach((request, answered) -> {
            String path = request.substring(request.indexOf(' ') + 1);
            if (!answered && DocumentedDifferences.whyPassed(framework(), path.equals("(empty)") ? "" : path) == null) {
                unexplained.add(request);
            }
        });
        fail(unexplained);
    }

    /** The routes derived from init-params, packages, context-params and the builder judge alike. */
    @Test
    void everyConfigurationJudgesAlike() {
        failIfAny(Sweep.Kind.VARIANTS_DIFFER);
    }

    /** The committed COMPARISON.md section is what this run produced (or is rewritten with -Dmethodguard.regenerate=true). */
    @Test
    void comparisonIsUpToDate() throws IOException {
        String id = System.getProperty("methodguard.it.id");
        String section = sweep.markdown(System.getProperty("methodguard.it.title"), framework());
        Path target = Path.of(System.getProperty("methodguard.it.target", "target"));
        Files.createDirectories(target);
        Files.writeString(target.resolve("comparison-" + id + ".md"), section);
        Comparison.check(Path.of(System.getProperty("methodguard.comparison")), id, section,
                Boolean.getBoolean("methodguard.regenerate"), target.resolve("comparison-" + id + ".md"));
    }

    /** Fails on every violation of these kinds that is not a documented difference. */
    private void failIfAny(Sweep.Kind... kinds) {
        List<String> all = new ArrayList<>();
        for (Sweep.Kind kind : kinds) {
            for (Sweep.Violation v : sweep.violations(kind)) {
                if (DocumentedDifferences.find(framework(), v) == null) {
                    all.add(v.toString());
                }
            }
        }
        fail(all);
    }

    private static String describe(DocumentedDifferences.Bug bug) {
        return bug == null ? " (not a documented difference)" : " (documented difference " + bug.id() + ")";
    }

    private static void fail(List<String> violations) {
        if (!violations.isEmpty()) {
            Assertions.fail(violations.size() + " violation(s):\n  "
                    + String.join("\n  ", violations.subList(0, Math.min(60, violations.size()))));
        }
    }
}
