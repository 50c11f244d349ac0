package dev.plugboard.adapter.isolation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class HostJarTest {

    @TempDir
    Path folder;

    @Test
    void givenAnExecutableServerJar_extract_keepsOnlyTheHostThePluginApiAndJackson() throws Exception {
        Path server = folder.resolve("plugboard.jar");
        List<String> names = List.of("dev/plugboard/host/PluginHostMain.class", "dev/plugboard/plugin/PluginHandler.class",
                "com/fasterxml/jackson/databind/ObjectMapper.class", "META-INF/versions/11/com/fasterxml/jackson/core/X.class",
                "META-INF/services/com.fasterxml.jackson.core.JsonFactory",
                "dev/plugboard/bootstrap/PlugboardApplication.class", "dev/plugboard/plugins/builtin/WebhookPlugin.class",
                "io/micronaut/Foo.class", "com/fasterxml/jackson/dataformat/yaml/YAMLMapper.class", "org/postgresql/Driver.class");
        try (OutputStream file = Files.newOutputStream(server); JarOutputStream out = new JarOutputStream(file)) {
            for (String name : names) {
                out.putNextEntry(new JarEntry(name));
                out.write(1);
                out.closeEntry();
            }
        }

        Path host = HostJar.extract(server, folder.resolve("host.jar"));

        try (JarFile jar = new JarFile(host.toFile())) {
            assertThat(Collections.list(jar.entries())).extracting(JarEntry::getName)
                    .contains("dev/plugboard/host/PluginHostMain.class", "dev/plugboard/plugin/PluginHandler.class",
                            "com/fasterxml/jackson/databind/ObjectMapper.class",
                            "META-INF/versions/11/com/fasterxml/jackson/core/X.class",
                            "META-INF/services/com.fasterxml.jackson.core.JsonFactory")
                    .noneMatch(name -> name.startsWith("dev/plugboard/bootstrap") || name.startsWith("dev/plugboard/plugins")
                            || name.startsWith("io/") || name.startsWith("org/") || name.contains("dataformat"));
        }
    }
}
