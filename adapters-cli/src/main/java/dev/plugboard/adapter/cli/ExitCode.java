package dev.plugboard.adapter.cli;

import dev.plugboard.domain.error.DomainException;

/** The process exit codes of the {@code plugboard} command, one per kind of outcome a script may branch on. */
public enum ExitCode {
    OK(0, "success"),
    FAILURE(1, "any other failure (database unreachable, unexpected error)"),
    USAGE(2, "usage error: unknown option, missing argument or an invalid value"),
    NOT_FOUND(3, "the plugin, installation, run or workflow does not exist"),
    INVALID_SETTINGS(4, "settings failed the plugin's JSON Schema; every violation is printed"),
    CONFLICT(5, "conflict with the current state (already installed, in use, stale, plan limit)");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    public static ExitCode of(DomainException error) {
        return switch (error.kind()) {
            case INVALID_INPUT -> USAGE;
            case NOT_FOUND -> NOT_FOUND;
            case INVALID_SETTINGS -> INVALID_SETTINGS;
            case CONFLICT, CONCURRENCY, LIMIT_EXCEEDED, FORBIDDEN -> CONFLICT;
        };
    }

    /** The table printed at the foot of {@code --help}. */
    public static String helpTable() {
        StringBuilder table = new StringBuilder("Exit codes:%n");
        for (ExitCode exit : values()) {
            table.append(String.format("  %d  %s%%n", exit.code, exit.meaning));
        }
        return table.toString();
    }
}
