package dev.methodguard;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/** Servlets for the tests. Each counts its invocations, so a test can prove a servlet never ran. */
public final class TestServlets {
    private TestServlets() {
    }

    /** Answers 200 with "METHOD ok" and counts every call of service(). */
    public abstract static class Counting extends HttpServlet {
        final AtomicInteger calls = new AtomicInteger();

        void ok(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            calls.incrementAndGet();
            resp.setContentType("text/plain");
            resp.getWriter().print(req.getMethod() + " ok");
        }
    }

    /** Introspected: overrides doGet and doPost only. */
    public static class GetPost extends Counting {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            ok(req, resp);
        }

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            ok(req, resp);
        }
    }

    /** Introspected: doGet and doPatch; PATCH counts only where the container's HttpServlet has doPatch. */
    static class GetPatch extends Counting {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            ok(req, resp);
        }

        // Not an override on Servlet 6.0, an override on 6.1.
        protected void doPatch(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            ok(req, resp);
        }
    }

    /** A front controller: runs every method it is given. Undeclared unless declared explicitly. */
    static class Service extends Counting {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            ok(req, resp);
        }
    }

    /** A front controller declared by annotation. */
    @AllowedMethods({"GET", "PUT", "DELETE"})
    static class AnnotatedService extends Service {
    }

    /** Inherits {@code @AllowedMethods} from its superclass. */
    static class InheritsAnnotation extends AnnotatedService {
    }

    /** Counts and answers CORS-ish OPTIONS itself: proves a preflight reached it. */
    static class Cors extends GetPost {
        @Override
        protected void doOptions(HttpServletRequest req, HttpServletResponse resp) {
            calls.incrementAndGet();
            resp.setHeader("Access-Control-Allow-Origin", req.getHeader("Origin"));
            resp.setStatus(204);
        }
    }
}
