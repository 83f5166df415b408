/**
 * Delta at the source: what makes an unchanged nightly export cheap. {@link io.feedimport.delta.ContentFingerprints}
 * turns a record's key and canonical values into short fingerprints, {@link io.feedimport.delta.FingerprintLedger}
 * keeps per feed the fingerprint of each key's content as last committed to the target (table {@code fi_fingerprint},
 * in the engine's database, so importers on other hosts share it), and {@link io.feedimport.delta.SentKeys}
 * remembers which keys a run has already sent.
 *
 * <p>In: a chunk's keys and fingerprints from the publishing step, which sends only the records whose content differs
 * from the stored one; the fingerprints of committed records from the consumer, written in the transaction that
 * commits the entity. Out: which records of a chunk are unchanged. The fingerprint covers the feed's mapping (fields,
 * types, lookups, target), so a changed definition sends every record once.
 */
package io.feedimport.delta;
