package dev.plugboard.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * An image tarball as Jib writes it, read the way a container runtime reads one: the OCI layout
 * ({@code index.json}, then the manifest and config blobs) or, with {@code -Djib.container.format=Docker},
 * {@code docker load}'s ({@code manifest.json}). Layers are listed entry by entry.
 */
record ImageTarball(JsonNode manifest, JsonNode config, List<Map<String, File>> layers, List<byte[]> layerBlobs) {

    /** One entry of a layer, its path without a leading slash: what {@code docker export} would show. */
    record File(String path, boolean directory, int mode, long uid, long gid, long size, String sha256) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static ImageTarball read(Path tarball) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(tarball))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (entry.isFile()) {
                    entries.put(entry.getName(), tar.readAllBytes());
                }
            }
        }
        JsonNode manifest;
        JsonNode config;
        List<byte[]> layerBlobs = new ArrayList<>();
        if (entries.containsKey("index.json")) {
            JsonNode index = JSON.readTree(entries.get("index.json"));
            manifest = JSON.readTree(blob(entries, index.path("manifests").path(0).path("digest").asText()));
            config = JSON.readTree(blob(entries, manifest.path("config").path("digest").asText()));
            manifest.path("layers").forEach(layer -> layerBlobs.add(blob(entries, layer.path("digest").asText())));
        } else {
            manifest = JSON.readTree(entries.get("manifest.json")).path(0);
            config = JSON.readTree(entries.get(manifest.path("Config").asText()));
            manifest.path("Layers").forEach(layer -> layerBlobs.add(entries.get(layer.asText())));
        }
        List<Map<String, File>> layers = new ArrayList<>();
        for (byte[] blob : layerBlobs) {
            layers.add(files(blob));
        }
        return new ImageTarball(manifest, config, layers, layerBlobs);
    }

    /** The files of every layer, a later layer's over an earlier one's. */
    Map<String, File> files() {
        Map<String, File> all = new LinkedHashMap<>();
        layers.forEach(all::putAll);
        return all;
    }

    /** Writes the directories and regular files of every layer below {@code under} into {@code root}, with their modes. */
    void unpack(Path root, String under) throws IOException {
        for (byte[] blob : layerBlobs) {
            try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(blob)))) {
                for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                    String path = path(entry);
                    if (!path.startsWith(under) || !(entry.isDirectory() || entry.isFile())) {
                        continue;
                    }
                    Path target = root.resolve(path);
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.write(target, tar.readAllBytes());
                    }
                    Files.setPosixFilePermissions(target, permissions(entry.getMode()));
                }
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ ... OTHERS_EXECUTE, high bit first
        for (int bit = 0; bit < bits.length; bit++) {
            if ((mode & (0400 >> bit)) != 0) {
                permissions.add(bits[bit]);
            }
        }
        return permissions;
    }

    private static String path(TarArchiveEntry entry) {
        return entry.getName().replaceFirst("^\\./", "").replaceFirst("^/", "").replaceFirst("/$", "");
    }

    private static byte[] blob(Map<String, byte[]> entries, String digest) {
        byte[] blob = entries.get("blobs/sha256/" + digest.substring("sha256:".length()));
        if (blob == null) {
            throw new AssertionError("the tarball has no blob " + digest);
        }
        return blob;
    }

    private static Map<String, File> files(byte[] blob) throws IOException {
        Map<String, File> files = new LinkedHashMap<>();
        try (InputStream layer = new GZIPInputStream(new ByteArrayInputStream(blob));
             TarArchiveInputStream tar = new TarArchiveInputStream(layer)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                String path = path(entry);
                String sha256 = entry.isFile() ? StandInBaseImage.sha256(tar.readAllBytes()) : null;
                files.put(path, new File(path, entry.isDirectory(), entry.getMode() & 07777, entry.getLongUserId(),
                        entry.getLongGroupId(), entry.getSize(), sha256));
            }
        }
        return files;
    }
}
