package dev.methodguard.it.containers;

/** Eclipse GlassFish 7.0 (Servlet 6.0), the full distribution. */
class GlassFishIT extends GlassFishContract {
    GlassFishIT() {
        super(new GlassFish("glassfish-7", "glassfish7"));
    }
}
