package dev.plugboard.bootstrap.startup;

import io.micronaut.core.io.service.SoftServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class JarServiceIndexTest {

    @TempDir
    Path folder;

    @Test
    void givenJarsWithMicronautEntriesAndServiceFiles_read_listsEveryServiceOnceInClassPathOrder() throws IOException {
        Path first = jar("first.jar", Map.of(
                "META-INF/micronaut/io.micronaut.inject.BeanDefinitionReference/", "",
                "META-INF/micronaut/io.micronaut.inject.BeanDefinitionReference/a.First$Definition", "",
                "META-INF/services/x.Loader", "# a comment\nx.FirstLoader # trailing comment\n\n"));
        Path second = jar("second.jar", Map.of(
                "META-INF/micronaut/io.micronaut.inject.BeanDefinitionReference/b.Second$Definition", "",
                "META-INF/micronaut/x.Loader/x.SecondLoader", "",
                "META-INF/services/x.Loader", "x.FirstLoader\n",
                "META-INF/micronaut/too/deep/c.Ignored", ""));

        Map<String, List<String>> services = JarServiceIndex.read(first + File.pathSeparator + second).orElseThrow();

        assertThat(services).containsOnlyKeys("io.micronaut.inject.BeanDefinitionReference", "x.Loader");
        assertThat(services.get("io.micronaut.inject.BeanDefinitionReference")).containsExactly("a.First$Definition", "b.Second$Definition");
        assertThat(services.get("x.Loader")).containsExactly("x.FirstLoader", "x.SecondLoader");
    }

    @Test
    void givenAFolderOnTheClassPath_read_givesNothing_soMicronautScansAsUsual() throws IOException {
        Path jar = jar("only.jar", Map.of("META-INF/micronaut/t.Type/t.Impl", ""));

        assertThat(JarServiceIndex.read(jar + File.pathSeparator + folder)).isEmpty();
        assertThat(JarServiceIndex.read(jar + File.pathSeparator + folder.resolve("missing.jar"))).isEmpty();
    }

    @Test
    void givenPrefixes_withoutLeftOut_dropsOnlyTheNamesStartingWithOne() {
        List<String> names = List.of("io.micronaut.http.server.netty.$Server$Definition", "dev.plugboard.adapter.cli.$List$Definition",
                "dev.plugboard.adapter.rest.$Api$Definition", "io.micronaut.http.client.$Client$Definition");

        assertThat(JarServiceIndex.withoutLeftOut(names, ServerOnlyBeans.PREFIXES))
                .containsExactly("dev.plugboard.adapter.cli.$List$Definition", "io.micronaut.http.client.$Client$Definition");
    }

    @Test
    void givenTheTestClassPath_load_answersNothing_andMicronautKeepsItsOwnScan() {
        // Surefire's class path holds folders (target/classes): the index steps aside.
        SoftServiceLoader.Optimizations optimizations = new JarServiceIndex().load();

        assertThat(optimizations.getServiceLoaders()).isEmpty();
    }

    private Path jar(String name, Map<String, String> entries) throws IOException {
        Path jar = folder.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (Map.Entry<String, String> entry : new java.util.TreeMap<>(entries).entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }
}
