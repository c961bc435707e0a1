package dev.methodguard.it.containers;

/** Payara Server 6 Community (Servlet 6.0), the full distribution. */
class PayaraIT extends GlassFishContract {
    PayaraIT() {
        super(new GlassFish("payara-6", "payara6"));
    }
}
