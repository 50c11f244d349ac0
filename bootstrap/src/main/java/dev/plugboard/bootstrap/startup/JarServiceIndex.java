package dev.plugboard.bootstrap.startup;

import io.micronaut.core.io.service.SoftServiceLoader;
import io.micronaut.core.io.service.SoftServiceLoader.StaticDefinition;
import io.micronaut.core.io.service.SoftServiceLoader.StaticServiceLoader;
import io.micronaut.core.optim.StaticOptimizations;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Lists Micronaut's services (the bean definitions above all) from the jar's own table of entries, so
 * that starting a context does not open the 65 MB, 31,756-entry executable jar as a zip file system to
 * walk its {@code META-INF/micronaut/} folders (docs/benchmarks/read-commands.md), and so that a command
 * can leave out the server's bean definitions before any of their classes is loaded.
 *
 * <p>Micronaut reads such lists through {@link StaticOptimizations}, whose loaders it finds with the
 * JDK's service loader; that is the hook Micronaut AOT's generated code uses, and this class is
 * registered the same way ({@code META-INF/services}). It answers only when every class path entry is a
 * jar (the executable jar, the release archive's {@code lib/}); from folders (tests, an IDE) it gives
 * nothing and Micronaut scans as usual. Anything it cannot read also leaves Micronaut to scan.
 */
public final class JarServiceIndex implements StaticOptimizations.Loader<SoftServiceLoader.Optimizations> {

    static final String FOLDER = "META-INF/micronaut/";
    static final String SERVICES = "META-INF/services/";
    /** The services a command may leave some of out: bean definitions, and introspections (the classes beans read). */
    static final Set<String> FILTERED = Set.of("io.micronaut.inject.BeanDefinitionReference",
            "io.micronaut.core.beans.BeanIntrospectionReference");

    private static volatile List<String> leftOut = List.of();

    /**
     * Before Micronaut starts: bean definitions whose class name starts with one of these are not
     * listed at all. Must be called before the first Micronaut class is used, or it has no effect.
     */
    public static void leaveOut(List<String> classNamePrefixes) {
        leftOut = List.copyOf(classNamePrefixes);
    }

    @Override
    public SoftServiceLoader.Optimizations load() {
        try {
            return read(System.getProperty("java.class.path", ""))
                    .map(services -> new SoftServiceLoader.Optimizations(new EveryService(services, leftOut)))
                    .orElseGet(() -> new SoftServiceLoader.Optimizations(Map.of()));
        } catch (RuntimeException unreadable) {
            return new SoftServiceLoader.Optimizations(Map.of()); // Micronaut scans, as without this class
        }
    }

    /**
     * Service type to implementation class names, from {@code META-INF/micronaut/TYPE/IMPL} entries and
     * {@code META-INF/services/TYPE} files alike (Micronaut's scan merges both), in class path order;
     * empty when an entry of the class path is not a jar.
     */
    static Optional<Map<String, List<String>>> read(String classPath) {
        Map<String, Set<String>> services = new LinkedHashMap<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry);
            if (!entry.endsWith(".jar") || !Files.isRegularFile(path)) {
                return Optional.empty();
            }
            // The class loader has this jar open already; the JDK shares its table of entries.
            try (JarFile jar = new JarFile(path.toFile(), false)) {
                for (JarEntry file : (Iterable<JarEntry>) jar.stream()::iterator) {
                    add(services, jar, file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, List<String>> lists = new LinkedHashMap<>();
        services.forEach((type, names) -> lists.put(type, List.copyOf(names)));
        return Optional.of(lists);
    }

    private static void add(Map<String, Set<String>> services, JarFile jar, JarEntry file) throws IOException {
        String name = file.getName();
        if (name.endsWith("/")) {
            return;
        }
        if (name.startsWith(FOLDER)) {
            String rest = name.substring(FOLDER.length());
            int slash = rest.indexOf('/');
            if (slash > 0 && rest.indexOf('/', slash + 1) < 0) {
                services.computeIfAbsent(rest.substring(0, slash), type -> new LinkedHashSet<>()).add(rest.substring(slash + 1));
            }
        } else if (name.startsWith(SERVICES) && name.indexOf('/', SERVICES.length()) < 0) {
            Set<String> names = services.computeIfAbsent(name.substring(SERVICES.length()), type -> new LinkedHashSet<>());
            try (InputStream in = jar.getInputStream(file)) {
                new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .map(line -> line.replaceFirst("#.*", "").strip())
                        .filter(line -> !line.isEmpty())
                        .forEach(names::add);
            }
        }
    }

    static List<String> withoutLeftOut(List<String> names, List<String> prefixes) {
        return names.stream().filter(name -> prefixes.stream().noneMatch(name::startsWith)).toList();
    }

    /**
     * Every service type's loader. The index holds every service of every class path entry, so a type
     * it does not name has none: answering with an empty loader keeps Micronaut from scanning the jar.
     */
    private static final class EveryService extends AbstractMap<String, StaticServiceLoader<?>> {

        private static final StaticServiceLoader<?> NONE = new Listed<>(List.of());

        private final Map<String, StaticServiceLoader<?>> known = new LinkedHashMap<>();

        EveryService(Map<String, List<String>> services, List<String> leftOut) {
            services.forEach((type, names) ->
                    known.put(type, new Listed<>(FILTERED.contains(type) ? withoutLeftOut(names, leftOut) : names)));
        }

        @Override
        public StaticServiceLoader<?> get(Object type) {
            return known.getOrDefault(type, NONE);
        }

        @Override
        public boolean containsKey(Object type) {
            return true;
        }

        @Override
        public Set<Entry<String, StaticServiceLoader<?>>> entrySet() {
            return known.entrySet();
        }
    }

    /** The implementations of one service type, each created only when Micronaut asks for it. */
    private record Listed<S>(List<String> names) implements StaticServiceLoader<S> {

        @Override
        public Stream<StaticDefinition<S>> findAll(Predicate<String> condition) {
            return names.stream().filter(name -> condition == null || condition.test(name)).map(name -> StaticDefinition.of(name, (Supplier<S>) () -> create(name)));
        }

        /** As Micronaut's own scan: a service whose class (or a class it needs) is missing is left out. */
        @Override
        public List<S> load(Predicate<String> condition, Predicate<S> predicate) {
            List<S> services = new ArrayList<>();
            for (String name : names) {
                if (condition == null || condition.test(name)) {
                    S service = createIfPresent(name);
                    if (service != null && (predicate == null || predicate.test(service))) {
                        services.add(service);
                    }
                }
            }
            return services;
        }

        private static <S> S createIfPresent(String name) {
            try {
                return create(name);
            } catch (IllegalStateException e) {
                for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                    if (cause instanceof ClassNotFoundException || cause instanceof NoClassDefFoundError) {
                        return null;
                    }
                }
                throw e;
            }
        }

        @SuppressWarnings("unchecked")
        private static <S> S create(String name) {
            try {
                Class<?> type = Class.forName(name, false, JarServiceIndex.class.getClassLoader());
                return (S) MethodHandles.publicLookup().findConstructor(type, MethodType.methodType(void.class)).invoke();
            } catch (Throwable e) {
                throw new IllegalStateException("cannot create the Micronaut service " + name, e);
            }
        }
    }
}
