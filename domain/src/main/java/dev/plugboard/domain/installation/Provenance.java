package dev.plugboard.domain.installation;

import dev.plugboard.domain.error.Require;

import java.util.Optional;

/**
 * Who installed an installation and the plugin version it was installed at (it was installed at
 * its creation time). Both are unknown for installations made before Plugboard recorded them.
 *
 * @param installedBy      the actor, e.g. {@code user:alice} or {@code operator:root}
 * @param installedVersion the plugin's version when it was installed
 */
public record Provenance(Optional<String> installedBy, Optional<String> installedVersion) {

    public static final Provenance UNKNOWN = new Provenance(Optional.empty(), Optional.empty());

    public Provenance {
        Require.present("installed by", installedBy);
        Require.present("installed version", installedVersion);
    }

    public static Provenance of(String installedBy, String installedVersion) {
        return new Provenance(Optional.ofNullable(installedBy), Optional.ofNullable(installedVersion));
    }
}
