package dev.plugboard.adapter.cli.secrets;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliCommand;
import dev.plugboard.adapter.cli.support.Operator;
import dev.plugboard.adapter.cli.support.ProgressDisplay;
import dev.plugboard.application.port.in.ProgressListener;
import dev.plugboard.application.port.in.secret.SecretKeysUseCase;
import dev.plugboard.application.port.in.secret.SecretKeysUseCase.RotateCommand;
import dev.plugboard.application.port.in.secret.SecretKeysUseCase.RotationReport;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code plugboard secrets rotate}: a new primary key, then every stored secret re-encrypted with it. */
@Prototype
@Command(name = "rotate", mixinStandardHelpOptions = true,
        description = {"Add a new primary key to the keyset file of PLUGBOARD_SECRETS_KEY, then re-encrypt every"
                + " stored secret with it, in batches, while servers keep running (they pick up the new key from the"
                + " file within a second). The old keys stay in the keyset, so nothing becomes unreadable.",
                "If it is interrupted, 'plugboard secrets reencrypt' finishes the job. Recorded in the audit trail"
                + " (never a value). An inline key (JSON in PLUGBOARD_SECRETS_KEY) cannot be rotated here: exit 1."},
        footer = {"%nExamples:", "  plugboard secrets rotate", "  plugboard secrets rotate --batch-size 100"})
public class RotateSecretsCommand extends CliCommand {

    /** Longer than the servers' keyset re-read interval (1 s) plus a write in flight. */
    static final java.time.Duration SETTLE = java.time.Duration.ofSeconds(3);

    private final Provider<SecretKeysUseCase> secrets;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "500",
            description = "Installations re-encrypted per transaction (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    /** The task name of a re-encryption's progress, counted in installations read. */
    static final String TASK = "re-encrypt installations";

    /** The operator's re-encryption, showing its progress after each batch on {@code progress}. */
    static RotateCommand command(int batchSize, ProgressDisplay progress) {
        return new RotateCommand(Operator.actor(), batchSize, batch -> progress.progress(TASK,
                batch.installationsVisited(), ProgressListener.UNKNOWN, String.format(
                        "%,d secrets re-encrypted (%,d in environment overrides)", batch.secretsReencrypted(),
                        batch.overrideSecretsReencrypted())), SETTLE);
    }

    /** Exit 1, saying what to do, when secrets are left under an older key; 0 otherwise. */
    static ExitCode remaining(RotationReport report, java.io.PrintWriter err) {
        if (report.remaining() == 0) {
            return ExitCode.OK;
        }
        err.printf("plugboard: error: %d secrets are still sealed with an older key (owners kept writing them);"
                + " run 'plugboard secrets reencrypt' again before removing any key%n", report.remaining());
        return ExitCode.FAILURE;
    }

    public RotateSecretsCommand(Provider<SecretKeysUseCase> secrets) {
        this.secrets = secrets;
    }

    @Override
    protected ExitCode execute() {
        RotationReport report;
        try (ProgressDisplay progress = progress(false)) {
            report = secrets.get().rotate(command(batchSize, progress));
        }
        out().printf("Rotated to key %s: %d secrets re-encrypted, %d of them in environment overrides (%d pass%s over"
                + " the installations).%n", report.keyId(), report.secretsReencrypted(), report.overrideSecretsReencrypted(),
                report.passes(), report.passes() == 1 ? "" : "es");
        return RotateSecretsCommand.remaining(report, err());
    }
}
