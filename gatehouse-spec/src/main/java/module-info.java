/**
 * The Gatehouse gateway interface: the contract between HTTP servers and web applications.
 *
 * <p>This module depends on {@code java.base} only, so that any server and any application can
 * implement it without pulling in anything else. See {@code docs/spec.md} for the full text.
 */
module io.gatehouse.spec {
    exports io.gatehouse.spec;
}
