package dev.plugboard.bootstrap.rest;

import dev.plugboard.hooked.KeyChecker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** Packages compiled plugin classes into jars and lays out {@code plugins/<name>/} directories, as a plugin author would. */
public final class PluginDirectories {

    private PluginDirectories() {
    }

    /** A jar of the classes in {@code type}'s package (from the build's class folder or jar). */
    public static void jarOfPackage(Class<?> type, Path jar) {
        try {
            Path root = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(root)) {
                Files.createDirectories(jar.getParent());
                Files.copy(root, jar);
                return;
            }
            String folder = type.getPackageName().replace('.', '/');
            Files.createDirectories(jar.getParent());
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
                 Stream<Path> files = Files.list(root.resolve(folder))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                    zip.putNextEntry(new JarEntry(folder + "/" + file.getFileName()));
                    zip.write(Files.readAllBytes(file));
                    zip.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code plugins/<name>/} of the {@link KeyChecker} plugin jar (lifecycle hooks; validate refuses
     * the API key {@code bad}) in one small host, with {@code settingsSchema}.
     */
    public static Path keyChecker(Path plugins, String name, String settingsSchema) {
        Path directory = processPlugin(plugins, name, KeyChecker.class.getName(), List.of("memory: 64m", "hosts: 1"));
        try {
            Files.writeString(directory.resolve("settings.schema.json"), settingsSchema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jarOfPackage(KeyChecker.class, directory.resolve("plugin.jar"));
        return directory;
    }

    /** {@code plugins/<name>/plugin.yaml} of a process-mode plugin whose jar is {@code plugin.jar}. */
    public static Path processPlugin(Path plugins, String name, String handler, List<String> executionLines) {
        Path directory = plugins.resolve(name);
        StringBuilder yaml = new StringBuilder("name: " + name + "\nversion: 1.0.0\nexecution:\n  mode: process\n"
                + "  jar: plugin.jar\n  handler: " + handler + "\n");
        executionLines.forEach(line -> yaml.append("  ").append(line).append('\n'));
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("plugin.yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return directory;
    }

    /** Child processes of this JVM that are plugin hosts. */
    public static List<ProcessHandle> hostProcesses() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().arguments().map(args -> List.of(args).contains("dev.plugboard.host.PluginHostMain"))
                        .orElse(false))
                .toList();
    }
}
