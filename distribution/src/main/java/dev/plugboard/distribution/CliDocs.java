package dev.plugboard.distribution;

import dev.plugboard.adapter.cli.PlugboardCommand;
import dev.plugboard.bootstrap.launch.LaunchConfiguration;
import dev.plugboard.bootstrap.launch.LaunchConfiguration.DatabaseUse;
import io.micronaut.configuration.picocli.MicronautFactory;
import io.micronaut.context.ApplicationContext;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Build-time generator of the release archive's shell completion and man pages, from the same
 * command tree {@code plugboard} runs (built as {@code plugboard completion} builds it: no database).
 * Usage: {@code CliDocs OUTPUT_FOLDER}; writes {@code completion/plugboard.bash} and {@code man/*.adoc}.
 */
public final class CliDocs {

    private CliDocs() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: CliDocs OUTPUT_FOLDER");
            System.exit(2);
        }
        System.setProperty("PLUGBOARD_LOG_LEVEL", "WARN");
        Path output = Path.of(args[0]);
        Path scratch = Files.createTempDirectory("plugboard-cli-docs");
        try (LaunchConfiguration launch = LaunchConfiguration.resolve(
                Map.of(LaunchConfiguration.DATA_DIR, scratch.toString()), DatabaseUse.NONE);
             ApplicationContext context = ApplicationContext.builder().bootstrapEnvironment(false)
                     .properties(launch.properties()).start()) {
            // "help" asks for the whole command tree rather than one branch.
            CommandLine tree = PlugboardCommand.commandLine(new MicronautFactory(context), "help");
            write(output, tree);
        } finally {
            Files.deleteIfExists(scratch);
        }
    }

    private static void write(Path output, CommandLine tree) throws IOException {
        Path completion = Files.createDirectories(output.resolve("completion"));
        Files.writeString(completion.resolve("plugboard.bash"), AutoComplete.bash("plugboard", tree), StandardCharsets.UTF_8);
        Path man = Files.createDirectories(output.resolve("man"));
        int status = ManPageGenerator.generateManPage(man.toFile(), null, new boolean[0], false, tree.getCommandSpec());
        if (status != CommandLine.ExitCode.OK) {
            throw new IOException("the man pages could not be generated into " + man + " (status " + status + ")");
        }
    }
}
