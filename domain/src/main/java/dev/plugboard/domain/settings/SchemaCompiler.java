package dev.plugboard.domain.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ApplyDefaultsStrategy;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaException;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.ValidationMessage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a schema document into a {@link CompiledSchema}, after checking it against its draft's
 * meta-schema. Confines networknt to this package.
 */
final class SchemaCompiler {

    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .applyDefaultsStrategy(new ApplyDefaultsStrategy(true, false, false))
            .formatAssertionsEnabled(true)
            .build();

    /** Each draft's factory and meta-schema, built at its first use: a process that validates nothing pays nothing. */
    private final Map<SchemaDraft, Draft> drafts = new ConcurrentHashMap<>();

    private record Draft(JsonSchemaFactory factory, JsonSchema metaSchema) {

        static Draft of(SchemaDraft draft) {
            JsonSchemaFactory factory = JsonSchemaFactory.getInstance(draft.flag());
            JsonSchema meta = factory.getSchema(SchemaLocation.of(draft.uri()), CONFIG);
            meta.initializeValidators();
            return new Draft(factory, meta);
        }
    }

    private Draft draft(SchemaDraft draft) {
        return drafts.computeIfAbsent(draft, Draft::of);
    }

    /** Thrown inside the package when a schema cannot be used; carries every problem found. */
    static final class SchemaProblems extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient List<String> problems;

        SchemaProblems(List<String> problems) {
            super(String.join("; ", problems), null, false, false);
            this.problems = List.copyOf(problems);
        }

        List<String> problems() {
            return problems;
        }
    }

    CompiledSchema compile(JsonDocument source) throws SchemaProblems {
        ObjectNode node = JsonCodec.toNode(source);
        SchemaDraft draft = draftOf(node);
        List<String> problems = new ArrayList<>();
        remoteReferences(node, "", problems);
        for (ValidationMessage message : draft(draft).metaSchema().validate(node)) {
            problems.add(pointerOf(message) + ": " + message.getError());
        }
        if (!problems.isEmpty()) {
            // The meta-schema can report one fault through several of its branches: report it once.
            throw new SchemaProblems(problems.stream().distinct().sorted().toList());
        }
        try {
            JsonSchema schema = draft(draft).factory().getSchema(node, CONFIG);
            schema.initializeValidators();
            return new CompiledSchema(source, draft, schema, new SecretFieldResolver(node), DefaultSites.of(node));
        } catch (JsonSchemaException | IllegalArgumentException e) {
            throw new SchemaProblems(List.of("cannot compile: " + e.getMessage()));
        }
    }

    private static SchemaDraft draftOf(JsonNode schema) throws SchemaProblems {
        JsonNode declared = schema.get("$schema");
        if (declared == null) {
            return SchemaDraft.DEFAULT;
        }
        if (!declared.isTextual()) {
            throw new SchemaProblems(List.of("/$schema: must be a string naming a draft: " + SchemaDraft.supportedList()));
        }
        return SchemaDraft.fromUri(declared.textValue()).orElseThrow(() -> new SchemaProblems(List.of(
                "/$schema: unsupported draft '" + declared.textValue() + "'; use one of " + SchemaDraft.supportedList())));
    }

    /** Remote $refs would make validation fetch from the network; only local ones are allowed. */
    private static void remoteReferences(JsonNode node, String pointer, List<String> problems) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && !ref.textValue().startsWith("#")) {
                problems.add(JsonPointers.child(pointer, "$ref") + ": only local references such as '#/$defs/name' are allowed, not '"
                        + ref.textValue() + "'");
            }
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                remoteReferences(field.getValue(), JsonPointers.child(pointer, field.getKey()), problems);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                remoteReferences(node.get(i), pointer + "/" + i, problems);
            }
        }
    }

    static List<Violation> violations(Collection<ValidationMessage> messages) {
        return messages.stream()
                .map(message -> new Violation(pointerOf(message), message.getType(), message.getError()))
                .distinct()
                .sorted()
                .toList();
    }

    /**
     * The pointer of the value at fault. For keywords about a named member (a missing required
     * field, an extra property) the pointer names that member, not its parent object.
     */
    private static String pointerOf(ValidationMessage message) {
        String location = message.getInstanceLocation().toString();
        String pointer = location.equals("/") ? "" : location;
        String property = message.getProperty();
        if ("dependentRequired".equals(message.getType()) && message.getArguments() != null
                && message.getArguments().length > 0 && message.getArguments()[0] != null) {
            // networknt names the property that is present; the member at fault is the missing one.
            property = String.valueOf(message.getArguments()[0]);
        }
        if (property != null && switch (message.getType()) {
            case "required", "additionalProperties", "unevaluatedProperties", "dependentRequired", "dependencies" -> true;
            default -> false;
        }) {
            return JsonPointers.child(pointer, property);
        }
        return pointer;
    }
}
