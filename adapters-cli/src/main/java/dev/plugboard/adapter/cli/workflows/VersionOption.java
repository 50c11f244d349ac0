package dev.plugboard.adapter.cli.workflows;

import picocli.CommandLine.Option;

import java.util.OptionalLong;

/** {@code --if-version N}: optimistic locking, as the REST API's {@code If-Match}. */
public final class VersionOption {

    @Option(names = "--if-version", paramLabel = "N",
            description = "Only if the stored version is still N (see show); else exit 5 and nothing changes.")
    private Long version;

    public OptionalLong expected() {
        return version == null ? OptionalLong.empty() : OptionalLong.of(version);
    }
}
