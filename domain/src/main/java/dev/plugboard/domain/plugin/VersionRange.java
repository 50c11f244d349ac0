package dev.plugboard.domain.plugin;

import dev.plugboard.domain.error.InvalidValueException;
import org.semver4j.RangesList;
import org.semver4j.RangesListFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A range of semantic versions in npm's notation: {@code 1.2.3}, {@code >=1.2.0 <2.0.0}, {@code ^1.2},
 * {@code ~1.2.3}, {@code 1.x}, {@code *}, {@code 1.0.0 - 1.4.0} and alternatives joined by {@code ||}.
 * What a range means is semver4j's (npm semantics, pre-releases included only where a comparator names
 * a pre-release of the same MAJOR.MINOR.PATCH). This class only refuses text that semver4j would
 * silently read as something else, e.g. {@code 1.2.3 junk} as {@code =1.2.3}.
 */
public final class VersionRange {

    private static final Pattern COMPARATOR = Pattern.compile(
            "^(<=|>=|<|>|=|\\^|~)?v?(\\*|x|X|\\d+)(?:\\.(\\*|x|X|\\d+))?(?:\\.(\\*|x|X|\\d+))?(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$");
    private static final Pattern WILDCARD = Pattern.compile("^(\\*|x|X)(\\.(\\*|x|X)){0,2}$");

    private final String text;
    private final RangesList ranges;

    private VersionRange(String text, RangesList ranges) {
        this.text = text;
        this.ranges = ranges;
    }

    public static VersionRange any() {
        return parse("*");
    }

    public static VersionRange parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("version range", text, "is required, e.g. '^1.2.0' or '>=1.0.0 <2.0.0'");
        }
        List<String> alternatives = new ArrayList<>();
        for (String alternative : text.split("\\|\\|", -1)) {
            alternatives.add(checked(text, alternative.strip()));
        }
        RangesList ranges = RangesListFactory.create(String.join(" || ", alternatives));
        if (ranges.get().size() != alternatives.size()) {
            throw invalid(text);
        }
        return new VersionRange(text.strip(), ranges);
    }

    /** The alternative as semver4j should read it, or an error when it is not npm range syntax. */
    private static String checked(String whole, String alternative) {
        if (alternative.isEmpty()) {
            throw invalid(whole);
        }
        // semver4j reads a bare 'x' as '<0.0.0'; npm reads it as '*'.
        if (WILDCARD.matcher(alternative).matches()) {
            return "*";
        }
        String[] hyphen = alternative.split("\\s+-\\s+", -1);
        if (hyphen.length == 2) {
            requireComparators(whole, hyphen[0].strip(), hyphen[1].strip());
            return alternative;
        }
        requireComparators(whole, alternative.replaceAll("(<=|>=|<|>|=)\\s+", "$1").split("\\s+"));
        return alternative;
    }

    private static void requireComparators(String whole, String... tokens) {
        for (String token : tokens) {
            if (!COMPARATOR.matcher(token).matches()) {
                throw invalid(whole);
            }
        }
    }

    private static InvalidValueException invalid(String text) {
        return new InvalidValueException("version range", text,
                "use a version ('1.2.3'), a comparison ('>=1.2.0 <2.0.0'), '^1.2', '~1.2.3', '1.x', '*' or alternatives joined by '||'");
    }

    public boolean includes(SemanticVersion version) {
        return ranges.isSatisfiedBy(version.semver());
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
