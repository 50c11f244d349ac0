package dev.plugboard.adapter.cli.secrets;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliCommand;
import dev.plugboard.adapter.cli.support.ProgressDisplay;
import dev.plugboard.application.port.in.secret.SecretKeysUseCase;
import dev.plugboard.application.port.in.secret.SecretKeysUseCase.RotationReport;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code plugboard secrets reencrypt}: finishes an interrupted rotation, and seals plain-text leftovers. */
@Prototype
@Command(name = "reencrypt", mixinStandardHelpOptions = true,
        description = {"Re-encrypt with the primary key every stored secret that an older key sealed, and encrypt any"
                + " secret an older version of Plugboard stored in plain text. Adds no key. Safe to repeat: it resumes"
                + " where an interrupted 'secrets rotate' stopped."},
        footer = {"%nExample:", "  plugboard secrets reencrypt"})
public class ReencryptSecretsCommand extends CliCommand {

    private final Provider<SecretKeysUseCase> secrets;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "500",
            description = "Installations re-encrypted per transaction (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    public ReencryptSecretsCommand(Provider<SecretKeysUseCase> secrets) {
        this.secrets = secrets;
    }

    @Override
    protected ExitCode execute() {
        long sealed = secrets.get().sealPlainText();
        RotationReport report;
        try (ProgressDisplay progress = progress(false)) {
            report = secrets.get().reencrypt(RotateSecretsCommand.command(batchSize, progress));
        }
        out().printf("Re-encrypted %d secrets with the primary key, %d of them in environment overrides (%d pass%s over"
                + " the installations); %d plain-text secrets encrypted.%n", report.secretsReencrypted(),
                report.overrideSecretsReencrypted(), report.passes(),
                report.passes() == 1 ? "" : "es", sealed);
        return RotateSecretsCommand.remaining(report, err());
    }
}
