/**
 * The RabbitMQ transport (production, {@code feedimport.transport=rabbitmq}): record messages in, published with
 * confirms to each feed's exchanges and queues ({@code fi.FEED}, its {@code .retry} delay queues dead-lettering back to it,
 * {@code .parked}; see {@link io.feedimport.transport.rabbit.FeedTopology}); on the
 * consuming side a {@link io.feedimport.transport.rabbit.FeedWorker} per feed hands each batch to the feed's consumer
 * and acks, retries or parks every message. The process's workers are one
 * {@link io.feedimport.transport.rabbit.WorkerPool}, a lifecycle bean switched on by the {@code worker} and
 * {@code daemon --workers} commands, which starts before and stops after what publishes work for it
 * ({@code support/LifecyclePhases}).
 */
package io.feedimport.transport.rabbit;
