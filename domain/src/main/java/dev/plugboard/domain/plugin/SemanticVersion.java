package dev.plugboard.domain.plugin;

import dev.plugboard.domain.error.InvalidValueException;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A semantic version (semver.org 2.0.0), ordered by precedence; build metadata is kept but ignored in ordering. */
public record SemanticVersion(long major, long minor, long patch, List<String> preRelease, String build)
        implements Comparable<SemanticVersion> {

    private static final Pattern SEMVER = Pattern.compile(
            "^(0|[1-9]\\d{0,17})\\.(0|[1-9]\\d{0,17})\\.(0|[1-9]\\d{0,17})"
                    + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
                    + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$");

    public SemanticVersion {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new InvalidValueException("version", major + "." + minor + "." + patch, "numbers must not be negative");
        }
        preRelease = List.copyOf(preRelease);
        build = build == null ? "" : build;
    }

    public static SemanticVersion of(long major, long minor, long patch) {
        return new SemanticVersion(major, minor, patch, List.of(), "");
    }

    public static SemanticVersion parse(String text) {
        if (text == null) {
            throw new InvalidValueException("version", null, "is required, e.g. '1.0.0'");
        }
        Matcher matcher = SEMVER.matcher(text.strip());
        if (!matcher.matches()) {
            throw new InvalidValueException("version", text, "must be a semantic version MAJOR.MINOR.PATCH, e.g. '1.4.2' or '2.0.0-beta.1'");
        }
        List<String> pre = matcher.group(4) == null ? List.of() : List.of(matcher.group(4).split("\\."));
        return new SemanticVersion(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)),
                Long.parseLong(matcher.group(3)), pre, matcher.group(5));
    }

    public boolean isPreRelease() {
        return !preRelease.isEmpty();
    }

    @Override
    public int compareTo(SemanticVersion other) {
        int result = Long.compare(major, other.major);
        if (result == 0) {
            result = Long.compare(minor, other.minor);
        }
        if (result == 0) {
            result = Long.compare(patch, other.patch);
        }
        return result != 0 ? result : comparePreRelease(preRelease, other.preRelease);
    }

    private static int comparePreRelease(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(a.isEmpty(), b.isEmpty());
        }
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int result = compareIdentifier(a.get(i), b.get(i));
            if (result != 0) {
                return result;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int compareIdentifier(String a, String b) {
        boolean numericA = a.chars().allMatch(Character::isDigit);
        boolean numericB = b.chars().allMatch(Character::isDigit);
        if (numericA && numericB) {
            return new java.math.BigInteger(a).compareTo(new java.math.BigInteger(b));
        }
        if (numericA != numericB) {
            return numericA ? -1 : 1;
        }
        return a.compareTo(b);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch
                + (preRelease.isEmpty() ? "" : "-" + String.join(".", preRelease))
                + (build.isEmpty() ? "" : "+" + build);
    }
}
