package io.feedimport.feed;

import java.util.Locale;

/**
 * A lookup of a feed: how a field's raw value (an agent's code, a city's name) is turned into the id of a row of a
 * reference table, and what happens when there is no such row. The id is an integer (BIGINT) column.
 *
 * @param keyColumn   the reference table's column the raw value is matched against
 * @param valueColumn the reference table's integer column stored in the entity instead of the raw value
 */
public record LookupDefinition(String name, String table, String keyColumn, String valueColumn, OnMissing onMissing,
                               Normalize normalize) {

    /** What a value without a reference row becomes. */
    public enum OnMissing {
        /** The record is rejected into the skip report, with the lookup's name and the value. */
        REJECT,
        /** The field is stored empty. */
        NULL,
        /** The reference row is created (once, however many workers ask at the same time). */
        CREATE
    }

    /** How raw values are made comparable before the lookup, so "Sofia " and "sofia" find one city. */
    public enum Normalize {
        NONE,
        TRIM,
        /** Lower case (Locale.ROOT), trimmed, inner runs of white space collapsed to one space. */
        LOWERCASE_TRIM
    }

    public String normalized(String raw) {
        if (raw == null) {
            return null;
        }
        return switch (normalize) {
            case NONE -> raw;
            case TRIM -> raw.strip();
            case LOWERCASE_TRIM -> raw.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        };
    }
}
