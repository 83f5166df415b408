/**
 * Store: rows in, upserted entities out, into the target tables that feed definitions name, created from those
 * definitions ({@link io.feedimport.store.EntityTable}). Everything is plain JDBC with SQL that H2 and PostgreSQL both
 * accept, chosen per database by {@link io.feedimport.store.SqlDialect}; {@link io.feedimport.store.StoreConfiguration}
 * wires both. The engine's own tables are not made here: they are versioned migrations under
 * {@code src/main/resources/db/migration/{vendor}}, which Boot's Flyway runs before any bean uses the database.
 */
package io.feedimport.store;
