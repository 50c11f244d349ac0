package dev.plugboard.domain.approval;

import dev.plugboard.domain.error.Require;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.plugin.SemanticVersion;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * One version of a plugin held for an administrator's decision: why it is held, and the decision once made.
 *
 * @param reason what the version asks for: {@code new plugin}, {@code adds capabilities [...]}, {@code adds secret fields [...]}
 */
public record PluginApproval(PluginName plugin, SemanticVersion version, Status status, String reason,
                             Instant requestedAt, Optional<String> decidedBy, Optional<Instant> decidedAt) {

    /** Where a held version stands. */
    public enum Status {
        PENDING, APPROVED, REJECTED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status parse(String text) {
            return valueOf(text.toUpperCase(Locale.ROOT));
        }
    }

    public PluginApproval {
        Require.present("plugin", plugin);
        Require.present("version", version);
        Require.present("status", status);
        reason = Require.nonBlank("reason", reason);
        Require.present("requestedAt", requestedAt);
        decidedBy = decidedBy == null ? Optional.empty() : decidedBy;
        decidedAt = decidedAt == null ? Optional.empty() : decidedAt;
    }

    public static PluginApproval requested(PluginName plugin, SemanticVersion version, String reason, Instant now) {
        return new PluginApproval(plugin, version, Status.PENDING, reason, now, Optional.empty(), Optional.empty());
    }

    /** The decision; only a pending version can be decided. */
    public PluginApproval decide(boolean approve, String by, Instant now) {
        if (status != Status.PENDING) {
            throw new PluginApprovalException(plugin.value(), "PLUGIN_ALREADY_DECIDED", "plugin " + plugin + " version "
                    + version + " was " + status.wireName() + " already; nothing is waiting for a decision");
        }
        return new PluginApproval(plugin, version, approve ? Status.APPROVED : Status.REJECTED, reason, requestedAt,
                Optional.of(Require.nonBlank("decidedBy", by)), Optional.of(now));
    }

    public boolean isPending() {
        return status == Status.PENDING;
    }
}
