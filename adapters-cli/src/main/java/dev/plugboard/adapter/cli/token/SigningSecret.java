package dev.plugboard.adapter.cli.token;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliFailure;

import java.nio.charset.StandardCharsets;

/**
 * The server's HS256 secret as the CLI finds it: configured, or the one {@code plugboard serve}
 * generated in the data folder. Its absence is refused, naming the folder, never papered over with
 * a new secret that the server would not know.
 */
final class SigningSecret {

    private SigningSecret() {
    }

    /** @param dataFolder the data folder the launcher resolved (absolute), to name in the refusal */
    static byte[] require(String secret, String dataFolder) {
        if (secret == null || secret.isBlank()) {
            String folder = dataFolder == null || dataFolder.isBlank() ? "the data folder" : dataFolder;
            throw new CliFailure(ExitCode.FAILURE, "no JWT secret found: PLUGBOARD_JWT_SECRET is not set and " + folder
                    + " has no jwt-secret file. Run this where the server runs, or set PLUGBOARD_DATA_DIR to the"
                    + " server's data folder (plugboard serve creates the secret there on its first start), or set"
                    + " PLUGBOARD_JWT_SECRET to the server's secret");
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }
}
