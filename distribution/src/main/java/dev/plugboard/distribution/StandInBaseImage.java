package dev.plugboard.distribution;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Build-time writer of the base image that every build but {@code -Pimage} gives Jib instead of a
 * registry's ({@code from tar://...}): a {@code docker save} tarball of one small layer, with the
 * environment of the Temurin JRE image, so that {@code ./mvnw verify} builds the container image and
 * ImageIT checks it with no network and no Docker. It is not a runtime (no shell, no Java).
 * Usage: {@code StandInBaseImage TARBALL}.
 */
public final class StandInBaseImage {

    /** The variables eclipse-temurin sets, which the image must keep: the launcher finds Java through them. */
    static final List<String> BASE_ENVIRONMENT = List.of(
            "PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "JAVA_HOME=/opt/java/openjdk");
    private static final String LAYER = "layer.tar";

    private StandInBaseImage() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: StandInBaseImage TARBALL");
            System.exit(2);
        }
        write(Path.of(args[0]));
    }

    static void write(Path tarball) throws IOException {
        byte[] layer = tar(Map.of("etc/plugboard-stand-in-base",
                "A stand-in base image: Plugboard's build checks its image on it, offline. Not runnable.\n"
                        .getBytes(StandardCharsets.UTF_8)));
        // Keys sorted: Map.of's order changes from run to run, and the config's digest names it.
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        byte[] config = json.writeValueAsBytes(Map.of(
                "architecture", "amd64",
                "os", "linux",
                "created", "1970-01-01T00:00:00Z",
                "config", Map.of("Env", BASE_ENVIRONMENT),
                "rootfs", Map.of("type", "layers", "diff_ids", List.of("sha256:" + sha256(layer)))));
        String configName = sha256(config) + ".json";
        byte[] manifest = json.writeValueAsBytes(List.of(Map.of(
                "Config", configName,
                "RepoTags", List.of("plugboard-stand-in-base:latest"),
                "Layers", List.of(LAYER))));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(LAYER, layer);
        entries.put(configName, config);
        entries.put("manifest.json", manifest);
        Files.createDirectories(tarball.toAbsolutePath().getParent());
        Files.write(tarball, tar(entries));
    }

    /** A tar of regular files, dated 1970 like Jib's own, so that the same input gives the same bytes. */
    private static byte[] tar(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
                entry.setSize(file.getValue().length);
                entry.setMode(0644);
                entry.setModTime(0);
                tar.putArchiveEntry(entry);
                tar.write(file.getValue());
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
