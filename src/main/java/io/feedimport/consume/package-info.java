/**
 * Consume: a {@link io.feedimport.publish.RecordMessage} in, an {@link io.feedimport.consume.Outcome} out.
 * Consumers know nothing of the transport that delivered the message. What an outcome means for the message (acked,
 * rejected, retried after which delay, parked with which reason, or a failing batch held) is decided once, for every
 * transport, by {@link io.feedimport.consume.RetryPolicy}; transports only carry its
 * {@link io.feedimport.consume.Decision} out, each in its own way. {@link io.feedimport.consume.ConsumeConfiguration}
 * wires the consumers that store records; {@link io.feedimport.consume.RateLimitConfiguration} where rate limits are
 * kept.
 *
 * <p>It uses packages further down the data's path:
 * <ul>
 * <li>{@code io.feedimport.mapping}: a consumer is where a message becomes a stored entity, so it drives
 * mapping;</li>
 * <li>{@code io.feedimport.reference}: the lookups that mapping resolves, and the rate limits kept beside the Redis
 * client;</li>
 * <li>{@code io.feedimport.store}: the upsert of the mapped rows, in the consumer's own transaction, so that an
 * outcome is written only with the row it counts.</li>
 * </ul>
 */
package io.feedimport.consume;
