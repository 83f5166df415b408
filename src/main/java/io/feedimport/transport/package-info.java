/**
 * Transport: carries {@link io.feedimport.publish.RecordMessage}s from the publisher to consumers and confirms each
 * message to the publisher once it was handled, rejected or parked. What becomes of a message (retried after which
 * delay, parked with which reason) is decided by {@link io.feedimport.consume.RetryPolicy}, the same for every
 * transport; a transport only carries the decision out. The in-process transport
 * ({@link io.feedimport.transport.InProcessTransport}) is the embedded default; the broker-backed one in
 * {@code transport.rabbit} implements the same {@link io.feedimport.publish.RecordPublisher}. The database parking
 * lot ({@link io.feedimport.transport.JdbcParkingLot}) serves both; {@link io.feedimport.transport.TransportConfiguration}
 * wires the in-process transport and that parking lot. It imports {@code consume}, further down the
 * data's path, for the consumer it delivers to and that retry policy.
 */
package io.feedimport.transport;
