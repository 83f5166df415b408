/**
 * Transport: carries {@link io.feedimport.publish.RecordMessage}s from the publisher to consumers, retries with
 * backoff, parks what keeps failing and confirms each message to the publisher. The in-process transport is the
 * embedded default; a broker-backed one implements the same {@link io.feedimport.publish.RecordPublisher}.
 * {@link io.feedimport.transport.TransportConfiguration} wires the in-process transport and the parking lot
 * ({@link io.feedimport.transport.JdbcParkingLot}) that both transports park into.
 */
package io.feedimport.transport;
