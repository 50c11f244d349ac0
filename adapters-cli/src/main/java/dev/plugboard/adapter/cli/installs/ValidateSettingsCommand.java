package dev.plugboard.adapter.cli.installs;

import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.cli.support.CliCommand;
import dev.plugboard.adapter.cli.support.ErrorLines;
import dev.plugboard.adapter.cli.support.Json;
import dev.plugboard.adapter.cli.support.JsonOption;
import dev.plugboard.adapter.cli.support.OwnerOptions;
import dev.plugboard.adapter.cli.support.SettingsInput;
import dev.plugboard.application.port.in.installation.ValidateSettingsUseCase;
import dev.plugboard.application.port.in.installation.ValidateSettingsUseCase.ValidationReport;
import dev.plugboard.domain.plugin.PluginName;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Provider;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code plugboard installs validate NAME}: a dry run of settings against a plugin's schema. */
@Prototype
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check settings against a plugin's schema without saving anything.",
                "With --user or --org, the settings are merged over that owner's stored ones (secrets included)",
                "exactly as 'installs configure' would; without, they are checked as an install would.",
                "Exits 0 when they are valid and 4 when not, printing every violation with its JSON pointer."},
        footer = {"%nExamples:", "  plugboard installs validate webhook --settings webhook.json",
                "  plugboard installs validate webhook --user alice --settings change.json",
                "  plugboard installs validate webhook --settings - --json < webhook.json"})
public class ValidateSettingsCommand extends CliCommand {

    private final Provider<ValidateSettingsUseCase> validating;

    @Parameters(paramLabel = "NAME", description = "The plugin whose schema applies.")
    private String plugin;

    @Option(names = "--settings", paramLabel = "FILE|-", required = true,
            description = "A JSON object of settings, from FILE or from standard input (-).")
    private String settings;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    private OwnerOptions owner;

    @Mixin
    private JsonOption json;

    public ValidateSettingsCommand(Provider<ValidateSettingsUseCase> validating) {
        this.validating = validating;
    }

    @Override
    protected ExitCode execute() {
        ValidationReport report = validating.get().validate(
                new ValidateSettingsUseCase.ValidateSettingsCommand(PluginName.of(plugin), SettingsInput.read(settings),
                        Optional.ofNullable(owner).map(OwnerOptions::owner)));
        if (json.enabled()) {
            Json.print(out(), json(report));
        } else if (report.valid()) {
            out().println("Settings are valid for " + plugin + "; they would be stored as "
                    + report.effectiveSettings().toJson());
        } else {
            ErrorLines.violations(err(), plugin, report.violations());
        }
        return report.valid() ? ExitCode.OK : ExitCode.INVALID_SETTINGS;
    }

    private static Map<String, Object> json(ValidationReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("valid", report.valid());
        json.put("violations", report.violations().stream().map(v -> Map.of("pointer", v.pointer(),
                "keyword", v.keyword(), "message", v.message())).toList());
        json.put("summary", report.summary().orElse(null));
        json.put("effectiveSettings", report.effectiveSettings().asMap());
        return json;
    }
}
