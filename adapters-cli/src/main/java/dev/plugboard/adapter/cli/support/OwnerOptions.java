package dev.plugboard.adapter.cli.support;

import dev.plugboard.application.port.in.Caller;
import dev.plugboard.domain.owner.Owner;
import picocli.CommandLine.Option;

import java.util.Optional;

/** Chooses the owner of installations and runs: exactly one of {@code --user} and {@code --org}. */
public final class OwnerOptions {

    @Option(names = "--user", paramLabel = "USER", required = true, description = "The user who owns it.")
    private String user;

    @Option(names = "--org", paramLabel = "ORG", required = true, description = "The organization that owns it.")
    private String organization;

    public Owner owner() {
        return user != null ? Owner.user(user) : Owner.organization(organization);
    }

    /** The operator acting on this owner's behalf, under {@code plan}'s limits when given. */
    public Caller caller(Optional<String> plan) {
        return new Caller(Operator.actor(), owner(), plan);
    }
}
