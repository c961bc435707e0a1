package dev.methodguard.it.containers;

/** Eclipse Jetty 12.1, ee10 environment (Servlet 6.0), from jetty-home, without JSP. */
class JettyEe10IT extends JettyContract {
    JettyEe10IT() {
        super(new Jetty("jetty-12.1-ee10", "ee10", false));
    }
}
