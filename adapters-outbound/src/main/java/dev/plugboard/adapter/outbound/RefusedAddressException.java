package dev.plugboard.adapter.outbound;

import java.net.UnknownHostException;

/**
 * The guard refused an address. It is an {@link UnknownHostException} because OkHttp's {@code Dns}
 * may throw nothing else; the client turns it into an {@code OUTBOUND_BLOCKED} failure.
 */
final class RefusedAddressException extends UnknownHostException {

    private static final long serialVersionUID = 1L;

    RefusedAddressException(String message) {
        super(message);
    }
}
