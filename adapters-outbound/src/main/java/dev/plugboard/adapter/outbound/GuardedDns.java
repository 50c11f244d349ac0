package dev.plugboard.adapter.outbound;

import okhttp3.Dns;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Resolves a host name once and refuses it if any of its addresses is internal; OkHttp connects
 * only to the addresses returned here, so a second, rebinding answer is never asked for.
 */
final class GuardedDns implements Dns {

    private final AddressGuard guard;
    private final Dns resolver;

    GuardedDns(AddressGuard guard) {
        this(guard, Dns.SYSTEM);
    }

    GuardedDns(AddressGuard guard, Dns resolver) {
        this.guard = guard;
        this.resolver = resolver;
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        List<InetAddress> addresses = resolver.lookup(hostname);
        // All or nothing: a name that also points inside is refused rather than half-trusted.
        for (InetAddress address : addresses) {
            guard.check(hostname, address);
        }
        return addresses;
    }
}
