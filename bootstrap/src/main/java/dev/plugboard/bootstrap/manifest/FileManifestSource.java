package dev.plugboard.bootstrap.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.plugboard.adapter.isolation.PluginPackage;
import dev.plugboard.application.port.out.ManifestDiscovery;
import dev.plugboard.application.port.out.ManifestSource;
import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.plugin.ManifestDocument;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginSource;
import dev.plugboard.domain.settings.JsonDocument;
import io.micronaut.context.env.Environment;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the manifests of the plugins directory: {@code <dir>/<name>/plugin.yaml} (with
 * {@code settings.schema.json} beside it). Builtin plugins describe themselves through their
 * handlers. A manifest that cannot be read is reported with its file and the reason; it never
 * stops the others.
 */
@Singleton
public final class FileManifestSource implements ManifestSource {

    static final String SCHEMA_FILE = "settings.schema.json";
    private static final List<String> MANIFEST_FILES = List.of("plugin.yaml", "plugin.yml", "plugin.json");
    private static final ObjectMapper YAML = new YAMLMapper();

    private final Path pluginsDirectory;
    private final boolean directoryConfigured;

    @Inject
    public FileManifestSource(Environment environment) {
        this(environment.getProperty("plugboard.plugins-dir", String.class).orElse(""));
    }

    /** @param pluginsDirectory the folder of {@code <name>/plugin.yaml}; blank for {@code ./plugins} */
    public FileManifestSource(String pluginsDirectory) {
        this.directoryConfigured = !pluginsDirectory.isBlank();
        this.pluginsDirectory = Path.of(directoryConfigured ? pluginsDirectory : "plugins").toAbsolutePath().normalize();
    }

    @Override
    public ManifestDiscovery discover(Optional<Path> directory) {
        List<PluginManifest> manifests = new ArrayList<>();
        List<ManifestDiscovery.Problem> problems = new ArrayList<>();
        Path scanned = directory.map(d -> d.toAbsolutePath().normalize()).orElse(pluginsDirectory);
        if (Files.isDirectory(scanned)) {
            scan(scanned, manifests, problems);
        } else if (directory.isPresent() || directoryConfigured) {
            problems.add(new ManifestDiscovery.Problem(scanned.toString(),
                    "is not a directory; set PLUGBOARD_PLUGINS_DIR (or --dir) to the folder holding <name>/plugin.yaml"));
        }
        return new ManifestDiscovery(manifests, problems);
    }

    /** The plugins directory this source scans when no other is given. */
    public Path pluginsDirectory() {
        return pluginsDirectory;
    }

    @Override
    public PluginManifest read(Path manifestFile, PluginSource source) {
        return readPackaged(manifestFile, source).manifest();
    }

    /** A manifest and, for {@code execution.mode: process}, the plugin's package (its jars and handler class). */
    public record Packaged(PluginManifest manifest, Optional<PluginPackage> pkg) {
    }

    /** The process-mode plugins of the plugins directory, with their packages; broken ones are left to discovery to report. */
    public Map<PluginManifest, PluginPackage> packages() {
        Map<PluginManifest, PluginPackage> packages = new LinkedHashMap<>();
        if (!Files.isDirectory(pluginsDirectory)) {
            return packages;
        }
        try (Stream<Path> children = Files.list(pluginsDirectory)) {
            for (Path child : children.filter(Files::isDirectory).sorted().toList()) {
                Optional<Path> manifest = MANIFEST_FILES.stream().map(child::resolve).filter(Files::isRegularFile).findFirst();
                try {
                    manifest.map(file -> readPackaged(file, PluginSource.MANIFEST_DIRECTORY))
                            .ifPresent(found -> found.pkg().ifPresent(pkg -> packages.put(found.manifest(), pkg)));
                } catch (InvalidValueException e) {
                    // Reported by discovery, with the file and the reason.
                }
            }
        } catch (IOException e) {
            return packages;
        }
        return packages;
    }

    private Packaged readPackaged(Path manifestFile, PluginSource source) {
        Path file = manifestFile.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new InvalidValueException("manifest file", file, "does not exist or is not a file");
        }
        try {
            Path schema = file.resolveSibling(SCHEMA_FILE);
            Optional<String> schemaText = Files.isRegularFile(schema)
                    ? Optional.of(Files.readString(schema, StandardCharsets.UTF_8)) : Optional.empty();
            return parse(Files.readString(file, StandardCharsets.UTF_8), schemaText, source, file.getParent());
        } catch (IOException e) {
            throw new InvalidValueException("manifest file", file, "cannot be read: " + e.getMessage());
        } catch (DomainException e) {
            throw new InvalidValueException("manifest file", file, e.getMessage());
        }
    }

    private void scan(Path directory, List<PluginManifest> manifests, List<ManifestDiscovery.Problem> problems) {
        try (Stream<Path> children = Files.list(directory)) {
            for (Path child : children.filter(Files::isDirectory).sorted().toList()) {
                Optional<Path> manifest = MANIFEST_FILES.stream().map(child::resolve).filter(Files::isRegularFile).findFirst();
                if (manifest.isEmpty()) {
                    continue;
                }
                try {
                    manifests.add(read(manifest.get(), PluginSource.MANIFEST_DIRECTORY));
                } catch (InvalidValueException e) {
                    problems.add(new ManifestDiscovery.Problem(manifest.get().toString(), e.rule()));
                }
            }
        } catch (IOException e) {
            problems.add(new ManifestDiscovery.Problem(directory.toString(), "cannot be listed: " + e.getMessage()));
        }
    }

    private static Packaged parse(String manifestText, Optional<String> schemaText, PluginSource source, Path directory) {
        Map<String, Object> fields = new LinkedHashMap<>(yamlObject(manifestText, "the manifest"));
        if (schemaText.isPresent()) {
            if (fields.containsKey("settingsSchema")) {
                throw new InvalidValueException("settingsSchema", "both", "is given in the manifest and in "
                        + SCHEMA_FILE + "; keep one of them");
            }
            fields.put("settingsSchema", yamlObject(schemaText.get(), SCHEMA_FILE));
        }
        Optional<PluginPackage> pkg = Optional.empty();
        if (fields.get("execution") instanceof Map<?, ?> execution && "process".equals(execution.get("mode"))) {
            // The package's fields are read here, where its files are; the domain keeps what runs need.
            Map<String, Object> rest = new LinkedHashMap<>();
            execution.forEach((key, value) -> rest.put(String.valueOf(key), value));
            pkg = Optional.of(PluginPackage.read(String.valueOf(fields.get("name")), directory, rest));
            rest.keySet().removeAll(PluginPackage.FIELDS);
            fields.put("execution", rest);
        }
        return new Packaged(ManifestDocument.read(JsonDocument.of(fields), source), pkg);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yamlObject(String text, String what) {
        try {
            Object value = YAML.readValue(text, Object.class);
            if (!(value instanceof Map<?, ?>)) {
                throw new InvalidValueException(what, value == null ? "(empty)" : value.getClass().getSimpleName(),
                        "must be a mapping of fields such as 'name: webhook'");
            }
            return (Map<String, Object>) value;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new InvalidValueException(what, "(text)", "is not valid YAML or JSON" + where + ": " + e.getOriginalMessage());
        }
    }
}
