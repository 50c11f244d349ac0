package dev.plugboard.domain.plugin;

import dev.plugboard.domain.error.InvalidValueException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A range of semantic versions in the npm notation plugin authors know: {@code 1.2.3},
 * {@code >=1.2.0 <2.0.0}, {@code ^1.2}, {@code ~1.2.3}, {@code 1.x}, {@code *},
 * {@code 1.0.0 - 1.4.0} and alternatives joined by {@code ||}.
 */
public final class VersionRange {

    private static final Pattern PARTIAL = Pattern.compile(
            "^(<=|>=|<|>|=|\\^|~)?\\s*v?(\\*|x|X|\\d+)(?:\\.(\\*|x|X|\\d+))?(?:\\.(\\*|x|X|\\d+))?(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$");

    private final String text;
    private final List<List<Predicate<SemanticVersion>>> alternatives;

    private VersionRange(String text, List<List<Predicate<SemanticVersion>>> alternatives) {
        this.text = text;
        this.alternatives = alternatives;
    }

    public static VersionRange any() {
        return parse("*");
    }

    public static VersionRange parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("version range", text, "is required, e.g. '^1.2.0' or '>=1.0.0 <2.0.0'");
        }
        List<List<Predicate<SemanticVersion>>> alternatives = new ArrayList<>();
        for (String alternative : text.split("\\|\\|", -1)) {
            alternatives.add(parseConjunction(text, alternative.strip()));
        }
        return new VersionRange(text.strip(), List.copyOf(alternatives));
    }

    private static List<Predicate<SemanticVersion>> parseConjunction(String whole, String part) {
        if (part.isEmpty()) {
            throw invalid(whole);
        }
        String[] hyphen = part.split("\\s+-\\s+");
        if (hyphen.length == 2) {
            return List.of(comparator(whole, ">=" + hyphen[0].strip()), comparator(whole, "<=" + hyphen[1].strip()));
        }
        List<Predicate<SemanticVersion>> predicates = new ArrayList<>();
        for (String token : part.replaceAll("(<=|>=|<|>|=)\\s+", "$1").split("\\s+")) {
            predicates.add(comparator(whole, token));
        }
        return List.copyOf(predicates);
    }

    private static Predicate<SemanticVersion> comparator(String whole, String token) {
        Matcher m = PARTIAL.matcher(token);
        if (!m.matches()) {
            throw invalid(whole);
        }
        String operator = m.group(1) == null ? "" : m.group(1);
        Long major = number(m.group(2));
        Long minor = number(m.group(3));
        Long patch = number(m.group(4));
        String pre = m.group(5) == null ? "" : m.group(5);
        if (major == null) {
            return version -> true;
        }
        SemanticVersion low = SemanticVersion.parse(major + "." + (minor == null ? 0 : minor) + "." + (patch == null ? 0 : patch) + pre);
        boolean partial = minor == null || patch == null;
        // Bounds a range implies are exclusive and sit below every pre-release of the bound, as npm's
        // '<2.0.0-0': '^1.0.0' must not admit 2.0.0-alpha, a pre-release of the next breaking version.
        SemanticVersion nextMajor = lowestOf(major + 1, 0, 0);
        SemanticVersion nextMinor = minor == null ? nextMajor : lowestOf(major, minor + 1, 0);
        switch (operator) {
            case "^" -> {
                SemanticVersion upper = major > 0 || minor == null ? nextMajor
                        : minor > 0 || patch == null ? nextMinor
                        : lowestOf(0, 0, patch + 1);
                return between(low, upper);
            }
            case "~" -> {
                return between(low, nextMinor);
            }
            case ">=" -> {
                return version -> version.compareTo(low) >= 0;
            }
            case ">" -> {
                // '>1.2' excludes all of 1.2.x, so it starts at 1.3.0; '>1' starts at 2.0.0.
                SemanticVersion bound = minor == null ? SemanticVersion.of(major + 1, 0, 0) : SemanticVersion.of(major, minor + 1, 0);
                return partial ? version -> version.compareTo(bound) >= 0 : version -> version.compareTo(low) > 0;
            }
            case "<" -> {
                // '<1.2' is '<1.2.0-0': no pre-release of 1.2.0 either.
                SemanticVersion bound = partial && pre.isEmpty() ? lowestOf(low.major(), low.minor(), low.patch()) : low;
                return version -> version.compareTo(bound) < 0;
            }
            case "<=" -> {
                SemanticVersion bound = minor == null ? nextMajor : nextMinor;
                return partial ? version -> version.compareTo(bound) < 0 : version -> version.compareTo(low) <= 0;
            }
            default -> {
                if (partial) {
                    return between(low, minor == null ? nextMajor : nextMinor);
                }
                return version -> version.compareTo(low) == 0;
            }
        }
    }

    /** The lowest version with these numbers: {@code major.minor.patch-0}, below all its pre-releases. */
    private static SemanticVersion lowestOf(long major, long minor, long patch) {
        return new SemanticVersion(major, minor, patch, List.of("0"), "");
    }

    private static Predicate<SemanticVersion> between(SemanticVersion inclusive, SemanticVersion exclusive) {
        return version -> version.compareTo(inclusive) >= 0 && version.compareTo(exclusive) < 0;
    }

    private static Long number(String group) {
        if (group == null || group.equals("*") || group.equalsIgnoreCase("x")) {
            return null;
        }
        return Long.parseLong(group);
    }

    private static InvalidValueException invalid(String text) {
        return new InvalidValueException("version range", text,
                "use a version ('1.2.3'), a comparison ('>=1.2.0 <2.0.0'), '^1.2', '~1.2.3', '1.x', '*' or alternatives joined by '||'");
    }

    public boolean includes(SemanticVersion version) {
        return alternatives.stream().anyMatch(all -> all.stream().allMatch(predicate -> predicate.test(version)));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VersionRange range && text.equals(range.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
