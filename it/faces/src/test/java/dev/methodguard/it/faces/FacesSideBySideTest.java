package dev.methodguard.it.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.methodguard.MethodGuardFilter;
import dev.methodguard.RawHttp;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jboss.weld.environment.servlet.EnhancedListener;
import org.junit.jupiter.api.Test;

/**
 * The same Faces page (Mojarra 4.1 or MyFaces 4.1, Weld 6, embedded Jetty 12.1 ee10) deployed twice, without
 * and with MethodGuard, and probed with the same requests. System property {@code faces-it.impl} names the Faces
 * implementation on the class path (the pom runs the test once per implementation).
 */
class FacesSideBySideTest {
    static final String PAGE = "/index.xhtml";
    static final String FACES_SERVLET = "jakarta.faces.webapp.FacesServlet";
    static final String IMPL = System.getProperty("faces-it.impl", "Mojarra");

    /** One deployment: its server, and how many requests reached the FacesServlet / ran a Faces lifecycle. */
    record Deployment(Server server, ServletContextHandler context, AtomicInteger reached) {
        int port() {
            return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        }

        int lifecycles() {
            Object n = context.getServletContext().getAttribute(CountingPhaseListener.ATTRIBUTE);
            return n == null ? 0 : ((AtomicInteger) n).get();
        }
    }

    /** What one request got: the response, and whether it reached the FacesServlet and ran the lifecycle. */
    record Outcome(RawHttp.Response response, boolean reached, boolean lifecycle) {
    }

    /** A filter mapped after MethodGuard (so in front of the FacesServlet): counts what gets that far. */
    static final class CountingFilter implements Filter {
        final AtomicInteger count;

        CountingFilter(AtomicInteger count) {
            this.count = count;
        }

        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
            count.incrementAndGet();
            chain.doFilter(req, res);
        }
    }

    static Deployment deploy(boolean guarded) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler("/", ServletContextHandler.SESSIONS);
        // A class loader of its own per deployment: Mojarra keeps its factories per context class loader.
        context.setClassLoader(new URLClassLoader(new URL[0], FacesSideBySideTest.class.getClassLoader()));
        Path webapp = Path.of(FacesSideBySideTest.class.getResource("/webapp/index.xhtml").toURI()).getParent();
        context.setBaseResourceAsString(webapp.toString());
        context.setInitParameter("jakarta.faces.PROJECT_STAGE", "Production");
        // Mojarra's ConfigureListener looks for the FacesServlet in WEB-INF/web.xml, and there is none here: without
        // this it skips configuring Faces (the FacesServlet then fails: no FacesContextFactory).
        context.setInitParameter("com.sun.faces.forceLoadConfiguration", "true");
        // MyFaces looks for annotated classes in /WEB-INF/classes, which this context has not: name the package instead.
        context.setInitParameter("org.apache.myfaces.annotation.SCAN_PACKAGES", "dev.methodguard.it.faces");

        // Registered by class name, as web.xml would: that name is what MethodGuard recognizes.
        ServletHolder faces = new ServletHolder();
        faces.setName("faces");
        faces.setClassName(FACES_SERVLET);
        faces.setInitOrder(1);
        context.addServlet(faces, "*.xhtml");

        if (guarded) {
            context.addFilter(new FilterHolder(new MethodGuardFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
        }
        AtomicInteger reached = new AtomicInteger();
        context.addFilter(new FilterHolder(new CountingFilter(reached)), "*.xhtml", EnumSet.of(DispatcherType.REQUEST));
        // What a container does with the initializers of the jars (META-INF/services): Weld's starts CDI, the Faces
        // implementation's registers its listener (Mojarra's ConfigureListener, MyFaces' StartupServletContextListener).
        List<ServletContainerInitializer> initializers = new ArrayList<>();
        ServiceLoader.load(ServletContainerInitializer.class, FacesSideBySideTest.class.getClassLoader()).forEach(initializers::add);
        initializers.sort(Comparator.comparing(i -> i instanceof EnhancedListener ? 0 : 1));
        assertTrue(initializers.size() >= 2 && initializers.get(0) instanceof EnhancedListener, initializers::toString);
        initializers.forEach(context::addServletContainerInitializer);
        if (present(MYFACES_LISTENER)) {
            // MyFaces declares its startup listener in a TLD, which a full container scans and this embedded one does not.
            context.addServletContainerInitializer((classes, ctx) -> ctx.addListener(MYFACES_LISTENER));
        }

        server.setHandler(context);
        server.start();
        return new Deployment(server, context, reached);
    }

    static final String MYFACES_LISTENER = "org.apache.myfaces.webapp.StartupServletContextListener";

    static boolean present(String className) {
        try {
            Class.forName(className, false, FacesSideBySideTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** The probes, in order; each label maps to one request to the page. */
    static final List<String> PROBES = List.of("GET", "HEAD", "POST postback", "POST plain", "PUT", "DELETE", "PATCH",
            "OPTIONS", "TRACE", "FOO", "get");
    /** What a Faces request is: these must be served identically with MethodGuard. */
    static final List<String> FACES_REQUESTS = List.of("GET", "HEAD", "POST postback", "POST plain");
    static final String FACES_ALLOW = "GET, HEAD, OPTIONS, POST";

    static Map<String, Outcome> probe(Deployment d) throws Exception {
        Map<String, Outcome> out = new LinkedHashMap<>();
        for (String label : PROBES) {
            int port = d.port();
            String target = PAGE;
            String form = null;
            List<String> headers = new ArrayList<>();
            if (label.equals("POST postback")) {
                // A real postback: the form as a browser submits it, with the view state and session cookie of a GET.
                RawHttp.Response page = RawHttp.send(port, "GET", PAGE);
                assertEquals(200, page.status(), page.body());
                headers.add("Cookie: " + page.header("set-cookie").split(";")[0]);
                target = match(page.body(), "<form id=\"form\"[^>]*action=\"([^\"]*)\"").replace("&amp;", "&");
                form = formFields(match(page.body(), "(?s)(<form id=\"form\".*?</form>)"));
                assertTrue(form.contains("jakarta.faces.ViewState="), form);
            } else if (label.equals("POST plain")) {
                form = "name=hello"; // no view state: not a postback, Faces renders the page as for a GET
            }
            if (form != null) {
                headers.add("Content-Type: application/x-www-form-urlencoded");
            }
            int reachedBefore = d.reached().get();
            int lifecyclesBefore = d.lifecycles();
            String method = label.split(" ")[0];
            String[] h = headers.toArray(new String[0]);
            RawHttp.Response r = form != null ? RawHttp.sendBody(port, method, target, form, h) : RawHttp.send(port, method, target, h);
            out.put(label, new Outcome(r, d.reached().get() > reachedBefore, d.lifecycles() > lifecyclesBefore));
        }
        return out;
    }

    /**
     * The fields a browser submits when the form's button is clicked: every named input of the rendered form with
     * its value (view state, the implementation's own hidden fields, the button), "hello" typed into the text field.
     */
    static String formFields(String formHtml) {
        StringBuilder body = new StringBuilder();
        Matcher input = Pattern.compile("<input\\b([^>]*)>").matcher(formHtml);
        while (input.find()) {
            String attrs = input.group(1);
            String name = attribute(attrs, "name");
            if (name == null) {
                continue;
            }
            String value = "text".equals(attribute(attrs, "type")) ? "hello" : attribute(attrs, "value");
            body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value == null ? "" : value.replace("&amp;", "&"), StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    static String attribute(String attrs, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(attrs);
        return m.find() ? m.group(1) : null;
    }

    static String match(String s, String regex) {
        Matcher m = Pattern.compile(regex).matcher(s);
        assertTrue(m.find(), () -> "no match for " + regex + " in:\n" + s);
        return m.group(1);
    }

    /** A page body without what differs between two renderings of it: the view state and any session id. */
    static String normalized(String body) {
        return body.replaceAll("(name=\"jakarta.faces.ViewState\"[^>]*value=\")[^\"]*\"", "$1…\"")
                .replaceAll(";jsessionid=[^\"?#&]*", "");
    }

    @Test
    void facesAloneVersusMethodGuard() throws Exception {
        Map<String, Outcome> plain = run(false);
        Map<String, Outcome> guarded = run(true);

        for (String label : FACES_REQUESTS) {
            Outcome p = plain.get(label);
            Outcome g = guarded.get(label);
            assertEquals(200, p.response().status(), label + " without MethodGuard: " + p.response().body());
            assertEquals(p.response().status(), g.response().status(), label + ": refused with MethodGuard: " + g.response().body());
            assertEquals(p.response().header("content-type"), g.response().header("content-type"), label);
            assertEquals(normalized(p.response().body()), normalized(g.response().body()), label + ": another page with MethodGuard");
            assertTrue(p.lifecycle() && g.reached() && g.lifecycle(), label + ": the Faces lifecycle did not run with MethodGuard");
        }
        assertEquals("", guarded.get("HEAD").response().body());
        for (Map<String, Outcome> run : List.of(plain, guarded)) {
            String postback = run.get("POST postback").response().body();
            assertTrue(postback.contains("postback=true") && postback.contains("hello=hello"), postback);
            assertTrue(run.get("POST plain").response().body().contains("postback=false"));
        }

        for (String label : PROBES) {
            if (FACES_REQUESTS.contains(label)) {
                continue;
            }
            RawHttp.Response g = guarded.get(label).response();
            assertTrue(!guarded.get(label).reached() && !guarded.get(label).lifecycle(),
                    label + ": reached the FacesServlet behind MethodGuard");
            if (label.equals("OPTIONS")) {
                assertEquals(200, g.status(), label);
                assertEquals(FACES_ALLOW, g.header("allow"), label);
            } else if (g.status() == 405) {
                assertEquals(FACES_ALLOW, g.header("allow"), label);
            } else {
                assertEquals(501, g.status(), label + ": " + g.body());
            }
            if (g.status() != 200) {
                assertTrue(g.header("content-type").startsWith("application/json"), label + ": " + g.header("content-type"));
            }
        }

        String table = table(plain, guarded);
        Path out = Path.of("target", "faces-it-table-" + IMPL.split(" ")[0].toLowerCase(java.util.Locale.ROOT) + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
        String readmePath = System.getProperty("faces-it.readme");
        if (readmePath != null) {
            String readme = Files.readString(Path.of(readmePath));
            assertTrue(readme.contains(table), "README.md's table differs from this run; paste " + out + " into it:\n" + table);
        }
    }

    static Map<String, Outcome> run(boolean guarded) throws Exception {
        Deployment d = deploy(guarded);
        try {
            return probe(d);
        } finally {
            d.server().stop();
        }
    }

    /** The side-by-side table, in Markdown (README.md holds a copy; the test checks it is the same). */
    static String table(Map<String, Outcome> plain, Map<String, Outcome> guarded) {
        StringBuilder t = new StringBuilder()
                .append("### ").append(IMPL).append("\n\n")
                .append("| Request | Faces alone | Faces lifecycle ran | With MethodGuard | `Allow` | FacesServlet reached |\n")
                .append("|---|---|---|---|---|---|\n");
        for (String label : PROBES) {
            Outcome p = plain.get(label);
            Outcome g = guarded.get(label);
            String allowP = p.response().header("allow");
            String allowG = g.response().header("allow");
            t.append("| `").append(label.replace(" ", "` ")).append(label.contains(" ") ? "" : "`")
                    .append(" | ").append(p.response().status()).append(allowP == null ? "" : " `Allow: " + allowP + "`")
                    .append(describe(p.response()))
                    .append(" | ").append(p.lifecycle() ? "yes" : "no")
                    .append(" | ").append(g.response().status()).append(describe(g.response()))
                    .append(" | ").append(allowG == null ? "—" : "`" + allowG + "`")
                    .append(" | ").append(g.reached() ? (g.lifecycle() ? "yes (lifecycle ran)" : "yes (no lifecycle)") : "no")
                    .append(" |\n");
        }
        return t.toString();
    }

    /** What a response was, in words: the page (and what Faces saw), a JSON error, or something else. */
    static String describe(RawHttp.Response r) {
        String ct = r.header("content-type");
        if (r.body().isEmpty()) {
            return ct != null && ct.startsWith("text/html") ? " page headers, no body" : " no body";
        }
        if (r.body().contains("id=\"method\"")) {
            Matcher m = Pattern.compile("method=([A-Za-z]+)").matcher(r.body());
            return " page rendered" + (m.find() ? " (Faces saw `" + m.group(1) + "`)" : "");
        }
        if (ct != null && ct.startsWith("application/json")) {
            return " JSON";
        }
        return "";
    }
}
