package dev.plugboard.adapter.rest.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.plugboard.domain.approval.PluginApproval;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A plugin version held for approval.
 *
 * @param status    {@code pending}, {@code approved} or {@code rejected}
 * @param reason    what it asks for: {@code new plugin}, {@code adds capabilities [...]}, {@code adds secret fields [...]}
 * @param decidedBy who decided, such as {@code user:root}; null while pending
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApprovalResponse(String plugin, String version, String status, String reason, String requestedAt,
                               @Nullable String decidedBy, @Nullable String decidedAt) {

    static ApprovalResponse from(PluginApproval approval) {
        return new ApprovalResponse(approval.plugin().value(), approval.version().toString(), approval.status().wireName(),
                approval.reason(), approval.requestedAt().toString(), approval.decidedBy().orElse(null),
                approval.decidedAt().map(Object::toString).orElse(null));
    }
}
