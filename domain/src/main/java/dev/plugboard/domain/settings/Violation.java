package dev.plugboard.domain.settings;

import dev.plugboard.domain.error.Require;

/**
 * One way a settings document breaks its schema.
 *
 * @param pointer RFC 6901 pointer to the offending value ({@code ""} is the whole document)
 * @param keyword the JSON Schema keyword that failed, such as {@code required} or {@code type}
 * @param message a sentence a person can act on
 */
public record Violation(String pointer, String keyword, String message) implements Comparable<Violation> {

    public Violation {
        Require.present("pointer", pointer);
        Require.nonBlank("keyword", keyword);
        Require.nonBlank("message", message);
    }

    /** The pointer as shown to people: {@code /} for the document itself. */
    public String displayPointer() {
        return pointer.isEmpty() ? "/" : pointer;
    }

    @Override
    public int compareTo(Violation other) {
        int byPointer = pointer.compareTo(other.pointer);
        if (byPointer != 0) {
            return byPointer;
        }
        int byKeyword = keyword.compareTo(other.keyword);
        return byKeyword != 0 ? byKeyword : message.compareTo(other.message);
    }

    @Override
    public String toString() {
        return displayPointer() + ": " + message;
    }
}
