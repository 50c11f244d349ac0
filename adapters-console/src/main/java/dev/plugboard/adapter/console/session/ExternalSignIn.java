package dev.plugboard.adapter.console.session;

/**
 * A way to sign in through someone else, such as an OpenID provider: the sign-in page offers it
 * as a button, and the session filter lets its own pages (the start and the way back) through.
 */
public interface ExternalSignIn {

    /** The button's words, e.g. "Sign in with Acme SSO". */
    String label();

    /** Where the button goes; it takes the page to return to as {@code next}. */
    String startPath();

    /** The button's target, carrying the page to return to. */
    default String href(String next) {
        return startPath() + "?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The path prefix of the pages that must be reached without a session. */
    String publicPrefix();
}
