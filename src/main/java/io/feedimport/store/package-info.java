/**
 * Store: rows in, upserted entities out, and the engine's own ledgers: which record of which run ended how,
 * which records were skipped and why, which messages were parked, and the runs themselves, until old runs are pruned
 * down to their counts. Everything is plain
 * JDBC with SQL that H2 and PostgreSQL both accept, chosen per database by {@link io.feedimport.store.SqlDialect}.
 */
package io.feedimport.store;
