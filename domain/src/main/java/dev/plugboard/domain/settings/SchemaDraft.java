package dev.plugboard.domain.settings;

import com.networknt.schema.SpecVersion.VersionFlag;

import java.util.Arrays;
import java.util.Optional;

/** The JSON Schema drafts a settings schema may declare with {@code $schema}. */
public enum SchemaDraft {
    DRAFT_07("http://json-schema.org/draft-07/schema", VersionFlag.V7),
    DRAFT_2019_09("https://json-schema.org/draft/2019-09/schema", VersionFlag.V201909),
    DRAFT_2020_12("https://json-schema.org/draft/2020-12/schema", VersionFlag.V202012);

    /** Used when a schema names no draft. */
    public static final SchemaDraft DEFAULT = DRAFT_2020_12;

    private final String uri;
    private final VersionFlag flag;

    SchemaDraft(String uri, VersionFlag flag) {
        this.uri = uri;
        this.flag = flag;
    }

    public String uri() {
        return uri;
    }

    VersionFlag flag() {
        return flag;
    }

    /** Matches a {@code $schema} value, tolerating a trailing {@code #} and http/https. */
    public static Optional<SchemaDraft> fromUri(String value) {
        String normalised = normalise(value);
        return Arrays.stream(values()).filter(draft -> normalise(draft.uri).equals(normalised)).findFirst();
    }

    private static String normalise(String uri) {
        String trimmed = uri.strip();
        if (trimmed.endsWith("#")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.replaceFirst("^https://", "http://");
    }

    static String supportedList() {
        return Arrays.stream(values()).map(SchemaDraft::uri).reduce((a, b) -> a + ", " + b).orElse("");
    }
}
