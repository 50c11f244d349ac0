package dev.plugboard.adapter.secrets;

import dev.plugboard.application.port.out.SecretCipher.SecretScope;
import dev.plugboard.domain.settings.SecretUnreadableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Secrets sealed with Tink open only for their own installation and field, and survive key rotation. */
class TinkSecretCipherTest {

    private static final UUID INSTALLATION = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID OTHER = UUID.fromString("00000000-0000-0000-0000-0000000000b2");
    private static final SecretScope TOKEN = new SecretScope(INSTALLATION, "/token");

    @TempDir
    Path dir;

    private TinkSecretCipher cipher() {
        return new TinkSecretCipher(SecretsKeyConfiguration.resolve(Optional.empty(), dir, true).source());
    }

    @Test
    void givenSealedValue_open_returnsItAndTheCiphertextHidesIt() {
        TinkSecretCipher cipher = cipher();

        String sealed = cipher.seal("\"whsec-marker-123\"", TOKEN);

        assertThat(sealed).startsWith("tink1:").doesNotContain("whsec-marker-123");
        assertThat(cipher.open(sealed, TOKEN)).isEqualTo("\"whsec-marker-123\"");
        assertThat(cipher.seal("\"whsec-marker-123\"", TOKEN)).isNotEqualTo(sealed);
    }

    @Test
    void givenCiphertextMovedToAnotherInstallationOrField_open_failsClearlyInsteadOfAWrongValue() {
        TinkSecretCipher cipher = cipher();
        String sealed = cipher.seal("\"s3cr3t\"", TOKEN);

        assertThatThrownBy(() -> cipher.open(sealed, new SecretScope(OTHER, "/token")))
                .isInstanceOfSatisfying(SecretUnreadableException.class, e -> {
                    assertThat(e.code()).isEqualTo("secret_unreadable");
                    assertThat(e.getMessage()).contains("/token").contains(OTHER.toString()).doesNotContain("s3cr3t");
                });
        assertThatThrownBy(() -> cipher.open(sealed, new SecretScope(INSTALLATION, "/apiKey")))
                .isInstanceOf(SecretUnreadableException.class);
        assertThatThrownBy(() -> cipher.open("tink1:AAAA", TOKEN)).isInstanceOf(SecretUnreadableException.class);
        assertThatThrownBy(() -> cipher.open("plain text", TOKEN)).isInstanceOf(SecretUnreadableException.class);
    }

    @Test
    void givenNoKeyConfiguredAndEmbeddedDatabase_aKeyIsGeneratedReadableByItsOwnerOnly() throws Exception {
        SecretsKeyConfiguration.Resolved resolved = SecretsKeyConfiguration.resolve(Optional.empty(), dir, true);

        Path file = dir.resolve(SecretsKeyConfiguration.DEFAULT_FILE);
        assertThat(resolved.generated()).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(SecretsKeyConfiguration.resolve(Optional.empty(), dir, true).generated()).isFalse();
    }

    @Test
    void givenNoKeyConfiguredAndExternalDatabase_resolve_refusesSayingWhatToSet() {
        assertThatThrownBy(() -> SecretsKeyConfiguration.resolve(Optional.empty(), dir, false))
                .isInstanceOf(SecretsKeyException.class)
                .hasMessageContaining("PLUGBOARD_SECRETS_KEY")
                .hasMessageContaining("plugboard secrets new-key");
    }

    @Test
    void givenInlineKeyset_sealAndOpenWork_butRotationSaysToUseAFile() {
        TinkSecretCipher cipher = new TinkSecretCipher(SecretsKeyConfiguration.resolve(
                Optional.of(TinkSecretCipher.newKeysetJson()), dir, false).source());

        assertThat(cipher.open(cipher.seal("1", TOKEN), TOKEN)).isEqualTo("1");
        assertThatThrownBy(cipher::rotateKey).isInstanceOf(SecretsKeyException.class).hasMessageContaining("file");
    }

    @Test
    void givenBrokenKeyFile_theErrorNamesTheFileAndNoKeyMaterial() throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"primaryKeyId\": 1, \"key\": [\"nope\"]}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        assertThatThrownBy(() -> new TinkSecretCipher(new KeysetSource.FromFile(file)))
                .isInstanceOf(SecretsKeyException.class).hasMessageContaining(file.toString());
        assertThatThrownBy(() -> new TinkSecretCipher(new KeysetSource.FromFile(dir.resolve("missing.json"))))
                .isInstanceOf(SecretsKeyException.class).hasMessageContaining("does not exist");
    }

    @Test
    void givenRotation_oldCiphertextsStillOpen_newOnesUseTheNewPrimaryKey_andTheFileStaysPrivate() throws Exception {
        TinkSecretCipher cipher = cipher();
        String before = cipher.seal("\"old\"", TOKEN);
        assertThat(cipher.sealedWithPrimaryKey(before)).isTrue();

        String keyId = cipher.rotateKey();

        String after = cipher.seal("\"new\"", TOKEN);
        assertThat(keyId).isEqualTo(cipher.primaryKeyId());
        assertThat(cipher.sealedWithPrimaryKey(before)).isFalse();
        assertThat(cipher.sealedWithPrimaryKey(after)).isTrue();
        assertThat(cipher.open(before, TOKEN)).isEqualTo("\"old\"");
        assertThat(cipher.open(after, TOKEN)).isEqualTo("\"new\"");
        Path file = dir.resolve(SecretsKeyConfiguration.DEFAULT_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void givenKeyRotatedByAnotherProcess_aRunningCipherOpensWhatTheNewKeySealed() {
        TinkSecretCipher server = cipher();
        TinkSecretCipher cli = cipher();
        cli.rotateKey();

        String sealedByCli = cli.seal("\"fresh\"", TOKEN);

        assertThat(server.open(sealedByCli, TOKEN)).isEqualTo("\"fresh\"");
    }

    @Test
    void givenAKeyFileOthersCanRead_loading_refusesSayingHowToFixIt() throws Exception {
        Path file = dir.resolve("open.json");
        Files.writeString(file, TinkSecretCipher.newKeysetJson());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> new TinkSecretCipher(new KeysetSource.FromFile(file)))
                .isInstanceOf(SecretsKeyException.class).hasMessageContaining("chmod 600 " + file);
    }

    @Test
    void givenTwoRotationsAtOnce_bothNewKeysStayInTheKeyset() throws Exception {
        TinkSecretCipher first = cipher();
        TinkSecretCipher second = cipher();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.Future<String> a = pool.submit(first::rotateKey);
        java.util.concurrent.Future<String> b = pool.submit(second::rotateKey);
        a.get();
        b.get();
        pool.shutdown();

        com.google.crypto.tink.KeysetHandle keyset = KeysetSource.parse(
                Files.readString(dir.resolve(SecretsKeyConfiguration.DEFAULT_FILE)), "test");
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < keyset.size(); i++) {
            ids.add(Integer.toUnsignedString(keyset.getAt(i).getId()));
        }
        assertThat(ids).hasSize(3).contains(a.get(), b.get());
    }

    @Test
    void givenKeyRotatedByAnotherProcess_aRunningCipherSealsWithTheNewKeyWithinASecondOrSo() throws Exception {
        TinkSecretCipher server = cipher();
        server.seal("\"warm\"", TOKEN);
        TinkSecretCipher cli = cipher();
        cli.rotateKey();

        Thread.sleep(1100);
        String sealed = server.seal("\"after\"", TOKEN);

        assertThat(cli.sealedWithPrimaryKey(sealed)).isTrue();
        assertThat(server.primaryKeyId()).isEqualTo(cli.primaryKeyId());
    }
}
