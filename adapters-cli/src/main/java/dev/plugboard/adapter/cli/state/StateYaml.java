package dev.plugboard.adapter.cli.state;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliFailure;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.application.port.in.state.YamlText;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The state file in YAML ({@link YamlText}: the same state always gives the same text, a clean diff
 * in git); read from a file or standard input ({@code -}). A syntax error names its place only,
 * never the text around it.
 */
final class StateYaml {

    private StateYaml() {
    }

    static String write(JsonDocument state) {
        return YamlText.write(state);
    }

    static JsonDocument read(String source) {
        String where = "-".equals(source) ? "standard input" : "'" + source + "'";
        try {
            String text = "-".equals(source) ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(source), StandardCharsets.UTF_8);
            return YamlText.read(text).orElseThrow(() -> new CliFailure(ExitCode.USAGE, "state file " + where
                    + " is not a state document; write one with `plugboard export > state.yaml`"));
        } catch (NoSuchFileException e) {
            throw new CliFailure(ExitCode.USAGE, "state file " + where + " does not exist (looked in "
                    + Path.of(source).toAbsolutePath().normalize() + ")");
        } catch (YamlText.Unreadable e) {
            throw new CliFailure(ExitCode.USAGE, "state file " + where + " is not valid YAML" + e.place());
        } catch (IOException e) {
            throw new CliFailure(ExitCode.USAGE, "state file " + where + " can't be read: " + e.getMessage());
        }
    }
}
