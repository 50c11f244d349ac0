package dev.plugboard.domain.plugin;

import dev.plugboard.domain.error.InvalidValueException;
import org.semver4j.Semver;

import java.util.List;
import java.util.Objects;

/**
 * A semantic version (semver.org 2.0.0), ordered by precedence; build metadata is kept but ignored in ordering.
 * Parsing and ordering are semver4j's, the library the version ranges use too, so both agree with npm.
 */
public final class SemanticVersion implements Comparable<SemanticVersion> {

    private static final String FORM = "must be a semantic version MAJOR.MINOR.PATCH, e.g. '1.4.2' or '2.0.0-beta.1'";
    /** semver4j compares numeric pre-release identifiers as longs; longer ones would fail there, not here. */
    private static final int MAX_NUMERIC_IDENTIFIER_DIGITS = 18;

    private final Semver semver;

    private SemanticVersion(Semver semver) {
        this.semver = semver;
    }

    public static SemanticVersion of(long major, long minor, long patch) {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new InvalidValueException("version", major + "." + minor + "." + patch, "numbers must not be negative");
        }
        return parse(major + "." + minor + "." + patch);
    }

    public static SemanticVersion parse(String text) {
        if (text == null) {
            throw new InvalidValueException("version", null, "is required, e.g. '1.0.0'");
        }
        Semver parsed = Semver.parse(text.strip());
        if (parsed == null || parsed.getPreRelease().stream().anyMatch(SemanticVersion::tooLongNumber)) {
            throw new InvalidValueException("version", text, FORM);
        }
        return new SemanticVersion(parsed);
    }

    private static boolean tooLongNumber(String identifier) {
        return identifier.length() > MAX_NUMERIC_IDENTIFIER_DIGITS && identifier.chars().allMatch(Character::isDigit);
    }

    Semver semver() {
        return semver;
    }

    public long major() {
        return semver.getMajor();
    }

    public long minor() {
        return semver.getMinor();
    }

    public long patch() {
        return semver.getPatch();
    }

    public List<String> preRelease() {
        return List.copyOf(semver.getPreRelease());
    }

    public String build() {
        return String.join(".", semver.getBuild());
    }

    public boolean isPreRelease() {
        return !semver.getPreRelease().isEmpty();
    }

    @Override
    public int compareTo(SemanticVersion other) {
        return semver.compareTo(other.semver);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SemanticVersion version && semver.getVersion().equals(version.semver.getVersion());
    }

    @Override
    public int hashCode() {
        return Objects.hash(semver.getVersion());
    }

    @Override
    public String toString() {
        return semver.getVersion();
    }
}
