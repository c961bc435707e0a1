package dev.methodguard.it.containers;

/** Apache Tomcat 10.1 (Servlet 6.0), the standalone distribution. */
class Tomcat101IT extends TomcatContract {
    Tomcat101IT() {
        super(new Tomcat("tomcat-10.1", System.getProperty("methodguard.it.tomcat101")));
    }
}
