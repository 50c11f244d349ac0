package dev.plugboard.adapter.cli.support;

import dev.plugboard.domain.audit.Actor;

/** The person at the terminal, as the audit trail records them: {@code operator:<OS user name>}. */
public final class Operator {

    private Operator() {
    }

    public static Actor actor() {
        String name = System.getProperty("user.name");
        return Actor.operator(name == null || name.isBlank() ? "unknown" : name.strip());
    }
}
