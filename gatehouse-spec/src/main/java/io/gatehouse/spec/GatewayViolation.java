package io.gatehouse.spec;

/**
 * Thrown by the {@link Validator} when a server or an application breaks the gateway spec.
 *
 * <p>It is unchecked so that it travels through {@link StartResponse#start}, body iteration and
 * {@code gateway.input} unchanged, and it says who broke which rule:
 *
 * {@snippet :
 * GatewayViolation v = assertThrows(GatewayViolation.class, () -> client.get("/").send());
 * assertEquals(GatewayViolation.Party.APPLICATION, v.party());
 * // v.getMessage(): "application broke the gateway spec: status "OK" is not "NNN Reason" ..."
 * }
 *
 * <p>Code that turns application failures into 500 responses should let it through (or at least
 * log it loudly): it reports a bug, not a bad request.
 */
public final class GatewayViolation extends RuntimeException {

    /** The side of the gateway interface that broke the rule. */
    public enum Party {
        /** The application (or middleware acting as one) broke the rule. */
        APPLICATION,
        /** The server (or middleware acting as one toward the application it wraps) broke the rule. */
        SERVER
    }

    /** Who broke the rule. */
    private final Party party;

    /**
     * @param party  who broke the rule
     * @param detail what was wrong, naming the value and the rule
     */
    public GatewayViolation(Party party, String detail) {
        super(party.name().toLowerCase(java.util.Locale.ROOT) + " broke the gateway spec: " + detail);
        this.party = party;
    }

    /** @return who broke the rule */
    public Party party() {
        return party;
    }

    static GatewayViolation byApplication(String detail) {
        return new GatewayViolation(Party.APPLICATION, detail);
    }

    static GatewayViolation byServer(String detail) {
        return new GatewayViolation(Party.SERVER, detail);
    }
}
