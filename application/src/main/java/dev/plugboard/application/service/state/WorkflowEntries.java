package dev.plugboard.application.service.state;

import dev.plugboard.application.port.in.state.DeclarativeStateUseCase.References;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.SettingsPolicy;
import dev.plugboard.domain.workflow.InvalidWorkflowException;
import dev.plugboard.domain.workflow.Workflow;
import dev.plugboard.domain.workflow.WorkflowDocument;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code workflows} of a state document: each one the workflow file's fields (see
 * workflows.md) with its {@code owner}, {@code status} and {@code isEnabled}. A webhook trigger's
 * secret is written as a reference, never as its value; reading resolves it.
 */
final class WorkflowEntries {

    static final String KEY = "workflows";
    private static final String SECRET = "secret";

    /** One workflow as the document wants it: the workflow document (its secret resolved) and what it says. */
    record Wanted(String where, Owner owner, String slug, Map<String, Object> document, WorkflowDocument.Parsed parsed,
                  Optional<String> reference) {

        String name() {
            return owner + "/" + slug;
        }
    }

    private WorkflowEntries() {
    }

    /**
     * The stored workflows as entries, by owner and slug; a webhook secret as its known reference, or
     * as a placeholder reference with a warning.
     */
    static List<Map<String, Object>> export(List<Workflow> workflows, Function<Workflow, Optional<String>> known,
                                            List<String> warnings) {
        return workflows.stream()
                .sorted(Comparator.comparing((Workflow w) -> w.owner().toString()).thenComparing(Workflow::slug))
                .map(workflow -> entry(workflow, known, warnings)).toList();
    }

    private static Map<String, Object> entry(Workflow workflow, Function<Workflow, Optional<String>> known,
                                             List<String> warnings) {
        Map<String, Object> entry = new LinkedHashMap<>(workflow.definition().toJson());
        JsonDocument config = workflow.definition().triggerConfig();
        if (config.has(SECRET)) {
            String reference = known.apply(workflow).orElse(null);
            if (reference == null) {
                reference = placeholder(workflow, warnings);
            }
            entry.put("triggerConfig", config.replaceAt("/" + SECRET, reference).asMap());
        }
        entry.put("owner", workflow.owner().toString());
        entry.put("status", workflow.status().wireName());
        entry.put("isEnabled", workflow.enabled());
        return entry;
    }

    private static String placeholder(Workflow workflow, List<String> warnings) {
        String reference = SecretReferences.placeholder(workflow.owner().toString(), "workflow_" + workflow.slug(),
                "default", "");
        warnings.add("the webhook secret of workflow " + workflow.owner() + "/" + workflow.slug()
                    + " is never exported: wrote the placeholder " + reference
                + "; give it the secret's value (or edit the reference) before applying");
        return reference;
    }

    /** The document's workflows; every problem (bad owner, bad definition, secret in clear, duplicate) added to {@code problems}. */
    static List<Wanted> read(Map<String, Object> fields, References references, List<String> problems) {
        Object value = fields.getOrDefault(KEY, List.of());
        if (!(value instanceof List<?> items)) {
            problems.add(KEY + ": must be a list");
            return List.of();
        }
        List<Wanted> wanted = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            Wanted one = wanted(items.get(i) instanceof Map<?, ?> map ? map : Map.of(), i, references, problems);
            if (one != null && !seen.add(one.name())) {
                problems.add(one.where() + ": " + one.name() + " is named twice; give each workflow of an owner its own slug");
            } else if (one != null) {
                wanted.add(one);
            }
        }
        return wanted;
    }

    private static Wanted wanted(Map<?, ?> entry, int index, References references, List<String> problems) {
        String where = KEY + "[" + index + "] (" + entry.get("owner") + "/" + entry.get("slug") + ")";
        Owner owner;
        try {
            owner = Owner.parse(String.valueOf(entry.get("owner")));
        } catch (RuntimeException e) {
            problems.add(where + " owner: " + e.getMessage());
            return null;
        }
        Map<String, Object> document = new LinkedHashMap<>();
        entry.forEach((key, field) -> document.put(String.valueOf(key), field));
        document.remove("owner");
        int before = problems.size();
        Optional<String> reference = resolveSecret(document, where, references, problems);
        try {
            WorkflowDocument.Parsed parsed = WorkflowDocument.read(document);
            return problems.size() > before ? null
                    : new Wanted(where, owner, parsed.definition().slug(), document, parsed, reference);
        } catch (InvalidWorkflowException e) {
            e.problems().forEach(problem -> problems.add(where + " " + problem));
            return null;
        }
    }

    /**
     * Replaces the webhook secret's reference by its value in {@code document}, and returns the
     * reference; a secret in clear is a problem.
     */
    private static Optional<String> resolveSecret(Map<String, Object> document, String where, References references,
                                                  List<String> problems) {
        if (!(document.get("triggerConfig") instanceof Map<?, ?> config) || !config.containsKey(SECRET)
                || SettingsPolicy.REDACTED.equals(config.get(SECRET))) {
            return Optional.empty();
        }
        Object secret = config.get(SECRET);
        JsonDocument holder = JsonDocument.of(Map.of(SECRET, String.valueOf(secret)));
        if (SecretReferences.in(holder).isEmpty()) {
            problems.add(where + " /triggerConfig/secret: write the webhook secret as a reference (${env:NAME} or "
                    + "${file:PATH}), never as its value");
            return Optional.empty();
        }
        Optional<Object> resolved = SecretReferences.resolved(holder, references, where + " triggerConfig", problems)
                .get(SECRET);
        Map<String, Object> copy = new LinkedHashMap<>();
        config.forEach((key, field) -> copy.put(String.valueOf(key), field));
        copy.put(SECRET, resolved.orElse(secret));
        document.put("triggerConfig", copy);
        return Optional.of(String.valueOf(secret));
    }
}
