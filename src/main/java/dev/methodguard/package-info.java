/**
 * MethodGuard: a servlet filter that answers, before the target runs, a request whose method the target does
 * not support (501 when nothing in the application implements the method, 405 with {@code Allow} when the
 * method is known but not here), and OPTIONS with {@code Allow}.
 *
 * <h2>The map of the package</h2>
 * One package, nine public types, the rest package-private and final. A request flows down through five
 * floors; each file has one job and calls only down (no file calls a floor above its own):
 * <pre>
 *   entry    MethodGuardFilter (with its public Builder and Routes), MethodGuardStartup
 *              the two things a container or a user touches; the filter delegates everything below
 *      |
 *   resolve  once, at deployment or init(): never on a request
 *              Resolution           resolves a filter's policy once per deployment, logs the startup table
 *              InitParams, Settings the init-param grammar, and the immutable configuration value
 *              CapabilityResolver   servlet registrations -&gt; capabilities (first rule that applies wins)
 *              EffectiveMethods     the one effective-method rule (HEAD with GET, OPTIONS, TRACE, constraint gaps)
 *              SecurityConstraints, CorsFilters, JakartaRestServlets, JakartaRestRoutes
 *                                   what the deployment says: constraints, CORS filters, Jakarta REST resources
 *              Classes, Methods     class loading by name (one rule), method tokens
 *      |
 *   model    immutable, built by resolve, only read by requests
 *              Policy               servlet name -&gt; capability, the known methods
 *              Capability           a target's method set with its renderings (Allow, JSON tail) and counters
 *              RoutedServlet        a front controller: its route table, each route's capability, the widening
 *                                   on the way to a 405 (JerseyRouting: Jersey's own choice among routes)
 *              RouteTable           the routes: the table, the ranking, the match (RouteNode: the trie)
 *              RouteTemplate, RouteLines   a template's grammar; the methodguard.routes init-param's lines
 *              RawPath              the raw request path a Jakarta REST framework matches on
 *      |
 *   answer   only for rejections and OPTIONS, never for an allowed request
 *              ResponseWriter       405 / 501 (or, report-only, the request passed on), OPTIONS
 *              WireFormat           the built-in JSON bodies, byte for byte
 *              AllowHeaderResponse  one Allow when OPTIONS goes on to the servlet or a CORS handler
 *      |
 *   observe  what operators read
 *              Counters, Metrics    per-servlet counters and their sums ({@link dev.methodguard.MethodGuardMBean})
 *              JmxRegistration      the optional MXBean
 *              ReportLog            report-only: once per (servlet, method, status) per minute, with a summary
 *              Escape               untrusted text made safe for one log line
 * </pre>
 * The public vocabulary ({@link dev.methodguard.AllowedMethods}, {@link dev.methodguard.BodyFormat},
 * {@link dev.methodguard.Mode}, {@link dev.methodguard.Preflight}, {@link dev.methodguard.ErrorBodyFactory},
 * {@link dev.methodguard.Rejection}, {@link dev.methodguard.MethodGuardMBean}) stands beside every floor.
 *
 * <p>The allowed request's path is {@code MethodGuardFilter.doFilter -> Policy.target -> Capability.allows}:
 * a map lookup and a set test, nothing allocated, logged or parsed. Everything else is resolved at
 * deployment, and bad configuration fails there, naming the parameter, the value and what is accepted.
 */
package dev.methodguard;
