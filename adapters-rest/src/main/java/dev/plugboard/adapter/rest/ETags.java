package dev.plugboard.adapter.rest;

import dev.plugboard.domain.error.InvalidValueException;

import java.util.OptionalLong;

/** A resource's version (an installation's, a workflow's) as an entity tag, and back from {@code If-Match}. */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version a client expects; none for no header or {@code *}, which match any current version. */
    public static OptionalLong expectedVersion(String ifMatch) {
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
                    "send back one ETag this API returned for the resource, such as \"3\"");
        }
    }

    /**
     * Whether {@code If-None-Match} names {@code current} (or is {@code *}): the caller has it, and a
     * GET answers 304. Comparison is weak, as RFC 9110 asks for If-None-Match.
     */
    public static boolean noneMatchFails(String ifNoneMatch, String current) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String wanted = opaque(current);
        for (String tag : ifNoneMatch.split(",")) {
            String candidate = tag.strip();
            if (candidate.equals("*") || opaque(candidate).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
