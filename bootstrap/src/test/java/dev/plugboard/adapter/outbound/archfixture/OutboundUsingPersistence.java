package dev.plugboard.adapter.outbound.archfixture;

import dev.plugboard.adapter.persistence.PostgresStorage;

/** Breaks the rings: the outbound adapter reaching the persistence adapter. */
public class OutboundUsingPersistence {

    public Class<?> storage() {
        return PostgresStorage.class;
    }
}
