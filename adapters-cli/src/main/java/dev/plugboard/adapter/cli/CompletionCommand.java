package dev.plugboard.adapter.cli;

import dev.plugboard.adapter.cli.support.CliCommand;
import io.micronaut.context.annotation.Prototype;
import picocli.AutoComplete;
import picocli.CommandLine.Command;

/** {@code plugboard completion}: prints the shell completion script for the whole command tree. */
@Prototype
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a completion script for bash (and zsh through bashcompinit) covering every command and option."},
        footer = {"%nExamples:",
                "  source <(plugboard completion)      # bash: this shell only",
                "  plugboard completion > ~/.local/share/bash-completion/completions/plugboard",
                "  # zsh, in ~/.zshrc (compinit first):",
                "  autoload -U +X bashcompinit && bashcompinit && source <(plugboard completion)",
                "The launcher must be on the PATH as 'plugboard': the script completes that name."})
public class CompletionCommand extends CliCommand {

    @Override
    protected ExitCode execute() {
        out().print(AutoComplete.bash(spec.root().name(), spec.root().commandLine()));
        return ExitCode.OK;
    }
}
