package dev.plugboard.application.port.in.secret;

import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.error.Require;

import java.util.function.Consumer;

/**
 * Operator maintenance of stored secrets: rotating the key (a new primary key, then every secret
 * re-encrypted with it, in batches, while the server keeps serving), resuming a re-encryption that
 * was interrupted, and sealing plain-text secrets left by a version that did not encrypt them.
 */
public interface SecretKeysUseCase {

    /**
     * @param batchSize installations re-encrypted per transaction
     * @param progress  told after each batch
     * @param settle    how long to wait before the pass that confirms nothing is left: servers pick up a
     *                  new key within about a second, and a write they began with the old one must land first
     */
    record RotateCommand(Actor actor, int batchSize, Consumer<Progress> progress, java.time.Duration settle) {
        public RotateCommand {
            Require.present("actor", actor);
            if (batchSize < 1 || batchSize > 10_000) {
                throw new dev.plugboard.domain.error.InvalidValueException("batch size", batchSize, "must be 1 to 10000");
            }
            Require.present("progress", progress);
            Require.present("settle", settle);
        }

        /** No settling: for a single process (embedding, tests). */
        public RotateCommand(Actor actor, int batchSize, Consumer<Progress> progress) {
            this(actor, batchSize, progress, java.time.Duration.ZERO);
        }
    }

    /**
     * How far a re-encryption has come: installations visited, secrets re-encrypted, and how many of
     * those were in per-environment overrides.
     */
    record Progress(long installationsVisited, long secretsReencrypted, long overrideSecretsReencrypted) {
    }

    /**
     * What a rotation or re-encryption did; {@code keyId} is the primary key now in use, and
     * {@code remaining} counts the secrets still sealed with an older key (writes kept racing it):
     * run the re-encryption again before removing an old key. {@code secretsReencrypted} counts base
     * and override secrets; {@code overrideSecretsReencrypted} those of per-environment overrides.
     */
    record RotationReport(String keyId, long installationsVisited, long secretsReencrypted,
                          long overrideSecretsReencrypted, int passes, long remaining) {
    }

    /** Adds a new primary key and re-encrypts every stored secret with it. */
    RotationReport rotate(RotateCommand command);

    /** Re-encrypts every secret not yet sealed with the primary key: resumes an interrupted rotation. */
    RotationReport reencrypt(RotateCommand command);

    /**
     * Seals the secrets an older version stored in plain text (values its plugin's schema marks
     * secret that are not sealed yet); returns how many. Safe to run at every start.
     */
    long sealPlainText();
}
