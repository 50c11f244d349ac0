package dev.plugboard.adapter.cli.admins;

import dev.plugboard.domain.access.Role;
import picocli.CommandLine.Option;

/** {@code --role}: which role to grant or revoke, admin unless said otherwise. */
public final class RoleOption {

    @Option(names = "--role", paramLabel = "ROLE", defaultValue = "admin",
            description = "The role: admin or worker (default: ${DEFAULT-VALUE}).")
    private String role;

    Role role() {
        return Role.parse(role);
    }
}
