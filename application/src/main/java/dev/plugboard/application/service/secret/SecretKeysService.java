package dev.plugboard.application.service.secret;

import dev.plugboard.application.port.in.secret.SecretKeysUseCase;
import dev.plugboard.application.port.out.InstallationRepository;
import dev.plugboard.application.port.out.PluginRepository;
import dev.plugboard.application.port.out.SecretCipher;
import dev.plugboard.application.port.out.SecretCipher.SecretScope;
import dev.plugboard.application.port.out.TransactionBoundary;
import dev.plugboard.application.service.AuditTrail;
import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.installation.Installation;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.SealedSecrets;
import dev.plugboard.domain.settings.SealedSettings;
import dev.plugboard.domain.settings.SettingsPolicy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/** Key rotation, resumable re-encryption and the sealing of plain-text secrets of older versions. */
public final class SecretKeysService implements SecretKeysUseCase {

    /** A re-encryption repeats its pass until nothing is left: writes racing it may still use the old key. */
    private static final int MAX_PASSES = 10;
    private static final int SEAL_BATCH = 200;
    private static final String TARGET = "secrets";

    private final InstallationRepository installations;
    private final PluginRepository plugins;
    private final SettingsPolicy policy;
    private final SettingsVault vault;
    private final TransactionBoundary transactions;
    private final AuditTrail audit;
    private final OverrideSecrets overrides;

    public SecretKeysService(InstallationRepository installations, PluginRepository plugins, SettingsPolicy policy,
                             SettingsVault vault, TransactionBoundary transactions, AuditTrail audit) {
        this.installations = installations;
        this.plugins = plugins;
        this.policy = policy;
        this.vault = vault;
        this.transactions = transactions;
        this.audit = audit;
        this.overrides = new OverrideSecrets(installations, vault);
    }

    @Override
    public RotationReport rotate(RotateCommand command) {
        String keyId = vault.cipher().rotateKey();
        return reencrypt(command, keyId, "rotated to key " + keyId);
    }

    @Override
    public RotationReport reencrypt(RotateCommand command) {
        return reencrypt(command, "current", "re-encrypted with the primary key");
    }

    private RotationReport reencrypt(RotateCommand command, String keyId, String detail) {
        SecretCipher cipher = vault.cipher();
        Tally total = new Tally();
        int passes = untilQuiet(command, cipher, total);
        if (!command.settle().isZero()) {
            // Servers pick up the new key within about a second; what they wrote with the old one
            // before that must have landed before the confirming passes.
            settle(command.settle());
            passes += untilQuiet(command, cipher, total);
        }
        long remaining = stale(command.batchSize(), cipher);
        int passCount = passes;
        audit.perform(command.actor(), AuditAction.SECRETS_ROTATED, TARGET, () -> {
            audit.success(command.actor(), AuditAction.SECRETS_ROTATED, TARGET, null, JsonDocument.of(Map.of(
                    "key", keyId, "secretsReencrypted", total.reencrypted, "overrideSecretsReencrypted", total.overrides,
                    "passes", passCount, "remaining", remaining)),
                    detail);
            return null;
        });
        return new RotationReport(keyId, total.visited, total.reencrypted, total.overrides, passes, remaining);
    }

    /** Passes over every installation until one changes nothing and meets no racing write, or the pass limit. */
    private int untilQuiet(RotateCommand command, SecretCipher cipher, Tally total) {
        int pass = 0;
        Tally thisPass;
        do {
            pass++;
            thisPass = new Tally();
            Optional<UUID> after = Optional.empty();
            List<Installation> batch;
            do {
                Optional<UUID> from = after;
                batch = transactions.inTransaction(() -> installations.findBatch(from, command.batchSize()));
                List<Installation> read = batch;
                Tally done = transactions.inTransaction(() -> reencryptBatch(read, cipher));
                thisPass.add(done);
                total.add(done);
                total.visited += batch.size();
                command.progress().accept(new Progress(total.visited, total.reencrypted, total.overrides));
                after = batch.isEmpty() ? after : Optional.of(batch.get(batch.size() - 1).id());
            } while (batch.size() == command.batchSize());
        } while ((thisPass.reencrypted > 0 || thisPass.raced > 0) && pass < MAX_PASSES);
        return pass;
    }

    /** How many stored secrets are still sealed with another key than the primary one. */
    private long stale(int batchSize, SecretCipher cipher) {
        long count = 0;
        Optional<UUID> after = Optional.empty();
        List<Installation> batch;
        do {
            Optional<UUID> from = after;
            batch = transactions.inTransaction(() -> installations.findBatch(from, batchSize));
            for (Installation installation : batch) {
                count += installation.secrets().asMap().values().stream().filter(sealed -> !cipher.sealedWithPrimaryKey(sealed)).count()
                        + overrides.stale(installation, cipher);
            }
            after = batch.isEmpty() ? after : Optional.of(batch.get(batch.size() - 1).id());
        } while (batch.size() == batchSize);
        return count;
    }

    private static void settle(java.time.Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Counts of a re-encryption: installations visited, secrets re-encrypted (of them in overrides), writes that raced it. */
    private static final class Tally {
        private long visited;
        private long reencrypted;
        private long overrides;
        private long raced;

        void add(Tally other) {
            reencrypted += other.reencrypted;
            overrides += other.overrides;
            raced += other.raced;
        }
    }

    /**
     * Re-encrypts the stale secrets of one batch, base and overrides; an installation written meanwhile
     * waits for the next pass.
     */
    private Tally reencryptBatch(List<Installation> batch, SecretCipher cipher) {
        Tally tally = new Tally();
        for (Installation installation : batch) {
            long inOverrides = overrides.reencrypt(installation, cipher);
            tally.overrides += inOverrides;
            tally.reencrypted += inOverrides;
            Map<String, String> stale = new TreeMap<>();
            installation.secrets().asMap().forEach((pointer, sealed) -> {
                if (!cipher.sealedWithPrimaryKey(sealed)) {
                    stale.put(pointer, sealed);
                }
            });
            if (stale.isEmpty()) {
                continue;
            }
            Function<String, SecretScope> scope = pointer -> new SecretScope(installation.id(), pointer);
            SealedSecrets resealed = installation.secrets().resealed((pointer, sealed) -> stale.containsKey(pointer)
                    ? cipher.seal(cipher.open(sealed, scope.apply(pointer)), scope.apply(pointer)) : sealed);
            if (installations.reseal(installation, installation.resealed(installation.settings(), resealed))) {
                tally.reencrypted += stale.size();
            } else {
                tally.raced++;
            }
        }
        return tally;
    }

    @Override
    public long sealPlainText() {
        long sealed = 0;
        Optional<UUID> after = Optional.empty();
        List<Installation> batch;
        do {
            Optional<UUID> from = after;
            batch = transactions.inTransaction(() -> installations.findBatch(from, SEAL_BATCH));
            for (Installation installation : batch) {
                sealed += transactions.inTransaction(() -> sealPlainText(installation));
            }
            after = batch.isEmpty() ? after : Optional.of(batch.get(batch.size() - 1).id());
        } while (batch.size() == SEAL_BATCH);
        return sealed;
    }

    private long sealPlainText(Installation installation) {
        Optional<Plugin> plugin = plugins.find(installation.plugin());
        if (plugin.isEmpty()) {
            return 0;
        }
        Set<String> pointers = policy.secretPointers(plugin.get().manifest().settingsSpec(), installation.settings());
        SealedSettings sealed = SealedSettings.sealPlainText(installation.plugin().value(), installation.settings(),
                installation.secrets(), pointers, vault.sealerFor(installation.id()));
        long count = sealed.secrets().pointers().size() - installation.secrets().pointers().size();
        if (count == 0 || !installations.reseal(installation, installation.resealed(sealed.visible(), sealed.secrets()))) {
            return 0;
        }
        return count;
    }
}
