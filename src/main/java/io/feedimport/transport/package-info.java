/**
 * Transport: carries {@link io.feedimport.publish.RecordMessage}s from the publisher to consumers and confirms each
 * message to the publisher once it was handled, rejected or parked. What becomes of a message (retried after which
 * delay, parked with which reason) is decided by {@link io.feedimport.consume.RetryPolicy}, the same for every
 * transport; a transport only carries the decision out. The in-process transport
 * ({@link io.feedimport.transport.InProcessTransport}) is the embedded default; the broker-backed one in
 * {@code transport.rabbit} implements the same {@link io.feedimport.publish.RecordPublisher}. The database parking
 * lot ({@link io.feedimport.transport.JdbcParkingLot}) serves both; {@link
 * io.feedimport.transport.TransportConfiguration}
 * wires the in-process transport and that parking lot.
 *
 * <p>It uses packages further down the data's path:
 * <ul>
 * <li>{@code io.feedimport.consume}: the consumer it delivers to, and the retry policy that decides for every
 * transport.</li>
 * </ul>
 */
package io.feedimport.transport;
