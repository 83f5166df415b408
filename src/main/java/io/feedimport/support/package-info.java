/**
 * Small helpers shared by several stages, and the one JSON codec ({@link io.feedimport.support.JsonCodec}) of record
 * values, messages and printed summaries; nothing here knows about feeds.
 */
package io.feedimport.support;
