package dev.methodguard;

import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.MappingMatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The immutable result of {@code init()}: the capability of every registered servlet by name (for a servlet
 * judged route by route, its entry and its {@link RoutedServlet}), the capabilities of targets that are no
 * servlet registration, and the set of methods the application knows. Requests only read it.
 */
final class Policy {
    /** Every registered servlet, declared or not (a routed servlet by its entry): a name missing here is no registration. */
    private final Map<String, Capability> byName;
    /** The servlets judged by route, each at its entry's {@code routedIndex}. */
    private final RoutedServlet[] routed;
    /**
     * The context's path as {@link jakarta.servlet.ServletContext#getContextPath()} gives it at init(), for placing a
     * raw request path: asking each request instead costs an allocation on Tomcat, whose
     * {@code Request.getContextPath()} works the raw prefix out of the URI every time.
     */
    private final String contextPath;
    private final Set<String> known;
    /** Targets that are no registration (Open Liberty serves files and JSPs so): static files, and JSPs. */
    final Capability unregisteredStatic;
    final Capability unregisteredJsp;
    final List<Capability> all;
    final Settings settings;
    /** What init() should warn about: undeclared servlets, HEAD refused, an unreadable web.xml. */
    final List<String> warnings;

    Policy(List<Capability> capabilities, List<RoutedServlet> routed, String contextPath, Capability unregisteredStatic,
           Capability unregisteredJsp, Settings settings, List<String> warnings) {
        this.contextPath = contextPath == null ? "" : contextPath;
        this.all = List.copyOf(capabilities);
        this.unregisteredStatic = unregisteredStatic;
        this.unregisteredJsp = unregisteredJsp;
        this.settings = settings;
        this.warnings = List.copyOf(warnings);
        Map<String, Capability> names = new HashMap<>();
        Set<String> k = new TreeSet<>(settings.knownMethods());
        k.add(Methods.OPTIONS);
        k.add(Methods.TRACE); // a standard method we know; refused with 405 unless allow-trace=true
        for (Capability c : capabilities) {
            names.put(c.servletName, c);
            if (c.isDeclared() && c.source != Capability.Source.CONTAINER_FALLBACK) {
                k.addAll(c.allowed());
            }
        }
        for (RoutedServlet r : routed) {
            for (Capability route : r.routeCapabilities()) {
                if (route != null) {
                    k.addAll(route.allowed());
                }
            }
        }
        // Even where HEAD is refused because of a security-constraint gap: a 405, not a 501.
        EffectiveMethods.addHeadWithGet(k);
        // HashMap and HashSet, not Map.copyOf/Set.copyOf: their lookups mask the hash where the immutable
        // collections take a floorMod (a division), which measurably slowed the pass-through path as the map
        // grew (BENCHMARKS.md). Both are private, built here and never written again.
        this.byName = new HashMap<>(names);
        this.routed = routed.toArray(new RoutedServlet[0]);
        this.known = new HashSet<>(k);
    }

    /**
     * The capability that judges this request (for an undeclared servlet, its undeclared marker), or
     * {@code null} when no route of a routed servlet matches (a Jakarta REST servlet's routes are matched on
     * the raw request URI, see {@link RawPath}; one that cannot be placed passes through). A lookup by servlet name, against the
     * registrations of init() (Open Liberty registers a JSP lazily, after its first request); a name that is
     * no registration (a container serving a file or JSP outside any servlet) is judged as static content,
     * or as a JSP by its extension.
     */
    Capability target(HttpServletRequest req) {
        HttpServletMapping mapping = req.getHttpServletMapping();
        if (mapping == null) {
            return null;
        }
        Capability c = byName.get(mapping.getServletName());
        if (c == null) {
            return isJsp(req.getServletPath()) ? unregisteredJsp : unregisteredStatic;
        }
        if (c.routedIndex < 0) {
            return c;
        }
        RoutedServlet routed = this.routed[c.routedIndex];
        if (!routed.rawPath) {
            return routed.route(pathWithinServlet(req, mapping));
        }
        String uri = req.getRequestURI();
        int from = rawStart(req, mapping, uri);
        if (from < 0) {
            return null; // the raw path cannot be placed exactly as the framework places it: pass through
        }
        if (RawPath.hasMatrix(uri, from)) {
            String p = RawPath.stripMatrix(uri, from);
            return routed.route(p, 0, p.length());
        }
        return routed.route(uri, from, uri.length());
    }

    /**
     * For a routed request whose method its best route refuses: the capability of every route matching its
     * path together ({@code null}: one of them takes any method). See {@link RoutedServlet#widen(Capability, String, String, int, int)}.
     */
    Capability widen(HttpServletRequest req, Capability best) {
        HttpServletMapping mapping = req.getHttpServletMapping();
        RoutedServlet routed = this.routed[byName.get(mapping.getServletName()).routedIndex];
        if (!routed.rawPath) {
            return routed.widen(best, req.getMethod(), pathWithinServlet(req, mapping));
        }
        String uri = req.getRequestURI();
        int from = rawStart(req, mapping, uri);
        if (from < 0) {
            return null;
        }
        if (RawPath.hasMatrix(uri, from)) {
            String p = RawPath.stripMatrix(uri, from);
            return routed.widen(best, req.getMethod(), p, 0, p.length());
        }
        return routed.widen(best, req.getMethod(), uri, from, uri.length());
    }

    private int rawStart(HttpServletRequest req, HttpServletMapping mapping, String uri) {
        return RawPath.start(uri, contextPath, req.getServletPath(), mapping.getMappingMatch() == MappingMatch.PATH);
    }

    /** What a front controller routes on: the pathInfo under a path mapping ({@code /api/*}), else the servlet path. */
    private static String pathWithinServlet(HttpServletRequest req, HttpServletMapping mapping) {
        String pathInfo = req.getPathInfo();
        if (pathInfo != null) {
            return pathInfo;
        }
        return mapping.getMappingMatch() == MappingMatch.PATH ? "" : req.getServletPath();
    }

    private static boolean isJsp(String servletPath) {
        return servletPath != null && (servletPath.endsWith(".jsp") || servletPath.endsWith(".jspx"));
    }

    /** The capability of a servlet by name (a routed servlet's entry); {@code null} for names that are no registration. */
    Capability capability(String servletName) {
        return byName.get(servletName);
    }

    /** The servlet judged route by route of that name; {@code null} for any other name. */
    RoutedServlet routed(String servletName) {
        Capability c = byName.get(servletName);
        return c == null ? null : routedOf(c);
    }

    private RoutedServlet routedOf(Capability c) {
        return c.routedIndex < 0 ? null : routed[c.routedIndex];
    }

    /** How many servlets are registered; for tests that prove requests never grow the policy. */
    int declaredCount() {
        return byName.size();
    }

    boolean isKnown(String method) {
        return known.contains(method);
    }

    /** The known methods, sorted; a copy (for the startup table, JMX and tests). */
    Set<String> known() {
        return new TreeSet<>(known);
    }

    /** Every capability with counters, the unregistered targets last: for JMX. */
    Map<String, Counters> counters() {
        Map<String, Counters> out = new LinkedHashMap<>();
        for (Capability c : all) {
            out.put(c.label, c.counters);
        }
        out.put(unregisteredStatic.label, unregisteredStatic.counters);
        out.put(unregisteredJsp.label, unregisteredJsp.counters);
        return out;
    }

    /** The startup table: every servlet, its mappings, its methods and where they came from. */
    String describe(String contextPath) {
        StringBuilder b = new StringBuilder();
        b.append("MethodGuard policy for context '").append(contextPath).append("' (mode=").append(settings.mode().paramValue())
                .append(", format=").append(settings.errorBody() == null ? settings.format().paramValue()
                        : "error-body " + settings.errorBody().getClass().getName())
                .append(", allow-trace=").append(settings.allowTrace())
                .append(", preflight=").append(settings.preflight().paramValue()).append(")\n");
        List<Capability> rows = new ArrayList<>(all);
        rows.add(unregisteredStatic);
        rows.add(unregisteredJsp);
        int wName = "servlet".length();
        int wMap = "mappings".length();
        int wAllow = "allowed".length();
        for (Capability c : rows) {
            RoutedServlet routed = routedOf(c);
            if (routed != null) {
                for (RouteTable.Route r : routed.table.routes()) {
                    wMap = Math.max(wMap, r.template().length() + 2);
                }
                for (Capability rc : routed.routeCapabilities()) {
                    wAllow = Math.max(wAllow, rc == null ? 1 : rc.allowHeader.length());
                }
                wAllow = Math.max(wAllow, "(by route)".length());
            }
            wName = Math.max(wName, c.label.length());
            wMap = Math.max(wMap, String.join(" ", c.mappings).length());
            wAllow = Math.max(wAllow, c.isDeclared() ? c.allowHeader.length() : 1);
        }
        String row = "  %-" + wName + "s  %-" + wMap + "s  %-" + wAllow + "s  %s%n";
        b.append(String.format(row, "servlet", "mappings", "allowed", "source"));
        for (Capability c : rows) {
            String source = c.isDeclared()
                    ? c.source.label + (c.note == null ? "" : "; " + c.note) + (c.ownsOptions ? "; OPTIONS by the servlet" : "")
                    : c.source.label + " (" + c.note + "): passes through";
            RoutedServlet routed = routedOf(c);
            if (routed != null) {
                b.append(String.format(row, c.label, String.join(" ", c.mappings), "(by route)", source + "; other paths pass through"));
                List<Capability> byRoute = routed.routeCapabilities();
                for (int i = 0; i < byRoute.size(); i++) {
                    RouteTable.Route r = routed.table.routes().get(i);
                    Capability rc = byRoute.get(i);
                    b.append(String.format(row, "", "  " + r.template(), rc == null ? "-" : rc.allowHeader,
                            r.source() + (rc == null ? ": passes through" : rc.ownsOptions ? "; OPTIONS by the servlet" : "")));
                }
                continue;
            }
            b.append(String.format(row, c.label, String.join(" ", c.mappings), c.isDeclared() ? c.allowHeader : "-", source));
        }
        b.append("  known methods: ").append(String.join(", ", known()));
        return b.toString();
    }
}
