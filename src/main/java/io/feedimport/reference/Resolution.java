package io.feedimport.reference;

import java.util.Objects;

/** What a lookup made of one raw value: the referenced integer id (FOUND, CREATED), no id (NULL), or a rejection with its reason. */
public record Resolution(Kind kind, Long value, String reason) {

    /** How the value was resolved. */
    public enum Kind { FOUND, CREATED, NULL, REJECTED }

    public Resolution {
        Objects.requireNonNull(kind, "kind");
        boolean hasId = kind == Kind.FOUND || kind == Kind.CREATED;
        if (hasId != (value != null)) {
            throw new IllegalArgumentException(kind + (hasId ? " needs" : " takes no") + " value");
        }
        if (kind == Kind.REJECTED && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("REJECTED needs a reason");
        }
    }

    public static Resolution found(long id) {
        return new Resolution(Kind.FOUND, id, null);
    }

    public static Resolution created(long id) {
        return new Resolution(Kind.CREATED, id, null);
    }

    /** No id; reason says why when a lookup was made and missed, and is null when there was nothing to look up. */
    public static Resolution nullValue(String reason) {
        return new Resolution(Kind.NULL, null, reason);
    }

    public static Resolution rejected(String reason) {
        return new Resolution(Kind.REJECTED, null, reason);
    }

    public boolean isRejected() {
        return kind == Kind.REJECTED;
    }
}
