<%@ page contentType="text/plain; charset=UTF-8" %><%
    // Counted like the servlets, so a probe can tell a rejected request never reached this JSP.
    dev.methodguard.examples.annotations.Counters.hit("jsp");
%>hello from a JSP
