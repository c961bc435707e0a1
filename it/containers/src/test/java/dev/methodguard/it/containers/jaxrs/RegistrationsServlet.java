package dev.methodguard.it.containers.jaxrs;

import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the server registered in this context, one servlet a line: name, class, mappings and init-params
 * ({@code name|class|mapping,mapping|param=value;param=value}). How each server registers the Jakarta REST
 * application is read from here, not assumed.
 */
@WebServlet("/registrations")
public class RegistrationsServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/plain");
        PrintWriter out = resp.getWriter();
        Map<String, ? extends ServletRegistration> regs = new TreeMap<>(getServletContext().getServletRegistrations());
        for (Map.Entry<String, ? extends ServletRegistration> e : regs.entrySet()) {
            ServletRegistration r = e.getValue();
            out.print(e.getKey() + "|" + r.getClassName() + "|" + String.join(",", new TreeSet<>(r.getMappings())) + "|");
            StringBuilder params = new StringBuilder();
            new TreeMap<>(r.getInitParameters()).forEach((k, v) -> params.append(params.length() == 0 ? "" : ";").append(k).append('=')
                    .append(v.replaceAll("[\\r\\n|]+", " ")));
            out.print(params);
            out.print('\n');
        }
        out.print("#context-params|");
        StringBuilder params = new StringBuilder();
        for (String name : new TreeSet<>(java.util.Collections.list(getServletContext().getInitParameterNames()))) {
            params.append(params.length() == 0 ? "" : ";").append(name).append('=')
                    .append(String.valueOf(getServletContext().getInitParameter(name)).replaceAll("[\\r\\n|]+", " "));
        }
        out.print(params);
        out.print('\n');
    }
}
