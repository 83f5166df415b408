package io.feedimport.consume;

import java.time.Duration;

import io.feedimport.feed.DeliveryDefinition;
import io.feedimport.support.Messages;

/**
 * Decides, for every transport, what becomes of a delivery, from plain inputs: the attempt number (1 for the first
 * delivery), what the consumer made of the record or how it failed, and this policy's limits. A record asking for a
 * retry is delivered again after a backoff that grows with each attempt, and parked once its attempts are spent; a
 * rejected record stays rejected; a message that is not a record is parked at once.
 *
 * <p>How each transport carries a decision out stays with the transport: the in-process one sleeps in its lane, the
 * broker routes a copy to the retry queue of that delay and counts attempts in a header of its own.
 *
 * @param maxAttempts       deliveries a record gets, the first included, before one still asking for a retry is parked
 * @param backoff           the delay before the first retry; each further retry waits {@code multiplier} times longer
 * @param backoffMax        the longest delay before a retry
 * @param onConsumerFailure what a consumer that throws (rather than returning outcomes) means for its batch
 */
public record RetryPolicy(int maxAttempts, Duration backoff, double multiplier, Duration backoffMax,
                          OnConsumerFailure onConsumerFailure) {

    /** How long a held batch waits before it is delivered again: long enough not to hammer a database that is down. */
    static final Duration HOLD_PAUSE = Duration.ofSeconds(2);

    /**
     * A consumer that throws (the database out of reach, its schema wrong) is not the records' fault. What follows
     * depends on where the records wait, which is why it is a limit of the policy and not a second decision.
     */
    public enum OnConsumerFailure {
        /**
         * The publisher waits for the batch (in-process): it is tried again like a record, spending an attempt, and
         * once the attempts are spent the publish fails, so the chunk is not committed and its records wait unread
         * for the resumed run instead of being parked with every other one.
         */
        RETRY_THEN_FAIL,
        /**
         * The messages wait safely in a queue (broker): the batch is put back after a pause as often as it takes,
         * spending no attempt, so an outage longer than the retry budget parks nothing.
         */
        HOLD
    }

    /** The embedded transport's: short backoffs, since a chunk of the import waits for its records. */
    public static RetryPolicy inProcess(int maxAttempts) {
        return new RetryPolicy(maxAttempts, Duration.ofMillis(50), 3.0, Duration.ofSeconds(2),
                OnConsumerFailure.RETRY_THEN_FAIL);
    }

    /** A feed's on a broker: {@code maxRetries} after the first delivery, the backoff doubling up to its maximum. */
    public static RetryPolicy of(DeliveryDefinition delivery) {
        return new RetryPolicy(delivery.maxRetries() + 1, delivery.backoff(), 2.0, delivery.backoffMax(),
                OnConsumerFailure.HOLD);
    }

    /** What becomes of a record the consumer returned {@code outcome} for, on delivery number {@code attempt}. */
    public Decision decide(int attempt, Outcome outcome) {
        return switch (outcome.kind()) {
            case ACK -> Decision.ack();
            case REJECT -> Decision.reject(outcome.reason());
            case RETRY -> attempt < maxAttempts ? Decision.retry(delayAfter(attempt), outcome.reason())
                    : Decision.park("gave up after " + attempt + " attempts: " + outcome.reason());
        };
    }

    /** What becomes of a batch whose consumer threw {@code failure} on delivery number {@code attempt}. */
    public Decision decide(int attempt, RuntimeException failure) {
        String reason = Messages.firstLine(failure);
        if (onConsumerFailure == OnConsumerFailure.HOLD) {
            return Decision.hold(HOLD_PAUSE, reason);
        }
        return attempt < maxAttempts ? Decision.retry(delayAfter(attempt), reason) : Decision.fail(reason);
    }

    /** A message that cannot be read as a record never will be: parked at once, so someone can look at it. */
    public Decision notARecord(String problem) {
        return Decision.park("not a record message: " + problem);
    }

    /** The delay between delivery number {@code attempt} and the next: the backoff, multiplied per retry, capped. */
    public Duration delayAfter(int attempt) {
        double millis = backoff.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
        return Duration.ofMillis((long) Math.min(millis, backoffMax.toMillis()));
    }
}
