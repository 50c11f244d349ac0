package dev.plugboard.adapter.console.session;

import java.util.Optional;

/**
 * The console page a sign-in returns to, whichever way the user signs in: only pages of the
 * console itself, so that a sign-in can never send the user elsewhere.
 */
public final class NextPage {

    public static final String HOME = "/console";
    /** The cookie that remembers the page asked for while the user signs in. */
    public static final String COOKIE = "plugboard_console_next";

    private NextPage() {
    }

    public static Optional<String> safe(String next) {
        return Optional.ofNullable(next).filter(n -> n.equals(HOME) || n.startsWith(HOME + "/") || n.startsWith(HOME + "?"))
                .filter(n -> !n.contains("//") && !n.contains("\\") && !n.startsWith("/console/sign-")
                        && !n.startsWith("/console/oidc/"));
    }
}
