package dev.plugboard.plugins.archfixture;

import java.io.IOException;
import java.net.Socket;

/** Breaks the plugin rule: a plugin opening a socket itself. */
public class PluginWithASocket {

    public Socket open(String host) throws IOException {
        return new Socket(host, 80);
    }
}
