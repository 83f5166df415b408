/**
 * Delta at the source: what makes an unchanged nightly export cheap. {@link io.feedimport.delta.RecordKeys} writes a
 * record's key as the target stores it and hashes it, {@link io.feedimport.delta.ContentFingerprints} turns its
 * canonical values into a content fingerprint, {@link io.feedimport.delta.FingerprintLedger} keeps per feed the
 * fingerprint of each key's content as last committed to the target (table {@code fi_fingerprint}, in the engine's
 * database, so importers on other hosts share it), {@link io.feedimport.delta.StoredFingerprints} holds a feed's
 * fingerprints in memory for one run, and {@link io.feedimport.delta.SentKeys} remembers which keys a run has sent.
 *
 * <p>In: a chunk's keys and fingerprints from the publishing step, which sends only the records whose content differs
 * from the stored one; the fingerprints of committed records from the consumer, written in the transaction that
 * commits the entity. Out: which records of a chunk are unchanged. The fingerprint covers the feed's mapping (fields,
 * types, lookups, target), so a changed definition sends every record once.
 *
 * <p>It uses packages further down the data's path:
 * <ul>
 * <li>{@code io.feedimport.store}: {@code SqlDialect}, the engine's one way of telling H2 from PostgreSQL, for the
 * ledger's few statements that differ between them.</li>
 * </ul>
 */
package io.feedimport.delta;
