package dev.plugboard.bootstrap.launch;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseReachabilityTest {

    @Test
    void givenNothingListening_require_namesTheUrlAndTheSettingsButNeverThePassword() throws IOException {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + freePort + "/plugboard?password=hunter2";

        assertThatThrownBy(() -> DatabaseReachability.require(url, "plugboard", "topsecret"))
                .isInstanceOf(DatabaseUnreachableException.class)
                .hasMessageContaining("cannot reach PostgreSQL at jdbc:postgresql://127.0.0.1:" + freePort + "/plugboard")
                .hasMessageContaining("as user 'plugboard'")
                .hasMessageContaining("PLUGBOARD_DATABASE_URL")
                .hasMessageNotContaining("topsecret")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void givenNonPostgresUrl_require_saysHowToWriteOne() {
        assertThatThrownBy(() -> DatabaseReachability.require("jdbc:h2:mem:x", "sa", ""))
                .hasMessageContaining("is not a PostgreSQL JDBC URL")
                .hasMessageContaining("jdbc:postgresql://HOST:PORT/DATABASE");
    }
}
