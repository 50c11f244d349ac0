package dev.plugboard.domain.plugin;

import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessModeManifestTest {

    private static PluginManifest read(String mode) {
        return ManifestDocument.read(JsonDocument.of(Map.of("name", "excerpt", "version", "1.0.0",
                "execution", Map.of("mode", mode))), PluginSource.MANIFEST_DIRECTORY);
    }

    @Test
    void givenProcessMode_readAndWrite_keepIt() {
        PluginManifest manifest = read("process");

        assertThat(manifest.execution().mode()).isEqualTo(ExecutionMode.PROCESS);
        assertThat(ManifestDocument.write(manifest).at("/execution/mode")).contains("process");
        assertThat(ManifestDocument.read(ManifestDocument.write(manifest), PluginSource.MANIFEST_DIRECTORY).execution().mode())
                .isEqualTo(ExecutionMode.PROCESS);
    }

    @Test
    void givenEveryMode_manifestName_isWhatTheManifestSays() {
        for (ExecutionMode mode : ExecutionMode.values()) {
            assertThat(read(mode.manifestName()).execution().mode()).isEqualTo(mode);
        }
    }

    @Test
    void givenUnknownMode_read_listsTheThreeModes() {
        assertThatThrownBy(() -> read("sandbox")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("sandbox").hasMessageContaining("'process'");
    }
}
