/**
 * Small helpers shared by several stages; nothing here knows about feeds. {@link io.feedimport.support.JsonCodec} is
 * the one JSON codec of record values, messages and printed summaries; {@link io.feedimport.support.LifecyclePhases}
 * declares, in one place, the order in which a long-running process's parts start and stop.
 */
package io.feedimport.support;
