package dev.plugboard.adapter.cli.secrets;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliCommand;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.Command;

/** {@code plugboard secrets new-key}: prints a new keyset, for PLUGBOARD_SECRETS_KEY. */
@Prototype
@Command(name = "new-key", mixinStandardHelpOptions = true,
        description = {"Print a new Tink keyset (one AES-256-GCM key) as JSON on standard output, for"
                + " PLUGBOARD_SECRETS_KEY. Needs no database. Store it readable by the server's user only, and back"
                + " it up: secrets stored with it cannot be read without it."},
        footer = {"%nExample:", "  plugboard secrets new-key > keyset.json && chmod 600 keyset.json",
                "  export PLUGBOARD_SECRETS_KEY=$PWD/keyset.json"})
public class NewKeyCommand extends CliCommand {

    private final Provider<KeyMaterial> keys;

    public NewKeyCommand(Provider<KeyMaterial> keys) {
        this.keys = keys;
    }

    @Override
    protected ExitCode execute() {
        out().println(keys.get().newKeysetJson());
        return ExitCode.OK;
    }
}
