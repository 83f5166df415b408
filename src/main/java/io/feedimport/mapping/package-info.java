/**
 * Mapping: a {@link io.feedimport.publish.RecordMessage} in, a {@link io.feedimport.mapping.Row} out: the typed
 * column values of the target table, the key, the version and a content hash that makes "unchanged" cheap to see.
 * Reference lookups (agents, cities) will plug in here.
 */
package io.feedimport.mapping;
