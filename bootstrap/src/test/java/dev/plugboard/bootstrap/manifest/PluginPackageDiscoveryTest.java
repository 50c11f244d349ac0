package dev.plugboard.bootstrap.manifest;

import dev.plugboard.adapter.isolation.PluginPackage;
import dev.plugboard.application.port.out.ManifestDiscovery;
import dev.plugboard.domain.plugin.ExecutionMode;
import dev.plugboard.domain.plugin.PluginManifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Discovery of plugin packages ({@code execution.mode: process}): what it accepts, and the errors it reports. */
class PluginPackageDiscoveryTest {

    @TempDir
    Path plugins;

    private void write(String relative, String text) throws Exception {
        Path file = plugins.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private ManifestDiscovery discover() {
        return new FileManifestSource(plugins.toString()).discover(Optional.empty());
    }

    @Test
    void givenJarAndLibraries_discover_readsThePackageWithItsLimits() throws Exception {
        write("excerpt/plugin.yaml", "name: excerpt\nversion: 1.0.0\nexecution:\n  mode: process\n  jar: excerpt.jar\n"
                + "  handler: com.example.ExcerptHandler\n  memory: 1g\n  hosts: 3\n  cpu: 5s\n  threads: 8\n  timeout: 10s\n");
        write("excerpt/excerpt.jar", "jar");
        write("excerpt/lib/a.jar", "jar");
        write("excerpt/lib/notes.txt", "not a jar");

        ManifestDiscovery discovery = discover();
        Map<PluginManifest, PluginPackage> packages = new FileManifestSource(plugins.toString()).packages();

        assertThat(discovery.problems()).isEmpty();
        assertThat(discovery.manifests().get(0).execution().mode()).isEqualTo(ExecutionMode.PROCESS);
        PluginPackage pkg = packages.values().iterator().next();
        assertThat(pkg.handlerClass()).isEqualTo("com.example.ExcerptHandler");
        assertThat(pkg.classPath()).extracting(p -> p.getFileName().toString()).containsExactly("excerpt.jar", "a.jar");
        assertThat(pkg.memoryMb()).isEqualTo(1024);
        assertThat(pkg.hosts()).isEqualTo(3);
        assertThat(pkg.cpu()).contains(Duration.ofSeconds(5));
        assertThat(pkg.threads()).isEqualTo(8);
    }

    @Test
    void givenOnlyLibraries_andNoLimits_discover_usesTheDefaults() throws Exception {
        write("tiny/plugin.yaml", "name: tiny\nversion: 1.0.0\nexecution: {mode: process, handler: com.example.Tiny}\n");
        write("tiny/lib/tiny.jar", "jar");

        PluginPackage pkg = new FileManifestSource(plugins.toString()).packages().values().iterator().next();

        assertThat(pkg.memoryMb()).isEqualTo(128);
        assertThat(pkg.hosts()).isEqualTo(PluginPackage.DEFAULT_HOSTS);
        assertThat(pkg.cpu()).isEmpty();
    }

    @Test
    void givenMissingJar_discover_reportsTheFieldAndWhatToDo() throws Exception {
        write("lost/plugin.yaml", "name: lost\nversion: 1.0.0\nexecution: {mode: process, jar: lost.jar, handler: com.example.Lost}\n");

        ManifestDiscovery discovery = discover();

        assertThat(discovery.manifests()).isEmpty();
        assertThat(discovery.problems()).singleElement().satisfies(problem ->
                assertThat(problem.toString()).contains("lost", "execution.jar", "lost.jar", "copy its jar there"));
        assertThat(new FileManifestSource(plugins.toString()).packages()).isEmpty();
    }

    @Test
    void givenNoHandlerClass_orNoJarAtAll_discover_reportsEach() throws Exception {
        write("nameless/plugin.yaml", "name: nameless\nversion: 1.0.0\nexecution: {mode: process, jar: n.jar}\n");
        write("nameless/n.jar", "jar");
        write("empty/plugin.yaml", "name: empty\nversion: 1.0.0\nexecution: {mode: process, handler: com.example.E}\n");

        ManifestDiscovery discovery = discover();

        assertThat(discovery.problems()).hasSize(2);
        assertThat(discovery.problems().toString()).contains("execution.handler", "dev.plugboard.plugin.PluginHandler")
                .contains("execution.jar", "is missing");
    }

    @Test
    void givenBadMemory_discover_namesTheValue() throws Exception {
        write("big/plugin.yaml", "name: big\nversion: 1.0.0\nexecution: {mode: process, jar: b.jar, handler: a.B, memory: lots}\n");
        write("big/b.jar", "jar");

        assertThat(discover().problems().toString()).contains("execution.memory", "lots", "128m");
    }

    @Test
    void givenProcessFieldsInAnInProcessManifest_discover_refusesThem() throws Exception {
        write("mixed/plugin.yaml", "name: mixed\nversion: 1.0.0\nexecution: {jar: m.jar}\n");

        assertThat(discover().problems().toString()).contains("execution.jar");
    }
}
