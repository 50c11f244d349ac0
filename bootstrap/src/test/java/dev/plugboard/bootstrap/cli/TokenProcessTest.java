package dev.plugboard.bootstrap.cli;

import dev.plugboard.bootstrap.cli.PlugboardProcess.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code plugboard token} as real processes: it signs with the secret {@code plugboard serve} made
 * in the data folder, refuses (naming the folder) where there is none instead of making one up,
 * and {@code --check} says whether the server accepts a token without printing it.
 */
class TokenProcessTest {

    @TempDir
    Path folder;

    @Test
    void givenFolderWithoutSecret_token_refusesNamingTheFolderAndCreatesNothing() throws Exception {
        PlugboardProcess cli = new PlugboardProcess(folder, Map.of());

        Outcome token = cli.run("token", "--user", "alice");
        Outcome check = cli.run("token", "--check", "a.b.c");

        Path data = folder.resolve("data").toAbsolutePath();
        assertThat(token.exitCode()).as(token.toString()).isEqualTo(1);
        assertThat(token.out()).isEmpty();
        assertThat(token.errorLines()).hasSize(1);
        assertThat(token.err()).startsWith("plugboard: error: no JWT secret found: PLUGBOARD_JWT_SECRET is not set and "
                + data + " has no jwt-secret file").contains("PLUGBOARD_DATA_DIR", "plugboard serve");
        assertThat(check.exitCode()).as(check.toString()).isEqualTo(1);
        assertThat(check.err()).contains("no JWT secret found");
        assertThat(data.resolve("jwt-secret")).as("no secret was made up").doesNotExist();
        assertThat(data.resolve("pgdata")).doesNotExist();
    }

    @Test
    void givenServerDataFolder_token_signsWhatTheServerAccepts_andCheckTellsGoodFromBad() throws Exception {
        Path server = Files.createDirectories(folder.resolve("server"));
        PlugboardProcess plugboard = new PlugboardProcess(server, Map.of("PLUGBOARD_PORT", "0",
                "PLUGBOARD_PLUGINS_DIR", Files.createDirectories(folder.resolve("plugins")).toString()));
        // The CLI runs in another folder, pointed at the server's data folder as the refusal advises.
        PlugboardProcess cli = new PlugboardProcess(Files.createDirectories(folder.resolve("elsewhere")),
                Map.of("PLUGBOARD_DATA_DIR", server.resolve("data").toString()));
        PlugboardProcess stranger = new PlugboardProcess(Files.createDirectories(folder.resolve("stranger")),
                Map.of("PLUGBOARD_JWT_SECRET", "a-secret-the-server-has-never-heard-of-42"));
        Process serve = plugboard.start("serve");
        try {
            Matcher address = Pattern.compile("listening on (127\\.0\\.0\\.1:\\d+)")
                    .matcher(plugboard.awaitErrorLine(serve, "Plugboard is listening on"));
            assertThat(address.find()).isTrue();
            URI plugins = URI.create("http://" + address.group(1) + "/api/plugins");

            String token = cli.run("token", "--user", "alice").out().strip();
            String foreign = stranger.run("token", "--user", "alice").out().strip();
            Outcome good = cli.runWithInput(token + "\n", "token", "--check", "-");
            Outcome bad = cli.run("token", "--check", foreign);

            assertThat(status(plugins, token)).isEqualTo(200);
            assertThat(status(plugins, foreign)).isEqualTo(401);
            assertThat(good.exitCode()).as(good.toString()).isZero();
            assertThat(good.out()).startsWith("accepted: user alice, expires ");
            assertThat(bad.exitCode()).as(bad.toString()).isEqualTo(1);
            assertThat(bad.err()).startsWith("plugboard: error: rejected: bad signature");
            assertThat(good.out() + good.err() + bad.out() + bad.err()).doesNotContain(token, foreign);
        } finally {
            serve.destroy();
            if (!serve.waitFor(60, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }
    }

    private static int status(URI uri, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
