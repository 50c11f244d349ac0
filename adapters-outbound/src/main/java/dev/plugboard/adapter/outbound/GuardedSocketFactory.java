package dev.plugboard.adapter.outbound;

import javax.net.SocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;

/**
 * Checks every address just before a socket connects to it: the last line behind the guarded
 * DNS, and the only one for IP literals in a URL, which OkHttp never sends through {@code Dns}.
 */
final class GuardedSocketFactory extends SocketFactory {

    private final AddressGuard guard;

    GuardedSocketFactory(AddressGuard guard) {
        this.guard = guard;
    }

    @Override
    public Socket createSocket() {
        return new GuardedSocket(guard);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return connected(new InetSocketAddress(address, port));
    }

    private Socket connected(InetSocketAddress address) throws IOException {
        Socket socket = createSocket();
        socket.connect(address);
        return socket;
    }

    /** A plain socket whose connect checks the address first. */
    private static final class GuardedSocket extends Socket {

        private final AddressGuard guard;

        GuardedSocket(AddressGuard guard) {
            this.guard = guard;
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            if (!(endpoint instanceof InetSocketAddress target) || target.getAddress() == null) {
                throw new RefusedAddressException("outbound request to " + endpoint + " refused: the address is not resolved");
            }
            // getHostString never does a reverse lookup: a literal stays a literal, a checked name stays that name.
            guard.check(target.getHostString(), target.getAddress());
            super.connect(endpoint, timeout);
        }
    }
}
