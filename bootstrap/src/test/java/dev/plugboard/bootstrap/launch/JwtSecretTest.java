package dev.plugboard.bootstrap.launch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtSecretTest {

    @Test
    void givenEmptyDataFolder_loadOrCreate_generatesALongSecretReadableByTheOwnerOnly(@TempDir Path folder) throws Exception {
        String secret = JwtSecret.loadOrCreate(folder.resolve("data"));

        Path file = folder.resolve("data").resolve(JwtSecret.FILE);
        assertThat(secret).hasSizeGreaterThanOrEqualTo(32);
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void givenExistingSecret_loadOrCreate_reusesIt(@TempDir Path folder) {
        String first = JwtSecret.loadOrCreate(folder);

        assertThat(JwtSecret.loadOrCreate(folder)).isEqualTo(first);
    }

    @Test
    void givenTruncatedSecretFile_loadOrCreate_refusesAndSaysWhatToDo(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve(JwtSecret.FILE), "short");

        assertThatThrownBy(() -> JwtSecret.loadOrCreate(folder))
                .hasMessageContaining("shorter than 32 characters")
                .hasMessageContaining("delete the file");
    }
}
