package dev.plugboard.domain.plugin;

/** One reason a plugin's dependencies are not satisfied, phrased for the person fixing it. */
public record DependencyProblem(Kind kind, PluginName plugin, Dependency dependency, String detail) {

    /** What is wrong with the dependency. */
    public enum Kind { MISSING, VERSION_MISMATCH, CYCLE, DISABLED }

    @Override
    public String toString() {
        return detail;
    }
}
