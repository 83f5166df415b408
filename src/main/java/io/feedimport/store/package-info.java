/**
 * Store: typed {@link io.feedimport.mapping.Row}s in, rows of each feed's target table out, with what happened to each
 * ({@link io.feedimport.store.StoreResult}). {@link io.feedimport.store.EntityTable} creates the table from the field
 * types, {@link io.feedimport.store.EntityStore} upserts by key in batches. How a value binds, reads back, compares
 * and which column type it takes is its {@link io.feedimport.feed.FieldType}'s; where H2 and PostgreSQL differ,
 * {@link io.feedimport.store.SqlDialect} says how. {@code EngineSchema}, which creates the engine's own tables, stays
 * here only until versioned migrations replace it.
 */
package io.feedimport.store;
