package dev.methodguard.it.rest;

class Jersey31JettyEe10IT extends SideBySideContract {
    @Override
    protected Container container() {
        return new JettyEe10();
    }

    @Override
    protected Framework framework() {
        return Framework.JERSEY;
    }
}
