package dev.methodguard.it.containers;

/** Apache Tomcat 11.0 (Servlet 6.1), the standalone distribution. */
class Tomcat11IT extends TomcatContract {
    Tomcat11IT() {
        super(new Tomcat("tomcat-11", System.getProperty("methodguard.it.tomcat11")));
    }
}
