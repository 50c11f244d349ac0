package dev.plugboard.bootstrap.fuzz;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Values that exist on the server under test, by the name of the parameter or field that takes
 * them (a plugin's {@code name}, a run's {@code id}, a workflow's {@code slug}), so that generated
 * requests reach past "not found" into the code that reads their bodies.
 */
record Fixtures(Map<String, List<String>> byName) {

    Fixtures {
        byName = Map.copyOf(byName);
    }

    /** Usually a value that exists; sometimes none, so the generator invents one. */
    Optional<String> valueFor(String name, Random random) {
        List<String> values = byName.get(name);
        if (values == null || values.isEmpty() || random.nextInt(5) == 0) {
            return Optional.empty();
        }
        return Optional.of(values.get(random.nextInt(values.size())));
    }
}
