package dev.plugboard.adapter.cli.secrets;

import dev.plugboard.adapter.cli.support.CommandGroup;
import io.micronaut.context.annotation.Prototype;
import picocli.CommandLine.Command;

/** The {@code plugboard secrets} group: the key that encrypts secret settings at rest. */
@Prototype
@Command(name = "secrets", mixinStandardHelpOptions = true,
        description = {"Manage the key that encrypts secret settings (writeOnly fields) at rest: AES-256-GCM through"
                + " Google Tink, one ciphertext per value. The key is PLUGBOARD_SECRETS_KEY (a Tink keyset file, or"
                + " its JSON inline); with the embedded database and none set, a key generated in the data folder."},
        subcommands = {NewKeyCommand.class, RotateSecretsCommand.class, ReencryptSecretsCommand.class},
        footer = {"%nExamples:", "  plugboard secrets new-key > /secure/plugboard-keyset.json",
                "  plugboard secrets rotate", "  plugboard secrets reencrypt        # resumes an interrupted rotation"})
public class SecretsCommand extends CommandGroup {
}
