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
            case BOOLEAN -> Boolean.class;
            default -> String.class;
        };
    }

    /** A form of a key value whose equals() agrees with the database's: 1200.50 and 1200.5 are one key. */
    static Object comparable(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.signum() == 0 ? BigDecimal.ZERO : decimal.stripTrailingZeros();
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof Integer number) {
            return number.longValue();
        }
        return value;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object incoming, Object stored) {
        if (incoming instanceof OffsetDateTime a && stored instanceof OffsetDateTime b) {
            return a.toInstant().compareTo(b.toInstant());
        }
        return ((Comparable) incoming).compareTo(stored);
    }
}
