package dev.methodguard;

import dev.methodguard.RouteTable.Route;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of a route table as an init-param ({@code methodguard.routes}) gives it: one route per line,
 * {@code <template> <METHOD>[, <METHOD>...]} or {@code <template> *} for any method.
 */
final class RouteLines {
    private RouteLines() {
    }

    /**
     * Parses init-param text: one route per line, {@code <template> <METHOD>[, <METHOD>...]}, e.g.
     * {@code /items/{id}  GET, PUT, DELETE}. Blank lines and lines starting with {@code #} are ignored. The
     * template ends at the first blank outside braces (a regex may contain blanks). Templates are checked
     * here too, so that every error names its line number and quotes the line.
     */
    static List<Route> parse(String text, String source) {
        List<Route> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = source + " line " + (n + 1);
            try {
                int split = templateEnd(line);
                String template = line.substring(0, split);
                String methods = line.substring(split).strip();
                RouteTemplate.parse(template, false, where);
                if (methods.isEmpty()) {
                    throw new IllegalArgumentException("no methods after the template; expected e.g. \"/items/{id} GET, PUT\", or * for any method");
                }
                // "*": the servlet serves this path with any method (a Spring mapping without a method): pass through.
                out.add(new Route(template, methods.equals("*") ? null : RouteTable.checkMethods(Methods.parseList(methods)), where));
            } catch (IllegalArgumentException e) {
                // A template error already names the route and this line: keep only its reason.
                String why = e.getCause() instanceof IllegalArgumentException c ? c.getMessage() : e.getMessage();
                throw new IllegalArgumentException(where + ": " + Methods.quote(lines[n]) + ": " + why, e);
            }
        }
        return out;
    }

    /** Index of the first blank outside braces, or the line's length. */
    private static int templateEnd(String line) {
        int depth = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && depth > 0) {
                depth--;
            } else if (depth == 0 && Character.isWhitespace(c)) {
                return i;
            }
        }
        return line.length();
    }
}
