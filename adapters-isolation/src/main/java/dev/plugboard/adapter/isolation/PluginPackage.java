package dev.plugboard.adapter.isolation;

import dev.plugboard.domain.time.Durations;
import dev.plugboard.domain.error.InvalidValueException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A plugin's code as its directory ships it: the jar ({@code execution.jar}) and {@code lib/*.jar},
 * the handler class, and the limits of its hosts ({@code execution.memory}, {@code hosts},
 * {@code cpu}, {@code threads}).
 *
 * @param classPath  the plugin's jars, its own first
 * @param memoryMb   the heap limit of each host, in MiB
 * @param hosts      how many hosts (so runs at once) at most
 * @param cpu        CPU time a run may use; empty for the run's timeout
 * @param threads    threads a run may start
 */
public record PluginPackage(String plugin, Path directory, List<Path> classPath, String handlerClass, int memoryMb,
                            int hosts, Optional<Duration> cpu, int threads) {

    /** The fields of {@code execution} that only process mode reads. */
    public static final Set<String> FIELDS = Set.of("jar", "handler", "memory", "hosts", "cpu", "threads");
    public static final int DEFAULT_MEMORY_MB = 128;
    public static final int DEFAULT_HOSTS = 2;
    public static final int DEFAULT_THREADS = 64;
    private static final Pattern MEMORY = Pattern.compile("^(\\d+)\\s*([kmg]?)b?$");
    private static final Pattern CLASS_NAME = Pattern.compile("^[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*"
            + "(\\.[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)*$");

    public PluginPackage {
        classPath = List.copyOf(classPath);
    }

    /**
     * Reads and checks the package of the plugin in {@code directory}.
     *
     * @throws InvalidValueException naming the field and what to do, e.g. a jar that does not exist
     */
    public static PluginPackage read(String plugin, Path directory, Map<String, ?> execution) {
        Object jar = execution.get("jar");
        Object handler = execution.get("handler");
        if (handler == null || !CLASS_NAME.matcher(String.valueOf(handler)).matches()) {
            throw new InvalidValueException("execution.handler", handler, "name the class that implements"
                    + " dev.plugboard.plugin.PluginHandler, e.g. 'com.example.MyHandler'");
        }
        List<Path> classPath = new ArrayList<>();
        if (jar != null) {
            Path file = directory.resolve(String.valueOf(jar)).normalize();
            if (!file.startsWith(directory) || !Files.isRegularFile(file)) {
                throw new InvalidValueException("execution.jar", jar, "is not a file in " + directory
                        + "; build the plugin and copy its jar there");
            }
            classPath.add(file);
        }
        classPath.addAll(libraries(directory.resolve("lib")));
        if (classPath.isEmpty()) {
            throw new InvalidValueException("execution.jar", null, "is missing: name the plugin's jar (e.g. 'jar: "
                    + plugin + ".jar') or put the jars in " + directory.resolve("lib"));
        }
        int memory = execution.containsKey("memory") ? megabytes(execution.get("memory")) : DEFAULT_MEMORY_MB;
        int hosts = whole("execution.hosts", execution.get("hosts"), DEFAULT_HOSTS, 1, 64);
        int threads = whole("execution.threads", execution.get("threads"), DEFAULT_THREADS, 1, 10_000);
        Optional<Duration> cpu = Optional.ofNullable(execution.get("cpu")).map(v -> Durations.parse("execution.cpu", String.valueOf(v)));
        return new PluginPackage(plugin, directory, classPath, String.valueOf(handler), memory, hosts, cpu, threads);
    }

    private static List<Path> libraries(Path lib) {
        if (!Files.isDirectory(lib)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(lib)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new InvalidValueException("lib", lib, "cannot be listed: " + e.getMessage());
        }
    }

    private static int megabytes(Object value) {
        Matcher matcher = MEMORY.matcher(String.valueOf(value).strip().toLowerCase(Locale.ROOT));
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            long mb = switch (matcher.group(2)) {
                case "g" -> amount * 1024;
                case "k" -> amount / 1024;
                case "m" -> amount;
                default -> amount / (1024 * 1024);
            };
            if (mb >= 16 && mb <= 65_536) {
                return (int) mb;
            }
        }
        throw new InvalidValueException("execution.memory", value, "use a heap size from 16m to 64g, such as '128m' or '1g'");
    }

    private static int whole(String field, Object value, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number number && number.doubleValue() == number.intValue()
                && number.intValue() >= min && number.intValue() <= max) {
            return number.intValue();
        }
        throw new InvalidValueException(field, value, "must be a whole number from " + min + " to " + max);
    }
}
