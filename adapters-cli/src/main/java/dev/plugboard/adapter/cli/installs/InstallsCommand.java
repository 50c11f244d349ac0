package dev.plugboard.adapter.cli.installs;

import dev.plugboard.adapter.cli.support.CommandGroup;
import io.micronaut.context.annotation.Prototype;
import picocli.CommandLine.Command;

/** The {@code plugboard installs} group: one owner's installations. */
@Prototype
@Command(name = "installs", mixinStandardHelpOptions = true,
        description = {"Manage installations: which plugins a user (--user) or an organization (--org) has installed,"
                + " with what settings. Secret settings are shown as (set), never their value."},
        subcommands = {ListInstallsCommand.class, ShowInstallCommand.class, AddInstallCommand.class,
                RemoveInstallCommand.class, ConfigureInstallCommand.class, ValidateSettingsCommand.class,
                EnableInstallCommand.class, DisableInstallCommand.class},
        footer = {"%nExamples:", "  plugboard installs list --user alice",
                "  plugboard installs add webhook --user alice --settings webhook.json"})
public class InstallsCommand extends CommandGroup {
}
