/**
 * Store: typed {@link io.feedimport.mapping.Row}s in, rows of each feed's target table out, with what happened to
 * each
 * ({@link io.feedimport.store.StoreResult}). {@link io.feedimport.store.EntityTable} creates the table from the field
 * types, {@link io.feedimport.store.EntityStore} upserts by key in batches. How a value binds, reads back, compares
 * and which column type it takes is its {@link io.feedimport.feed.FieldType}'s; where H2 and PostgreSQL differ,
 * {@link io.feedimport.store.SqlDialect} says how; {@link io.feedimport.store.StoreConfiguration} wires both. The
 * engine's own tables are not made here: they are versioned migrations under
 * {@code src/main/resources/db/migration/{vendor}}, which Boot's Flyway runs before any bean uses the database.
 */
package io.feedimport.store;
