/**
 * Consume: a {@link io.feedimport.publish.RecordMessage} in, an {@link io.feedimport.consume.Outcome} out.
 * Consumers know nothing of the transport that delivered the message; transports turn outcomes into
 * acknowledgements, delayed retries or parking. {@link io.feedimport.consume.ConsumeConfiguration} wires the
 * consumers that store records; {@link io.feedimport.consume.RateLimitConfiguration} where rate limits are kept.
 */
package io.feedimport.consume;
