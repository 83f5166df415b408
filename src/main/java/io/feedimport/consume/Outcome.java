package io.feedimport.consume;

/** What a consumer made of one message; the transport acts on it. */
public record Outcome(Kind kind, String reason) {

    public enum Kind {
        /** Handled (stored, found unchanged or outdated, or handled by an earlier delivery): forget the message. */
        ACK,
        /** Failed for a reason that may pass (lock, conflict, timeout, anything unexpected): deliver again later. */
        RETRY,
        /** Can never succeed as it is (mapping impossible, constraint violated): recorded as skipped, never retried. */
        REJECT
    }

    private static final Outcome ACK = new Outcome(Kind.ACK, null);

    public static Outcome ack() {
        return ACK;
    }

    public static Outcome retry(String reason) {
        return new Outcome(Kind.RETRY, reason);
    }

    public static Outcome reject(String reason) {
        return new Outcome(Kind.REJECT, reason);
    }
}
