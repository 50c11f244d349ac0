package dev.plugboard.domain.settings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import dev.plugboard.domain.error.InvalidValueException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Turns a settings document into valid settings or every violation: lays the user's settings over
 * the plugin's default settings, fills in schema defaults, validates (Draft 2020-12 unless the
 * schema's {@code $schema} names draft-07 or 2019-09) and knows which fields are secret
 * ({@code writeOnly: true}). Each schema is compiled once per plugin and version. Thread-safe.
 */
public final class SettingsPolicy {

    /** What secret values are replaced with wherever settings are shown. */
    public static final String REDACTED = "(set)";

    /** Each secret is sealed on its own: a bound keeps one request from costing thousands of encryptions. */
    public static final int MAX_SECRET_VALUES = 1000;

    private final SchemaCompiler compiler = new SchemaCompiler();
    private final ConcurrentMap<CacheKey, CompiledSchema> cache = new ConcurrentHashMap<>();

    private record CacheKey(String plugin, String version, String purpose) {
    }

    /**
     * Validates settings against the plugin's settings schema, defaults applied. A violation at a
     * secret field never repeats the secret's value.
     */
    public SettingsValidation validate(SettingsSpec spec, JsonDocument settings) {
        return validate(spec, settings, Set.of());
    }

    /**
     * Validates as {@link #validate(SettingsSpec, JsonDocument)}, treating the values at
     * {@code storedSecrets} as secret too: values stored as secret stay secret whatever the schema says now.
     */
    public SettingsValidation validate(SettingsSpec spec, JsonDocument settings, Set<String> storedSecrets) {
        Objects.requireNonNull(settings, "settings");
        CompiledSchema compiled = compiled(spec.plugin(), spec.version(), "settings", spec.schema());
        JsonDocument merged = spec.defaults().mergedWith(settings);
        ObjectNode node = JsonCodec.toNode(merged);
        // Only the walk fills schema defaults in, at about twice a validation's cost: walk when one could apply.
        boolean fillsDefaults = compiled.defaults().mayApplyTo(node);
        Collection<ValidationMessage> messages = fillsDefaults
                ? compiled.schema().walk(node, true).getValidationMessages() : compiled.schema().validate(node);
        JsonDocument effective = fillsDefaults ? JsonCodec.fromNode(node) : merged;
        Set<String> secrets = new java.util.TreeSet<>(compiled.secrets().secretsIn(node));
        storedSecrets.stream().filter(pointer -> effective.at(pointer).isPresent()).forEach(secrets::add);
        if (secrets.size() > MAX_SECRET_VALUES) {
            throw new InvalidValueException("settings", secrets.size() + " secret values",
                    "hold more secret values than the " + MAX_SECRET_VALUES + " allowed in one installation");
        }
        return new SettingsValidation(spec.plugin(), effective,
                SecretMasking.mask(SchemaCompiler.violations(messages), effective, secrets), secrets);
    }

    /**
     * Re-checks stored settings (a run's start: the schema may have changed since they were saved)
     * without opening their secrets: a sealed value reads {@value #REDACTED} in {@code visible}, was
     * checked when it was stored, and is judged by its presence only.
     *
     * @throws InvalidSettingsException with every violation outside the sealed values
     */
    public void requireStored(SettingsSpec spec, JsonDocument visible, Set<String> sealedPointers) {
        List<Violation> outsideSecrets = storedViolations(spec, visible, sealedPointers);
        if (!outsideSecrets.isEmpty()) {
            throw new InvalidSettingsException(spec.plugin(), outsideSecrets);
        }
    }

    /**
     * What {@link #requireStored} would refuse: the violations of stored settings outside their
     * sealed values (a sealed value counts by its presence, and is never opened here).
     */
    public List<Violation> storedViolations(SettingsSpec spec, JsonDocument visible, Set<String> sealedPointers) {
        return validate(spec, visible, sealedPointers).violations().stream()
                .filter(violation -> sealedPointers.stream().noneMatch(sealed -> violation.pointer().equals(sealed)
                        || violation.pointer().startsWith(sealed + "/")))
                .toList();
    }

    /** Valid settings, or an {@link InvalidSettingsException} with every violation. */
    public ValidatedSettings require(SettingsSpec spec, JsonDocument settings) {
        return validate(spec, settings).orThrow();
    }

    /**
     * Every problem that makes a plugin's settings contract unusable: a schema that is not a valid
     * JSON Schema of its draft, or default settings that the schema itself rejects. Empty when fine.
     * Defaults are held to every rule for the values they set; a {@code required} field they leave
     * out is not a problem, because required settings (a webhook's URL, say) are the owner's to give.
     */
    public List<String> problemsOf(SettingsSpec spec) {
        List<String> problems = new ArrayList<>(schemaProblems("settings schema", spec.schema()));
        if (problems.isEmpty()) {
            SettingsValidation defaults = validate(spec, JsonDocument.empty());
            defaults.violations().stream()
                    .filter(violation -> !OWNER_SUPPLIED.contains(violation.keyword()))
                    .forEach(violation -> problems.add("default settings do not satisfy the settings schema: " + violation));
        }
        return problems;
    }

    /** Keywords that complain about a missing value, which defaults need not supply. */
    private static final Set<String> OWNER_SUPPLIED = Set.of("required", "dependentRequired", "dependencies");

    /** Problems of any other schema a plugin declares (input, output), each prefixed by {@code label}. */
    public List<String> schemaProblems(String label, JsonDocument schema) {
        try {
            compiler.compile(schema);
            return List.of();
        } catch (SchemaCompiler.SchemaProblems e) {
            return e.problems().stream().map(problem -> label + " is not a valid JSON Schema: " + problem).toList();
        }
    }

    /** Validates a document (a run's input, say) against one of the plugin's other schemas; no defaults from the plugin. */
    public List<Violation> violationsOf(String plugin, String version, String purpose, JsonDocument schema, JsonDocument document) {
        CompiledSchema compiled = compiled(plugin, version, purpose, schema);
        return SchemaCompiler.violations(compiled.schema().validate(JsonCodec.toNode(document)));
    }

    /**
     * Pointers of the secret values in {@code settings}: every value a {@code writeOnly} schema
     * applies to, however deep ({@code $ref}, arrays, combinators, pattern and additional properties).
     */
    public Set<String> secretPointers(SettingsSpec spec, JsonDocument settings) {
        return compiled(spec.plugin(), spec.version(), "settings", spec.schema()).secrets()
                .secretsIn(JsonCodec.toNode(settings));
    }

    /** A copy safe to show or log: every secret that is set reads {@value #REDACTED}. */
    public JsonDocument redact(SettingsSpec spec, JsonDocument settings) {
        java.util.Map<String, Object> hidden = new java.util.TreeMap<>();
        secretPointers(spec, settings).forEach(pointer -> hidden.put(pointer, REDACTED));
        return settings.replaceAllAt(hidden);
    }

    private CompiledSchema compiled(String plugin, String version, String purpose, JsonDocument schema) {
        CacheKey key = new CacheKey(plugin, version, purpose);
        CompiledSchema cached = cache.get(key);
        // The key is the plugin and its version; the source comparison guards against a plugin
        // re-registered under the same version with an edited schema.
        if (cached != null && cached.source().equals(schema)) {
            return cached;
        }
        try {
            CompiledSchema compiled = compiler.compile(schema);
            cache.put(key, compiled);
            return compiled;
        } catch (SchemaCompiler.SchemaProblems e) {
            throw new InvalidValueException(purpose + " schema of plugin " + plugin, version, e.getMessage());
        }
    }

    /** How many compiled schemas are cached; lets tests prove a schema is compiled once. */
    int cachedSchemas() {
        return cache.size();
    }

    CompiledSchema cachedFor(String plugin, String version) {
        return cache.get(new CacheKey(plugin, version, "settings"));
    }
}
