package dev.plugboard.domain.approval;

import java.util.Arrays;
import java.util.Locale;

/**
 * What the catalog does with a plugin it discovers ({@code plugboard.catalog.new-plugins}): add it
 * switched on, add it switched off, or hold it, and a new version that asks for more, until an
 * administrator approves it.
 */
public enum NewPluginsPolicy {
    ENABLED, DISABLED, PENDING_APPROVAL;

    /** {@code enabled}, {@code disabled} or {@code pending-approval}, in any case. */
    public static NewPluginsPolicy parse(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(policy -> policy.wireName().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("plugboard.catalog.new-plugins must be enabled, disabled"
                        + " or pending-approval, not '" + text + "'"));
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
