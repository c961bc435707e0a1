package dev.methodguard.it.rest;

class Resteasy70JettyEe11IT extends SideBySideContract {
    @Override
    protected Container container() {
        return new JettyEe11();
    }

    @Override
    protected Framework framework() {
        return Framework.RESTEASY;
    }
}
