package dev.methodguard.it.containers;

/** Eclipse Jetty 12.1, ee11 environment (Servlet 6.1), from jetty-home, with its JSP module. */
class JettyEe11IT extends JettyContract {
    JettyEe11IT() {
        super(new Jetty("jetty-12.1-ee11", "ee11", true));
    }
}
