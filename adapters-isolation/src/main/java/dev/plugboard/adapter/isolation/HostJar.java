package dev.plugboard.adapter.isolation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * When the server runs from one executable jar, the host's classes sit in it beside the whole
 * server: this copies out the host, the plugin API and Jackson into a jar of their own, so that a
 * plugin host's class path holds nothing of the server.
 */
final class HostJar {

    /** What a host needs, by entry name (also under {@code META-INF/versions/<n>/} of a multi-release jar). */
    static final List<String> PREFIXES = List.of("dev/plugboard/host/", "dev/plugboard/plugin/",
            "com/fasterxml/jackson/core/", "com/fasterxml/jackson/databind/", "com/fasterxml/jackson/annotation/",
            "META-INF/services/com.fasterxml.jackson.");

    private HostJar() {
    }

    /** Writes the host's part of {@code serverJar} to {@code target}. */
    static Path extract(Path serverJar, Path target) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Multi-Release"), "true");
        try (JarFile source = new JarFile(serverJar.toFile()); OutputStream file = Files.newOutputStream(target);
             JarOutputStream out = new JarOutputStream(file, manifest)) {
            Enumeration<JarEntry> entries = source.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (!entry.isDirectory() && isHostEntry(entry.getName())) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    try (InputStream in = source.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the plugin host's classes from " + serverJar, e);
        }
        return target;
    }

    static boolean isHostEntry(String name) {
        String plain = name.startsWith("META-INF/versions/") ? name.replaceFirst("^META-INF/versions/\\d+/", "") : name;
        return PREFIXES.stream().anyMatch(plain::startsWith);
    }
}
