package io.feedimport.consume;

/** What a consumer made of one message; the transport acts on it. */
public record Outcome(Kind kind, String reason) {

    public enum Kind {
        /** Handled (stored, found unchanged, or already handled by an earlier delivery): forget the message. */
        ACK,
        /** Failed for a reason that may pass (lock, connection): deliver again later. */
        RETRY,
        /** Can never succeed as it is (bad mapping, constraint): keep it aside for review and replay. */
        PARK
    }

    private static final Outcome ACK = new Outcome(Kind.ACK, null);

    public static Outcome ack() {
        return ACK;
    }

    public static Outcome retry(String reason) {
        return new Outcome(Kind.RETRY, reason);
    }

    public static Outcome park(String reason) {
        return new Outcome(Kind.PARK, reason);
    }
}
