package dev.methodguard;

import jakarta.servlet.ServletContext;
import jakarta.servlet.annotation.HttpMethodConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.ServletSecurity.EmptyRoleSemantic;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * The security constraints MethodGuard can see, read once at {@code init()}, for one question: where is
 * GET constrained but HEAD not? Containers apply a constraint only to the methods it lists, while
 * MethodGuard allows HEAD wherever GET is (RFC 9110 §9.3.2); together that would let an unauthenticated
 * HEAD run a GET-protected servlet. Where that gap exists, the resolver refuses HEAD (fails closed).
 *
 * <p>Sources: {@code /WEB-INF/web.xml} and {@code @ServletSecurity} on servlet classes. Constraints set
 * with {@code ServletRegistration.Dynamic.setServletSecurity} cannot be read through the Servlet API.
 */
final class SecurityConstraints {
    static final SecurityConstraints NONE = new SecurityConstraints(Map.of(), false);

    /** url-pattern of a constraint with an auth-constraint, to whether GET and HEAD are constrained there. */
    private final Map<String, boolean[]> patterns;
    private final boolean denyUncovered;

    private SecurityConstraints(Map<String, boolean[]> patterns, boolean denyUncovered) {
        this.patterns = patterns;
        this.denyUncovered = denyUncovered;
    }

    /** Reads {@code /WEB-INF/web.xml}; a missing file means no constraints, an unreadable one is reported to {@code onError}. */
    static SecurityConstraints read(ServletContext context, Consumer<String> onError) {
        try (InputStream in = context.getResourceAsStream("/WEB-INF/web.xml")) {
            return in == null ? NONE : parse(in);
        } catch (Exception e) {
            onError.accept("could not read the security constraints of /WEB-INF/web.xml (" + e + ")");
            return NONE;
        }
    }

    /**
     * The JDK's default handler without its printing: warnings and recoverable errors are passed over as
     * before, a fatal error is thrown as before.
     */
    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) {
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
            throw e;
        }
    };

    static SecurityConstraints parse(InputStream in) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        // A deployment descriptor is trusted, but a parser should still never fetch or expand anything external.
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(true);
        DocumentBuilder builder = f.newDocumentBuilder();
        builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
        // The JDK's default error handler prints "[Fatal Error] ..." to System.err before it throws; the
        // exception alone carries the message, which read() reports through its callback.
        builder.setErrorHandler(SILENT);
        Element root = builder.parse(in).getDocumentElement();
        Map<String, boolean[]> patterns = new LinkedHashMap<>();
        boolean denyUncovered = !children(root, "deny-uncovered-http-methods").isEmpty();
        for (Element constraint : children(root, "security-constraint")) {
            if (children(constraint, "auth-constraint").isEmpty()) {
                continue; // no authentication required: nothing for HEAD to bypass
            }
            for (Element collection : children(constraint, "web-resource-collection")) {
                List<String> methods = texts(collection, "http-method");
                List<String> omissions = texts(collection, "http-method-omission");
                boolean get = constrains(methods, omissions, Methods.GET);
                boolean head = constrains(methods, omissions, Methods.HEAD);
                for (String pattern : texts(collection, "url-pattern")) {
                    boolean[] gh = patterns.computeIfAbsent(pattern, p -> new boolean[2]);
                    gh[0] |= get;
                    gh[1] |= head;
                }
            }
        }
        return new SecurityConstraints(patterns, denyUncovered);
    }

    private static boolean constrains(List<String> methods, List<String> omissions, String method) {
        if (!methods.isEmpty()) {
            return methods.contains(method);
        }
        return !omissions.contains(method);
    }

    /**
     * Why HEAD must be refused for a servlet with these mappings and class, or {@code null} when GET and
     * HEAD are constrained alike wherever it can be reached.
     */
    String headGap(Collection<String> mappings, Class<?> servletClass) {
        String fromAnnotation = servletClass == null ? null : annotationGap(servletClass.getAnnotation(ServletSecurity.class));
        if (fromAnnotation != null) {
            return fromAnnotation;
        }
        if (denyUncovered) {
            return null; // the container denies HEAD itself where only GET is listed
        }
        for (Map.Entry<String, boolean[]> e : patterns.entrySet()) {
            if (e.getValue()[0] && !e.getValue()[1]) {
                for (String mapping : mappings) {
                    if (overlap(e.getKey(), mapping)) {
                        return "web.xml security-constraint on url-pattern '" + e.getKey() + "' constrains GET but not HEAD";
                    }
                }
            }
        }
        return null;
    }

    static String annotationGap(ServletSecurity security) {
        if (security == null) {
            return null;
        }
        boolean getByDefault = constrained(security.value().value(), security.value().rolesAllowed());
        Boolean get = null;
        Boolean head = null;
        for (HttpMethodConstraint m : security.httpMethodConstraints()) {
            boolean c = constrained(m.emptyRoleSemantic(), m.rolesAllowed());
            if (m.value().equals(Methods.GET)) {
                get = c;
            } else if (m.value().equals(Methods.HEAD)) {
                head = c;
            }
        }
        boolean getC = get != null ? get : getByDefault;
        boolean headC = head != null ? head : getByDefault;
        return getC && !headC ? "@ServletSecurity constrains GET but not HEAD" : null;
    }

    private static boolean constrained(EmptyRoleSemantic semantic, String[] roles) {
        return semantic == EmptyRoleSemantic.DENY || roles.length > 0;
    }

    /**
     * Whether some request URI could match both a constraint's url-pattern and a servlet mapping. It errs
     * towards {@code true}: a false overlap only refuses HEAD where it was safe, a missed one opens a hole.
     */
    static boolean overlap(String pattern, String mapping) {
        if (pattern.equals(mapping) || isCatchAll(pattern) || isCatchAll(mapping)) {
            return true;
        }
        if (pattern.startsWith("*.") || mapping.startsWith("*.")) {
            if (pattern.startsWith("*.") && mapping.startsWith("*.")) {
                return false; // two different extensions
            }
            String ext = pattern.startsWith("*.") ? pattern.substring(1) : mapping.substring(1);
            String other = pattern.startsWith("*.") ? mapping : pattern;
            return other.endsWith("/*") || other.endsWith(ext);
        }
        boolean pPrefix = pattern.endsWith("/*");
        boolean mPrefix = mapping.endsWith("/*");
        String p = pPrefix ? pattern.substring(0, pattern.length() - 2) : pattern;
        String m = mPrefix ? mapping.substring(0, mapping.length() - 2) : mapping;
        if (pPrefix && mPrefix) {
            return within(p, m) || within(m, p);
        }
        if (pPrefix) {
            return within(m, p);
        }
        if (mPrefix) {
            return within(p, m);
        }
        return false; // two different exact paths
    }

    private static boolean isCatchAll(String pattern) {
        return pattern.equals("/") || pattern.equals("/*");
    }

    /** Whether {@code path} is {@code prefix} or lies below it. */
    private static boolean within(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName() != null ? e.getLocalName() : e.getTagName())) {
                out.add(e);
            }
        }
        return out;
    }

    private static List<String> texts(Element parent, String localName) {
        List<String> out = new ArrayList<>();
        for (Element e : children(parent, localName)) {
            out.add(e.getTextContent().strip());
        }
        return out;
    }
}
