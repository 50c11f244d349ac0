package dev.plugboard.domain.audit;

import dev.plugboard.domain.error.Require;

/** Who performed an operation: a user through the API, an operator through the CLI, or the system itself. */
public record Actor(Type type, String id) {

    /** The channel the actor came through. */
    public enum Type { USER, OPERATOR, SYSTEM }

    public Actor {
        Require.present("actor type", type);
        id = Require.length("actor id", Require.nonBlank("actor id", id), 1, 200);
    }

    public static Actor user(String id) {
        return new Actor(Type.USER, id);
    }

    public static Actor operator(String id) {
        return new Actor(Type.OPERATOR, id);
    }

    public static Actor system() {
        return new Actor(Type.SYSTEM, "plugboard");
    }

    @Override
    public String toString() {
        return type.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
    }
}
