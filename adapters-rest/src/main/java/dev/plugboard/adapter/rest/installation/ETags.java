package dev.plugboard.adapter.rest.installation;

import dev.plugboard.domain.error.InvalidValueException;

import java.util.OptionalLong;

/** An installation's version as an entity tag, and back from an {@code If-Match} header. */
final class ETags {

    private ETags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version a client expects; none for no header or {@code *}, which match any current version. */
    static OptionalLong expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return OptionalLong.empty();
        }
        String tag = ifMatch.strip();
        // Versions compare exactly, so a weak tag means the same as a strong one here.
        tag = tag.startsWith("W/") ? tag.substring(2) : tag;
        tag = tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"") ? tag.substring(1, tag.length() - 1) : tag;
        try {
            return OptionalLong.of(Long.parseLong(tag));
        } catch (NumberFormatException e) {
            throw new InvalidValueException("If-Match", ifMatch,
                    "send back one ETag this API returned for the installation, such as \"3\"");
        }
    }
}
