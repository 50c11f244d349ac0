/** A PostgreSQL server started from Maven artifacts, its data kept in a local folder; no framework involved. */
package dev.plugboard.adapter.persistence.embedded;
