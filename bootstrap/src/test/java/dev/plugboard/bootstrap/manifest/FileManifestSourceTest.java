package dev.plugboard.bootstrap.manifest;

import dev.plugboard.application.port.out.ManifestDiscovery;
import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.plugin.ExecutionMode;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginSource;
import dev.plugboard.domain.settings.SettingsPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileManifestSourceTest {

    @TempDir
    Path plugins;

    private void write(String relative, String text) throws Exception {
        Path file = plugins.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void givenTheRepositoryPluginsFolder_discover_readsEveryExampleAndEachIsRegistrable() {
        FileManifestSource source = new FileManifestSource(Path.of("../plugins").toString());

        ManifestDiscovery discovery = source.discover(Optional.empty());

        assertThat(discovery.problems()).isEmpty();
        assertThat(discovery.manifests()).extracting(m -> m.name().value()).containsExactly("summarizer");
        PluginManifest summarizer = discovery.manifests().get(0);
        assertThat(summarizer.source()).isEqualTo(PluginSource.MANIFEST_DIRECTORY);
        assertThat(summarizer.execution().mode()).isEqualTo(ExecutionMode.EXTERNAL);
        assertThat(summarizer.settingsSchema().at("/required/0")).contains("apiKey");
        assertThat(new SettingsPolicy().problemsOf(summarizer.settingsSpec())).isEmpty();
    }

    @Test
    void givenManifestWithSchemaBeside_read_takesTheSchemaFromTheFile() throws Exception {
        write("echo/plugin.yaml", "name: echo\nversion: 2.1.0\nexecution: {timeout: 500ms}\n");
        write("echo/settings.schema.json", "{\"type\": \"object\", \"properties\": {\"n\": {\"type\": \"integer\"}}}");

        PluginManifest echo = new FileManifestSource(plugins.toString()).read(plugins.resolve("echo/plugin.yaml"),
                PluginSource.REGISTERED);

        assertThat(echo.version().toString()).isEqualTo("2.1.0");
        assertThat(echo.settingsSchema().at("/properties/n/type")).contains("integer");
        assertThat(echo.execution().timeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(echo.source()).isEqualTo(PluginSource.REGISTERED);
    }

    @Test
    void givenOneBrokenManifest_discover_reportsItWithItsFileAndKeepsTheOthers() throws Exception {
        write("good/plugin.yaml", "name: good\nversion: 1.0.0\n");
        write("typo/plugin.yaml", "name: typo\nversion: 1.0.0\ncategroy: x\n");
        write("badver/plugin.yaml", "name: badver\nversion: one\n");
        write("notyaml/plugin.yaml", "name: [unclosed\n");
        write("empty-folder/README.txt", "no manifest here");

        ManifestDiscovery discovery = new FileManifestSource(plugins.toString()).discover(Optional.empty());

        assertThat(discovery.manifests()).extracting(m -> m.name().value()).contains("good").doesNotContain("typo", "badver");
        assertThat(discovery.problems()).hasSize(3);
        assertThat(discovery.problems()).anySatisfy(p -> {
            assertThat(p.location()).endsWith("typo/plugin.yaml");
            assertThat(p.message()).contains("categroy").contains("is not a manifest field");
        });
        assertThat(discovery.problems()).anySatisfy(p -> {
            assertThat(p.location()).endsWith("badver/plugin.yaml");
            assertThat(p.message()).contains("semantic version");
        });
        assertThat(discovery.problems()).anySatisfy(p -> assertThat(p.message()).contains("not valid YAML"));
    }

    @Test
    void givenSchemaInManifestAndBeside_read_refusesTheAmbiguity() throws Exception {
        write("twice/plugin.yaml", "name: twice\nversion: 1.0.0\nsettingsSchema: {type: object}\n");
        write("twice/settings.schema.json", "{\"type\": \"object\"}");

        assertThatThrownBy(() -> new FileManifestSource(plugins.toString()).read(plugins.resolve("twice/plugin.yaml"),
                PluginSource.REGISTERED))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("keep one of them");
    }

    @Test
    void givenMissingDirectoryAskedFor_discover_saysItIsNotADirectory() {
        ManifestDiscovery discovery = new FileManifestSource(plugins.toString())
                .discover(Optional.of(plugins.resolve("nope")));

        assertThat(discovery.problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("is not a directory"));
        assertThat(discovery.manifests()).isEmpty();
    }

    @Test
    void givenMissingFile_read_namesIt() {
        assertThatThrownBy(() -> new FileManifestSource("").read(plugins.resolve("ghost.yaml"), PluginSource.REGISTERED))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("ghost.yaml")
                .hasMessageContaining("does not exist");
    }
}
