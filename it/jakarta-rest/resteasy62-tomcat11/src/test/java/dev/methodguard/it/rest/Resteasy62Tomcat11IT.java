package dev.methodguard.it.rest;

class Resteasy62Tomcat11IT extends SideBySideContract {
    @Override
    protected Container container() {
        return new Tomcat11();
    }

    @Override
    protected Framework framework() {
        return Framework.RESTEASY;
    }
}
