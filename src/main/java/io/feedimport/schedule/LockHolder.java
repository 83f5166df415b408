package io.feedimport.schedule;

import java.time.Instant;

/** Who holds a feed's lock, since when and until when, as the database's clock tells it. */
public record LockHolder(String holder, Instant acquiredAt, Instant expiresAt) {
}
