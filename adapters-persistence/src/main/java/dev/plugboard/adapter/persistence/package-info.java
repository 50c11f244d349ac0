/**
 * Plugboard's PostgreSQL persistence: {@link dev.plugboard.adapter.persistence.PostgresStorage} groups the
 * storage ports as Micronaut beans; Flyway migrations live in {@code db/migration}.
 */
package dev.plugboard.adapter.persistence;
