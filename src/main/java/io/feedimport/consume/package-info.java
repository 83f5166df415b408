/**
 * Consume: a {@link io.feedimport.publish.RecordMessage} in, an {@link io.feedimport.consume.Outcome} out.
 * Consumers know nothing of the transport that delivered the message; transports turn outcomes into
 * acknowledgements, delayed retries or parking.
 */
package io.feedimport.consume;
