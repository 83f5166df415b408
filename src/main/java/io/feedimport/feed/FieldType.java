package io.feedimport.feed;

import java.util.Locale;
import java.util.Optional;

/** The value types a feed field can declare; each knows which rules make sense for it. */
public enum FieldType {
    STRING, INTEGER, DECIMAL, BOOLEAN, DATE, DATETIME, ENUM;

    public static Optional<FieldType> parse(String text) {
        for (FieldType type : values()) {
            if (type.name().equalsIgnoreCase(text)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** Types whose values have an order, so min, max and target.version apply. */
    public boolean isOrdered() {
        return this == INTEGER || this == DECIMAL || this == DATE || this == DATETIME;
    }

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
