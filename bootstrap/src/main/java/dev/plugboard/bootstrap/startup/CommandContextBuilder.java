package dev.plugboard.bootstrap.startup;

import io.micronaut.context.DefaultApplicationContextBuilder;
import io.micronaut.core.io.scan.ClassPathResourceLoader;
import io.micronaut.core.io.scan.DefaultClassPathResourceLoader;

import java.io.InputStream;
import java.util.Optional;

/**
 * The application context builder of a command (every {@code plugboard} command but {@code serve}):
 * it reads its configuration files from the class path through the class loader. Micronaut's own
 * loader opens the executable jar as a zip file system, reading its table of 31,756 entries, only to
 * ask whether {@code application.yml} is a folder (docs/benchmarks/read-commands.md). The server
 * keeps Micronaut's loader: it also serves static files, where folders matter.
 */
public final class CommandContextBuilder extends DefaultApplicationContextBuilder {

    private ClassPathResourceLoader resources;

    @Override
    public ClassPathResourceLoader getResourceLoader() {
        if (resources == null) {
            resources = new ClassLoaderResources(getClassLoader());
        }
        return resources;
    }

    /** Files are read through the class loader; a folder or an empty name goes to Micronaut's loader. */
    static final class ClassLoaderResources extends DefaultClassPathResourceLoader {

        ClassLoaderResources(ClassLoader classLoader) {
            super(classLoader);
        }

        @Override
        public Optional<InputStream> getResourceAsStream(String path) {
            String name = path.startsWith("classpath:") ? path.substring("classpath:".length()) : path;
            while (name.startsWith("/")) {
                name = name.substring(1);
            }
            if (name.isEmpty() || name.endsWith("/") || name.contains("..")) {
                return super.getResourceAsStream(path);
            }
            return Optional.ofNullable(getClassLoader().getResourceAsStream(name));
        }
    }
}
