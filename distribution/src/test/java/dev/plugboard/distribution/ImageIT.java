package dev.plugboard.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plugboard.bootstrap.launch.ConfigurationKeys;
import dev.plugboard.distribution.ImageTarball.File;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The container image as Jib wrote it at {@code package}, read from its tarball as a container runtime
 * would: the config (user, port, entrypoint and command, volume, environment, labels) and the files of
 * its layers. A plain {@code verify} builds it on the stand-in base {@link StandInBaseImage} wrote, so
 * this needs no network and no Docker; {@code -Pimage verify} checks the image on the real base.
 */
class ImageIT {

    private static final String HOME = "opt/plugboard/";
    private static ImageTarball image;
    private static JsonNode config;

    @BeforeAll
    static void readOnce() throws IOException {
        Path tarball = Path.of(System.getProperty("plugboard.image.tar"));
        assertThat(tarball).as("the build makes the image before this test (mvn verify)").isRegularFile();
        image = ImageTarball.read(tarball);
        config = image.config().path("config");
    }

    @Test
    void givenTheImage_whenStarted_thenItRunsTheLaunchersServeAsANonRootUser_onPort8080_withDataAVolumeAndItsWorkingFolder() {
        assertThat(strings(config.path("Entrypoint"))).containsExactly("/" + HOME + "bin/plugboard");
        assertThat(strings(config.path("Cmd"))).containsExactly("serve");
        assertThat(config.path("User").asText()).isEqualTo("1000:1000");
        assertThat(fieldNames(config.path("ExposedPorts"))).containsExactly("8080/tcp");
        assertThat(fieldNames(config.path("Volumes"))).containsExactly("/data");
        assertThat(config.path("WorkingDir").asText()).isEqualTo("/data");
        assertThat(image.config().path("os").asText()).isEqualTo("linux");
    }

    @Test
    void givenTheImagesEnvironment_whenPlugboardStarts_thenItListensOnEveryInterface_keepsItsDataInTheVolume_andFindsJavaThroughTheBase() {
        List<String> environment = strings(config.path("Env"));
        assertThat(environment).contains("PLUGBOARD_HOST=0.0.0.0", "PLUGBOARD_DATA_DIR=/data",
                "PLUGBOARD_PLUGINS_DIR=/" + HOME + "plugins");
        assertThat(environment).as("the base's JAVA_HOME, which the launcher runs").anyMatch(variable -> variable.startsWith("JAVA_HOME=/"));
        List<String> known = ConfigurationKeys.KEYS.stream().map(ConfigurationKeys.Key::variable).toList();
        assertThat(environment.stream().filter(variable -> variable.startsWith("PLUGBOARD_")).map(variable -> variable.split("=", 2)[0]))
                .as("start-up refuses an unknown PLUGBOARD_ variable").allMatch(known::contains);
    }

    @Test
    void givenTheImage_whenInspected_thenItsOpenContainersLabelsNameItsVersionLicenceAndSource_andItsDateIsFixedForReproducibleBuilds() {
        JsonNode labels = config.path("Labels");
        assertThat(labels.path("org.opencontainers.image.title").asText()).isEqualTo("Plugboard");
        assertThat(labels.path("org.opencontainers.image.version").asText()).isEqualTo(System.getProperty("plugboard.image.version"));
        assertThat(labels.path("org.opencontainers.image.licenses").asText()).isEqualTo("Apache-2.0");
        assertThat(labels.path("org.opencontainers.image.source").asText()).startsWith("https://");
        assertThat(labels.path("org.opencontainers.image.base.name").asText()).isNotBlank();
        assertThat(image.config().path("created").asText()).isEqualTo("1970-01-01T00:00:00Z");
    }

    @Test
    void givenTheImagesLayers_whenListed_thenTheyHoldTheLauncherTheJarTheBuildMadeTheConfigAndSamplePlugins_andADataFolderTheUserCanWrite()
            throws IOException {
        Map<String, File> files = image.files();
        assertThat(files.get(HOME + "bin/plugboard").mode()).as("the launcher is executable").isEqualTo(0755);
        Path jar = Path.of(System.getProperty("plugboard.image.jar"));
        assertThat(files.get(HOME + "lib/plugboard.jar").sha256()).as("the executable jar of this build")
                .isEqualTo(StandInBaseImage.sha256(Files.readAllBytes(jar)));
        assertThat(files).containsKeys(HOME + "lib/plugboard-launch.sh", HOME + "lib/jvm-cli.args", HOME + "config/plugboard.yml",
                HOME + "plugins/summarizer/plugin.yaml", HOME + "LICENSE");
        assertThat(files.get(HOME + "lib/jvm-serve.args").sha256()).as("serve's JVM flags, those of the release archive")
                .isEqualTo(StandInBaseImage.sha256(Files.readAllBytes(Path.of("src/lib/jvm-serve.args"))));
        File data = files.get("data");
        assertThat(data.directory()).isTrue();
        assertThat(data.mode()).as("a volume mounted on /data starts with this mode: the user can write its data").isEqualTo(0777);
        assertThat(files.values().stream().filter(file -> file.path().startsWith(HOME) && file.uid() != 0))
                .as("the installation stays root's, read-only to the user").isEmpty();
    }

    @Test
    void givenTheImagesLayers_whenListed_thenNothingOfThisModulesOwnBuildIsInThem_onlyTheInstallationAndData() {
        assertThat(image.files().keySet()).as("Jib's /app (this module's classes and dependencies) is filtered out")
                .noneMatch(path -> path.equals("app") || path.startsWith("app/"));
        List<String> added = new ArrayList<>();
        image.layers().stream().filter(layer -> layer.containsKey(HOME + "bin/plugboard") || layer.containsKey("data"))
                .forEach(layer -> added.addAll(layer.keySet()));
        assertThat(added).isNotEmpty()
                .allMatch(path -> path.equals("data") || path.equals("opt") || path.equals("opt/plugboard") || path.startsWith(HOME))
                .noneMatch(path -> path.endsWith(".bat"));
    }

    @Test
    void givenTheImagesFilesUnpacked_whenItsEntrypointRunsWithItsEnvironment_thenThePlugboardOfThisBuildAnswers_andStartUpAcceptsEveryVariable(
            @TempDir Path root) throws Exception {
        image.unpack(root, "opt/plugboard");
        image.unpack(root, "data");

        Process run = entrypoint(root, Map.of(), "--version");
        assertThat(run.waitFor(120, TimeUnit.SECONDS)).as("plugboard --version finishes").isTrue();
        assertThat(new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("plugboard " + System.getProperty("plugboard.image.version"));
        assertThat(run.exitValue()).isZero();

        // The same check refuses a variable Plugboard does not read, so the run above did check the image's.
        Process refused = entrypoint(root, Map.of("PLUGBOARD_DATA", "/data"), "--version");
        assertThat(refused.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(refused.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("unknown configuration variable PLUGBOARD_DATA;");
        assertThat(refused.exitValue()).isEqualTo(2);
    }

    /**
     * The image's entrypoint and environment on this machine: its folders below {@code root}, and this JVM for the
     * base's Java (the stand-in base has none). Class-data archives off, as in the image, whose user cannot write
     * lib/ (this test may run as root, who can).
     */
    private static Process entrypoint(Path root, Map<String, String> extra, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        strings(config.path("Entrypoint")).forEach(part -> command.add(root.resolve(part.substring(1)).toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.resolve(config.path("WorkingDir").asText().substring(1)).toFile());
        builder.environment().keySet().removeIf(variable -> variable.startsWith("PLUGBOARD_") || variable.equals("JAVA_OPTS"));
        for (String variable : strings(config.path("Env"))) {
            String[] parts = variable.split("=", 2);
            if (parts[0].startsWith("PLUGBOARD_")) {
                builder.environment().put(parts[0], parts[1].startsWith("/") ? root.resolve(parts[1].substring(1)).toString() : parts[1]);
            }
        }
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("PLUGBOARD_CDS", "off");
        builder.environment().putAll(extra);
        return builder.start();
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(node -> strings.add(node.asText()));
        return strings;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
