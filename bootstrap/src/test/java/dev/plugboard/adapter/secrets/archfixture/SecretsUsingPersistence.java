package dev.plugboard.adapter.secrets.archfixture;

import dev.plugboard.adapter.persistence.PostgresStorage;

/** Breaks "adapters never depend on each other": the secrets adapter reaching the persistence one. */
public class SecretsUsingPersistence {
    public String name() {
        return PostgresStorage.class.getSimpleName();
    }
}
