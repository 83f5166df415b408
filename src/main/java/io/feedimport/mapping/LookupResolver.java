package io.feedimport.mapping;

import io.feedimport.feed.LookupDefinition;

/** Turns a field's raw value into the id of the reference row it names, as its lookup declares. */
@FunctionalInterface
public interface LookupResolver {

    /** Resolves nothing: for feeds without lookups. */
    LookupResolver NONE = (lookup, raw) -> {
        throw new IllegalStateException("lookup " + lookup.name() + " used without a resolver");
    };

    /**
     * @return the id, or null when the value is to be stored empty
     * @throws LookupRejectedException when the value names no row and the lookup rejects such records
     */
    Long resolve(LookupDefinition lookup, String raw);
}
