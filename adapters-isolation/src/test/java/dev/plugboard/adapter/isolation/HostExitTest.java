package dev.plugboard.adapter.isolation;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class HostExitTest {

    private static final PluginPackage PKG = new PluginPackage("p", Path.of("."), List.of(Path.of("p.jar")), "a.B", 64, 1,
            Optional.empty(), 8);

    @Test
    void givenSigkillNotFromTheServer_failure_isOutOfMemory_butFromTheServerItIsACrash() {
        assertThat(HostExit.failure(PKG, 137, false, null, "").code()).isEqualTo("OUT_OF_MEMORY");
        assertThat(HostExit.failure(PKG, 137, true, null, "").code()).isEqualTo("HOST_CRASHED");
    }

    @Test
    void givenExitCode3_failure_isAHostCrashNamingTheCodeAndTheLastLine() {
        HostFailure failure = HostExit.failure(PKG, 3, false, null, "bye");

        assertThat(failure.code()).isEqualTo("HOST_CRASHED");
        assertThat(failure.getMessage()).contains("code 3", "bye");
        assertThat(failure.retryable()).isTrue();
    }

    @Test
    void givenTheHostsOwnCodes_failure_saysWhatTheyMean() {
        assertThat(HostExit.failure(PKG, 86, false, null, "").getMessage()).contains("64m");
        assertThat(HostExit.failure(PKG, 85, false, null, "ClassNotFoundException").code()).isEqualTo("HANDLER_NOT_LOADED");
        assertThat(HostExit.failure(PKG, 1, true, "not a protocol frame", "").getMessage()).contains("broke the protocol");
    }
}
