package dev.plugboard.adapter.rest.http;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The addresses the HTTP server's sockets are really bound to, read from the listening channels
 * themselves, so the start-up line reports what the operating system was asked for and gave.
 */
public final class ListeningAddresses {

    private final List<io.netty.channel.Channel> listeners = new CopyOnWriteArrayList<>();

    void add(io.netty.channel.Channel listener) {
        listeners.add(listener);
    }

    /** Each bound address, such as {@code 127.0.0.1:8080}; empty before the server starts. */
    public List<String> bound() {
        return listeners.stream().filter(io.netty.channel.Channel::isActive).map(io.netty.channel.Channel::localAddress)
                .map(ListeningAddresses::text).toList();
    }

    private static String text(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            String host = inet.getAddress().getHostAddress();
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }
}
