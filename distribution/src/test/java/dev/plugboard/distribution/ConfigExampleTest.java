package dev.plugboard.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.plugboard.bootstrap.launch.ConfigurationKeys;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The archive's annotated config/plugboard.yml shows only keys Plugboard reads: every key, set or
 * commented out, is one of {@link ConfigurationKeys#KEYS}. (ArchiveIT starts the server on the file as
 * shipped, so its set values pass the start-up check too.)
 */
class ConfigExampleTest {

    private static final Path EXAMPLE = Path.of("src/config/plugboard.yml");
    /** A commented-out setting: "# key: value" or "#   key:" (prose never starts with a lowercase key and a colon). */
    private static final Pattern COMMENTED_SETTING = Pattern.compile("^(\\s*)# ?(\\s*[a-z][a-z0-9-]*:.*)$");

    @Test
    void givenTheExampleAsShipped_whenRead_thenEveryKeyItSetsIsAConfigurationKey() throws IOException {
        List<String> keys = keys(Files.readString(EXAMPLE));

        assertThat(keys).contains("plugboard.port", "plugboard.rate-limit.period", "plugboard.retention.audit");
        assertThat(unknown(keys)).isEmpty();
    }

    @Test
    void givenTheExampleWithEverySettingUncommented_whenRead_thenItIsValidYamlAndEveryKeyIsAConfigurationKey() throws IOException {
        String uncommented = Files.readAllLines(EXAMPLE).stream()
                .map(line -> COMMENTED_SETTING.matcher(line).replaceFirst("$1$2"))
                .collect(Collectors.joining("\n"));

        List<String> keys = keys(uncommented);

        assertThat(keys).contains("plugboard.plugins-dir", "plugboard.database.url", "plugboard.database.pool-size",
                "plugboard.jwt.secret", "plugboard.secrets.key", "plugboard.cors.allowed-origins", "plugboard.outbound.allow");
        assertThat(unknown(keys)).isEmpty();
    }

    private static List<String> unknown(List<String> keys) {
        return keys.stream().filter(key -> ConfigurationKeys.KEYS.stream().noneMatch(known -> known.map()
                ? key.startsWith(known.name() + ".") : key.equals(known.name()))).toList();
    }

    private static List<String> keys(String yaml) throws IOException {
        List<String> keys = new ArrayList<>();
        flatten("", new YAMLMapper().readTree(yaml), keys);
        return keys;
    }

    private static void flatten(String prefix, JsonNode node, List<String> keys) {
        if (!node.isObject()) {
            keys.add(prefix);
            return;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), keys);
        }
    }
}
