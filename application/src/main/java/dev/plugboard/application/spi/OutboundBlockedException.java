package dev.plugboard.application.spi;

/**
 * An outbound request refused because its address is internal (loopback, link-local, private,
 * ...) and not allowed by the operator; fails the run with {@value #CODE}, never retried, since
 * the same address would be refused again.
 */
public final class OutboundBlockedException extends PluginFailure {

    public static final String CODE = "OUTBOUND_BLOCKED";
    private static final long serialVersionUID = 1L;

    public OutboundBlockedException(String message) {
        super(CODE, message, false);
    }
}
