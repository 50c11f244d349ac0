package dev.plugboard.domain.settings;

import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.error.ErrorKind;

import java.util.Map;

/**
 * A stored secret that cannot be decrypted: sealed with a key that is no longer configured, or
 * copied from another installation or field. Never a wrong value in its place.
 */
public final class SecretUnreadableException extends DomainException {

    private static final long serialVersionUID = 1L;

    private final String installation;
    private final String pointer;

    public SecretUnreadableException(String installation, String pointer, String reason) {
        super("the secret at " + pointer + " of installation " + installation + " cannot be decrypted (" + reason
                + "): it was sealed with a key that is not in PLUGBOARD_SECRETS_KEY, or copied from another"
                + " installation or field; restore the key, or have the owner send the secret again");
        this.installation = installation;
        this.pointer = pointer;
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.CONFLICT;
    }

    @Override
    public String code() {
        return "secret_unreadable";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("installation", installation, "pointer", pointer);
    }
}
