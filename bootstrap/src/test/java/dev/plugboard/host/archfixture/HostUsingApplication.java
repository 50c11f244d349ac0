package dev.plugboard.host.archfixture;

import dev.plugboard.application.Plugboard;

/** Breaks the host's small class path: the host reaching into the server's application. */
public class HostUsingApplication {

    public Class<?> application() {
        return Plugboard.class;
    }
}
