package dev.plugboard.domain.plugin;

import dev.plugboard.domain.error.DomainException;
import dev.plugboard.domain.error.ErrorKind;

import java.util.List;
import java.util.Map;

/** A plugin cannot be registered because its manifest contradicts itself (bad schema, defaults that fail it). */
public final class InvalidPluginException extends DomainException {

    private static final long serialVersionUID = 1L;
    private final String plugin;
    private final transient List<String> problems;

    public InvalidPluginException(String plugin, List<String> problems) {
        super("plugin " + plugin + " cannot be registered: " + String.join("; ", problems));
        this.plugin = plugin;
        this.problems = List.copyOf(problems);
    }

    public String plugin() {
        return plugin;
    }

    public List<String> problems() {
        return problems;
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.INVALID_INPUT;
    }

    @Override
    public String code() {
        return "invalid_plugin";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("plugin", plugin, "problems", problems);
    }
}
