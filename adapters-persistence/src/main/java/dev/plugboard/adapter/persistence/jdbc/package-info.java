/**
 * The storage ports on Micronaut Data JDBC: plain, owner-scoped SQL with keyset paging, one row
 * type per table with {@code from(domain)} / {@code toDomain()}, and the transaction boundary.
 */
package dev.plugboard.adapter.persistence.jdbc;
