package dev.plugboard.adapter.outbound;

import inet.ipaddr.IPAddressString;

import java.net.InetAddress;
import java.util.Optional;

/**
 * Decides whether a host may be reached at an address: allowed by name or by CIDR, or else only
 * when the address is public. Every refusal names what the plugin asked for and why.
 */
final class AddressGuard {

    private static final System.Logger LOG = System.getLogger(AddressGuard.class.getName());
    static final String HOW_TO_ALLOW = "allow it with PLUGBOARD_OUTBOUND_ALLOW";

    private final AllowList allow;

    AddressGuard(AllowList allow) {
        this.allow = allow;
    }

    /**
     * @param host    the host as the URL names it (a name, or the address itself)
     * @param address where the connection would go
     */
    void check(String host, InetAddress address) throws RefusedAddressException {
        if (allow.allowsName(host) || allow.allowsAddress(InternalRanges.of(address))) {
            return;
        }
        Optional<String> kind = InternalRanges.kindOf(address);
        if (kind.isEmpty()) {
            return;
        }
        boolean named = host != null && !new IPAddressString(stripBrackets(host)).isIPAddress();
        String literal = host != null && !named ? stripBrackets(host) : address.getHostAddress().replaceFirst("%.*$", "");
        // The resolved address of a name goes to the operator's log only: a tenant must not map the internal DNS.
        LOG.log(System.Logger.Level.INFO, () -> "outbound request to " + (named ? host + " (" + literal + ")" : literal)
                + " refused: " + kind.get() + " address");
        throw new RefusedAddressException(named
                ? "outbound request to " + host + " refused: it resolves to a " + kind.get() + " address; " + HOW_TO_ALLOW
                : "outbound request to " + literal + " (" + kind.get() + ") refused; " + HOW_TO_ALLOW);
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
