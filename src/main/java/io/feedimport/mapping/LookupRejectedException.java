package io.feedimport.mapping;

/** A field's value names no reference row, and its lookup says {@code onMissing: reject}. */
public final class LookupRejectedException extends MappingException {

    public LookupRejectedException(String reason) {
        this(null, null, reason);
    }

    public LookupRejectedException(String field, String value, String reason) {
        super("lookup", field, value, reason);
    }
}
