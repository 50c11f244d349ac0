package dev.plugboard.application.service.state;

import dev.plugboard.application.port.in.state.DeclarativeStateUseCase.ExportCommand;
import dev.plugboard.application.port.in.state.DeclarativeStateUseCase.Exported;
import dev.plugboard.application.port.out.InstallationRepository;
import dev.plugboard.application.port.out.PluginRepository;
import dev.plugboard.domain.installation.Installation;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.SealedSecrets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Writes the state document: the global switches (unless one owner's state is asked for), and each
 * installation with its base settings and overrides as stored, every secret as a reference.
 */
final class StateExport {

    static final String FORMAT = "state/v1";
    private static final int BATCH = 500;

    private final PluginRepository plugins;
    private final InstallationRepository installations;
    private final StateWorkflows workflows;

    StateExport(PluginRepository plugins, InstallationRepository installations, StateWorkflows workflows) {
        this.plugins = plugins;
        this.installations = installations;
        this.workflows = workflows;
    }

    Exported export(ExportCommand command) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("plugboard", FORMAT);
        command.owner().ifPresent(owner -> state.put("owner", owner.toString()));
        if (command.owner().isEmpty()) {
            state.put("plugins", plugins.findAll().stream().filter(plugin -> !plugin.isRetired())
                    .sorted(Comparator.comparing(plugin -> plugin.name().value()))
                    .map(StateExport::switchOf).toList());
        }
        List<String> warnings = new ArrayList<>();
        state.put("installations", inScope(command.owner()).stream()
                .sorted(Comparator.comparing((Installation i) -> i.owner().toString()).thenComparing(i -> i.plugin().value()))
                .map(installation -> entry(installation, warnings)).toList());
        if (workflows.available()) {
            state.put(WorkflowEntries.KEY, workflows.export(command.owner(), warnings));
        }
        return new Exported(JsonDocument.of(state), warnings);
    }

    private static Map<String, Object> switchOf(Plugin plugin) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", plugin.name().value());
        entry.put("enabled", plugin.isEnabled());
        return entry;
    }

    /** The installations of {@code owner}, or of every owner. */
    List<Installation> inScope(Optional<dev.plugboard.domain.owner.Owner> owner) {
        if (owner.isPresent()) {
            return installations.findByOwner(owner.get());
        }
        List<Installation> all = new ArrayList<>();
        Optional<UUID> after = Optional.empty();
        while (true) {
            List<Installation> batch = installations.findBatch(after, BATCH);
            all.addAll(batch);
            if (batch.size() < BATCH) {
                return all;
            }
            after = Optional.of(batch.get(batch.size() - 1).id());
        }
    }

    private Map<String, Object> entry(Installation installation, List<String> warnings) {
        Map<String, String> known = installations.secretReferences(installation.id());
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("owner", installation.owner().toString());
        entry.put("plugin", installation.plugin().value());
        entry.put("enabled", installation.isEnabled());
        entry.put("settings", referenced(installation, "default", installation.settings(), installation.secrets(), known,
                warnings).asMap());
        Map<String, Object> overrides = new TreeMap<>();
        installations.overrides(installation.id()).forEach((environment, override) -> overrides.put(environment.name(),
                referenced(installation, environment.name(), override.visible(), override.secrets(), known, warnings).asMap()));
        entry.put("overrides", overrides);
        return entry;
    }

    /** {@code visible} with each sealed secret written as its known reference, or as a placeholder (with a warning). */
    private static JsonDocument referenced(Installation installation, String environment, JsonDocument visible,
                                           SealedSecrets secrets, Map<String, String> known, List<String> warnings) {
        Map<String, Object> references = new TreeMap<>();
        for (String pointer : secrets.pointers()) {
            String reference = known.get(SecretReferences.key(environment, pointer));
            if (reference == null) {
                reference = SecretReferences.placeholder(installation.owner().toString(), installation.plugin().value(),
                        environment, pointer);
                warnings.add("no reference is known for the secret at " + pointer + " of " + installation.owner() + "/"
                        + installation.plugin() + ("default".equals(environment) ? "" : " in environment " + environment)
                        + ": wrote the placeholder " + reference + "; give it that value, or edit the reference, before applying");
            }
            references.put(pointer, reference);
        }
        return visible.replaceAllAt(references);
    }
}
