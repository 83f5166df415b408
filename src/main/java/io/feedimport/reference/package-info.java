/**
 * Reference: a raw field value and its {@link io.feedimport.reference.LookupDefinition} in, a
 * {@link io.feedimport.reference.Resolution} out: the integer id of the referenced row (an agent, a city), found,
 * created, nulled or rejected with a reason. Values are served from a cache (in-process, or Redis with a near cache
 * in
 * each worker) and loaded from the reference table on a miss; Redis only ever speeds lookups up, the database stays
 * the
 * source of truth.
 */
package io.feedimport.reference;
