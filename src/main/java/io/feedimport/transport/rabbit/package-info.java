/**
 * The transport on RabbitMQ, selected by {@code feedimport.transport=rabbitmq} ({@link
 * io.feedimport.transport.rabbit.RabbitConfiguration}). In: the {@link io.feedimport.publish.RecordMessage}s of a
 * run's
 * chunk. Out: each record handed to its feed's {@link io.feedimport.consume.RecordConsumer} in a worker, in this
 * process or another, and settled as the feed's {@link io.feedimport.consume.RetryPolicy} decides.
 * <ul>
 * <li>Publishing: {@link io.feedimport.transport.rabbit.RabbitPublisherFactory} sends each record as a persistent
 * message ({@link io.feedimport.transport.rabbit.RecordEnvelope}: JSON values, headers saying what it is) and
 * returns once {@link io.feedimport.transport.rabbit.ConfirmingPublisher} has every broker confirm.</li>
 * <li>Topology: {@link io.feedimport.transport.rabbit.FeedTopology} names and declares a feed's main queue, its retry
 * queues (one per delay, dead-lettering back) and its parking queue.</li>
 * <li>Consuming: {@link io.feedimport.transport.rabbit.WorkerPool} runs one
 * {@link io.feedimport.transport.rabbit.FeedWorker} per feed, which consumes batches and has
 * {@link io.feedimport.transport.rabbit.OutcomeRouting} carry out each decision (a copy to a retry queue, or parked
 * in
 * the database and the parking queue) before it acks the batch.</li>
 * <li>Around them: {@link io.feedimport.transport.rabbit.RabbitParkedQueue} removes replayed messages from the
 * parking
 * queue, and {@link io.feedimport.transport.rabbit.RabbitQueueDepths} reads queue depths for the gauges.</li>
 * </ul>
 * The worker pool is a lifecycle bean switched on by the {@code worker} and {@code daemon --workers} commands; it
 * starts before and stops after what publishes work for it ({@link io.feedimport.support.LifecyclePhases}).
 *
 * <p>It uses packages further down the data's path:
 * <ul>
 * <li>{@code io.feedimport.consume}: the consumer a worker delivers to, and the retry policy that decides for every
 * transport.</li>
 * </ul>
 */
package io.feedimport.transport.rabbit;
