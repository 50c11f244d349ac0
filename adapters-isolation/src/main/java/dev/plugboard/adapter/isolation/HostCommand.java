package dev.plugboard.adapter.isolation;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plugboard.host.PluginHostMain;
import dev.plugboard.plugin.PluginHandler;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The command line of a plugin host: the server's own {@code java}, the package's heap limit, and a
 * class path of the host (with Jackson), the plugin API and the plugin's jars, nothing of the server.
 */
final class HostCommand {

    private static final List<Path> HOST_CLASS_PATH = hostClassPath();

    private HostCommand() {
    }

    static List<String> of(PluginPackage pkg) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.add("-Xmx" + pkg.memoryMb() + "m");
        command.add("-Xss512k");
        // A small host starts faster and stays small with the serial collector and the first JIT tier.
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:MaxMetaspaceSize=" + Math.max(32, pkg.memoryMb() / 2) + "m");
        command.add("-Xshare:auto");
        command.add("-Djava.awt.headless=true");
        command.add("-Dfile.encoding=UTF-8");
        command.add("-cp");
        Set<Path> classPath = new LinkedHashSet<>(HOST_CLASS_PATH);
        classPath.addAll(pkg.classPath());
        command.add(classPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        command.add(PluginHostMain.class.getName());
        command.add(pkg.handlerClass());
        command.add(Integer.toString(pkg.threads()));
        return command;
    }

    /** The JVM this server runs on, so hosts match its version. */
    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static List<Path> hostClassPath() {
        Path own = location(HostCommand.class);
        if (own.equals(location(PluginHostMain.class)) && Files.isRegularFile(own)) {
            // One executable jar holds the server and the host: hosts get a jar of their own part only.
            try {
                Path jar = Files.createTempFile("plugboard-host-", ".jar");
                jar.toFile().deleteOnExit();
                return List.of(HostJar.extract(own, jar));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot write the plugin host's jar", e);
            }
        }
        Set<Path> paths = new LinkedHashSet<>();
        for (Class<?> type : List.of(PluginHostMain.class, PluginHandler.class, ObjectMapper.class, JsonFactory.class,
                JsonProperty.class)) {
            paths.add(location(type));
        }
        return List.copyOf(paths);
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot find the jar of " + type.getName() + " for plugin hosts", e);
        }
    }
}
