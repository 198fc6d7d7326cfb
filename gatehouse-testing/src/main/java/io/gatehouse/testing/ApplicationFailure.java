package io.gatehouse.testing;

/**
 * Thrown by {@link TestRequest#send()} when the application threw a checked exception; the cause is
 * that exception. Unchecked exceptions and errors (including the Validator's
 * {@code GatewayViolation}) reach the test unchanged.
 *
 * {@snippet :
 * ApplicationFailure failure = assertThrows(ApplicationFailure.class, () -> client.get("/").send());
 * assertInstanceOf(IOException.class, failure.getCause());
 * }
 */
public final class ApplicationFailure extends RuntimeException {

    ApplicationFailure(Exception cause) {
        super("the application threw " + cause, cause);
    }
}
