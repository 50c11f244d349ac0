package dev.plugboard.domain.plugin;

import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.error.ErrorKind;

import java.util.LinkedHashMap;
import java.util.Map;

/** A catalog operation the plugin's current state does not allow (409): retired, owned by another source, still used. */
public abstract class PluginConflictException extends DomainException {

    private static final long serialVersionUID = 1L;
    private final String plugin;
    private final String code;
    private final transient Map<String, Object> extra;

    protected PluginConflictException(String plugin, String code, String message, Map<String, Object> extra) {
        super(message);
        this.plugin = plugin;
        this.code = code;
        this.extra = Map.copyOf(extra);
    }

    public String plugin() {
        return plugin;
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.CONFLICT;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("plugin", plugin);
        details.putAll(extra);
        return details;
    }
}
