package dev.plugboard.adapter.cli.archfixture;

import dev.plugboard.bootstrap.archfixture.BootstrapThing;

/** Breaks "nothing but bootstrap depends on bootstrap". */
public class CliUsingBootstrap {
    public Object thing() {
        return new BootstrapThing();
    }
}
