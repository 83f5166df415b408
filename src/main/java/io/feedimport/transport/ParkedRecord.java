package io.feedimport.transport;

import java.time.OffsetDateTime;

/** A parked record as kept for review: where it came from, why it was parked, and its message for replay. */
public record ParkedRecord(long runId, long recordNumber, String feed, int line, String key, int attempts, String reason,
                           String payload, OffsetDateTime parkedAt) {
}
