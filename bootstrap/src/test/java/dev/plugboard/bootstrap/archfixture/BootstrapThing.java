package dev.plugboard.bootstrap.archfixture;

/** Something in bootstrap that an adapter must not reach. */
public class BootstrapThing {
}
