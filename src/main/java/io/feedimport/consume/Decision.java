package io.feedimport.consume;

import java.time.Duration;

/**
 * What a transport does with a delivery, as {@link RetryPolicy} decided it: a plain value, so the decision is
 * specified without a broker and carried out by each transport in its own way.
 *
 * @param delay  before the next delivery ({@link Kind#RETRY}, {@link Kind#HOLD}); zero otherwise
 * @param reason what the consumer said ({@link Kind#REJECT}, {@link Kind#RETRY}), or why the record is parked
 *               ({@link Kind#PARK}) or the batch given up ({@link Kind#FAIL}); null for {@link Kind#ACK}
 */
public record Decision(Kind kind, Duration delay, String reason) {

    public enum Kind {
        /** Handled: the message is settled. */
        ACK,
        /** Can never succeed as it is; the consumer recorded it as skipped: the message is settled, never retried. */
        REJECT,
        /** Delivered again after the delay, as the next attempt. */
        RETRY,
        /** Out of attempts: kept in the parking lot with the reason, for review and replay. */
        PARK,
        /** The consumer failed, not the records: the batch is delivered again after the delay, spending no attempt. */
        HOLD,
        /** The consumer failed too often: delivery stops and the failure goes to whoever waits for the batch. */
        FAIL
    }

    private static final Decision ACK = new Decision(Kind.ACK, Duration.ZERO, null);

    public static Decision ack() {
        return ACK;
    }

    public static Decision reject(String reason) {
        return new Decision(Kind.REJECT, Duration.ZERO, reason);
    }

    public static Decision retry(Duration delay, String reason) {
        return new Decision(Kind.RETRY, delay, reason);
    }

    public static Decision park(String reason) {
        return new Decision(Kind.PARK, Duration.ZERO, reason);
    }

    public static Decision hold(Duration pause, String reason) {
        return new Decision(Kind.HOLD, pause, reason);
    }

    public static Decision fail(String reason) {
        return new Decision(Kind.FAIL, Duration.ZERO, reason);
    }
}
