package dev.plugboard.application.service.workflow;

import dev.plugboard.application.port.out.SecretCipher;
import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.SettingsPolicy;
import dev.plugboard.domain.workflow.TriggerType;
import dev.plugboard.domain.workflow.Workflow;
import dev.plugboard.domain.workflow.WorkflowDefinition;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * The webhook trigger's secret: sealed with the secrets key before it is stored (bound to the
 * workflow and its place in the document), shown as {@code "(set)"} everywhere else, generated when
 * the author gives none, and kept when a document sends {@code "(set)"} back.
 */
final class WorkflowSecrets {

    static final String FIELD = "secret";
    private static final String POINTER = "/triggerConfig/secret";
    private static final int MIN_LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretCipher cipher;

    WorkflowSecrets(SecretCipher cipher) {
        this.cipher = cipher;
    }

    /** The definition to store, and the secret to show once when one was generated. */
    record Sealed(WorkflowDefinition definition, Optional<String> generated) {
    }

    Sealed seal(String workflowId, WorkflowDefinition definition, Optional<WorkflowDefinition> stored) {
        JsonDocument config = definition.triggerConfig();
        if (definition.triggerType() != TriggerType.WEBHOOK) {
            return new Sealed(withConfig(definition, config.removeAt("/" + FIELD)), Optional.empty());
        }
        Optional<Object> given = config.get(FIELD);
        Optional<Object> kept = stored.filter(d -> d.triggerType() == TriggerType.WEBHOOK)
                .flatMap(d -> d.triggerConfig().get(FIELD));
        if (given.isEmpty() || SettingsPolicy.REDACTED.equals(given.get())) {
            if (kept.isPresent()) {
                return new Sealed(withConfig(definition, with(config, kept.get())), Optional.empty());
            }
            if (given.isPresent()) {
                throw new InvalidValueException("triggerConfig.secret", SettingsPolicy.REDACTED,
                        "there is no stored secret to keep; give a secret of at least " + MIN_LENGTH
                                + " characters, or leave it out to have one generated");
            }
            String generated = HexFormat.of().formatHex(randomBytes());
            return new Sealed(withConfig(definition, with(config, sealed(workflowId, generated))),
                    Optional.of(generated));
        }
        if (!(given.get() instanceof String text) || text.length() < MIN_LENGTH) {
            throw new InvalidValueException("triggerConfig.secret", "(hidden)",
                    "must be a string of at least " + MIN_LENGTH + " characters");
        }
        return new Sealed(withConfig(definition, with(config, sealed(workflowId, text))), Optional.empty());
    }

    /** The webhook secret in clear, for checking a delivery's signature. */
    Optional<String> open(Workflow workflow) {
        return workflow.definition().triggerConfig().get(FIELD)
                .map(sealed -> cipher.open(String.valueOf(sealed), scope(workflow.id())));
    }

    /** The workflow as shown: the secret replaced by {@code "(set)"}. */
    static Workflow redacted(Workflow workflow) {
        WorkflowDefinition definition = workflow.definition();
        if (definition.triggerConfig().get(FIELD).isEmpty()) {
            return workflow;
        }
        return new Workflow(workflow.id(), workflow.owner(), redacted(definition), workflow.status(), workflow.enabled(),
                workflow.executionCount(), workflow.lastExecutedAt(), workflow.lastError(), workflow.version(),
                workflow.createdAt(), workflow.updatedAt());
    }

    static WorkflowDefinition redacted(WorkflowDefinition definition) {
        return definition.triggerConfig().get(FIELD).isEmpty() ? definition
                : withConfig(definition, with(definition.triggerConfig(), SettingsPolicy.REDACTED));
    }

    private String sealed(String workflowId, String secret) {
        return cipher.seal(secret, scope(workflowId));
    }

    private static SecretCipher.SecretScope scope(String workflowId) {
        return new SecretCipher.SecretScope(UUID.fromString(workflowId), POINTER);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static JsonDocument with(JsonDocument config, Object secret) {
        java.util.Map<String, Object> copy = new java.util.LinkedHashMap<>(config.asMap());
        copy.put(FIELD, secret);
        return JsonDocument.of(copy);
    }

    static WorkflowDefinition withConfig(WorkflowDefinition d, JsonDocument config) {
        return new WorkflowDefinition(d.name(), d.slug(), d.description(), d.scope(), d.department(), d.triggerType(),
                config, d.steps(), d.output());
    }
}
