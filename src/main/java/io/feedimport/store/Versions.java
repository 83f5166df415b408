package io.feedimport.store;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import io.feedimport.feed.FieldType;

/** Compares versions read back from the database with incoming ones, whatever offset the driver returns. */
final class Versions {

    private Versions() {
    }

    static Class<?> javaType(FieldType type) {
        return switch (type) {
            case INTEGER -> Long.class;
            case DECIMAL -> BigDecimal.class;
            case DATE -> LocalDate.class;
            case DATETIME -> OffsetDateTime.class;
            default -> String.class;
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object incoming, Object stored) {
        if (incoming instanceof OffsetDateTime a && stored instanceof OffsetDateTime b) {
            return a.toInstant().compareTo(b.toInstant());
        }
        return ((Comparable) incoming).compareTo(stored);
    }
}
