package io.feedimport.feed;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The value types a feed field can declare. Each type carries all its handling, from the definition to the target
 * table: which rules make sense for it, how a text value parses into its Java value, how that value binds to and reads
 * back from JDBC, which column type it takes per SQL dialect, and how two of its values compare as keys and versions.
 * So adding a type is adding one constant here.
 */
public enum FieldType {

    STRING(String.class, Types.VARCHAR, null) {
        @Override
        public Object parse(String text, DateTimeFormatter format) {
            return text;
        }

        @Override
        public String columnType(FieldDefinition field, ColumnTypes dialect) {
            // past a million characters a bounded VARCHAR buys nothing, and PostgreSQL caps it at about ten million
            return field.maxLength() == null || field.maxLength() > 1_000_000
                    ? dialect.longText() : "VARCHAR(" + field.maxLength() + ")";
        }
    },
    INTEGER(Long.class, Types.BIGINT, "BIGINT") {
        @Override
        public Object parse(String text, DateTimeFormatter format) {
            return ValueParser.integer(text);
        }

        @Override
        public Object keyForm(Object value) {
            return value instanceof Integer number ? number.longValue() : value;
        }
    },
    DECIMAL(BigDecimal.class, Types.NUMERIC, null) {
        @Override
        public Object parse(String text, DateTimeFormatter format) {
            return ValueParser.decimal(text);
        }

        @Override
        public String columnType(FieldDefinition field, ColumnTypes dialect) {
            return dialect.decimal();
        }

        /** 1200.50 and 1200.5 are one key, as they are to the database. */
        @Override
        public Object keyForm(Object value) {
            if (value instanceof BigDecimal decimal) {
                return decimal.signum() == 0 ? BigDecimal.ZERO : decimal.stripTrailingZeros();
            }
            return value;
        }
    },
    BOOLEAN(Boolean.class, Types.BOOLEAN, "BOOLEAN") {
        @Override
        public Object parse(String text, DateTimeFormatter format) {
            return ValueParser.bool(text);
        }
    },
    DATE(LocalDate.class, Types.DATE, "DATE") {
        @Override
        public Object parse(String text, DateTimeFormatter format) {
            return ValueParser.date(text, format);
        }
    },
    DATETIME(OffsetDateTime.class, Types.TIMESTAMP_WITH_TIMEZONE, "TIMESTAMP WITH TIME ZONE") {
        @Override
        public Object parse(String text, DateTimeFormatter format) {
            return ValueParser.dateTime(text, format);
        }

        /** One instant is one key, whatever offset the driver hands back. */
        @Override
        public Object keyForm(Object value) {
            return value instanceof OffsetDateTime time ? time.toInstant() : value;
        }

        @Override
        public int compareVersions(Object incoming, Object stored) {
            if (incoming instanceof OffsetDateTime a && stored instanceof OffsetDateTime b) {
                return a.toInstant().compareTo(b.toInstant());
            }
            return super.compareVersions(incoming, stored);
        }
    },
    ENUM(String.class, Types.VARCHAR, null) {
        @Override
        public Object parse(String text, DateTimeFormatter format) {
            return text;
        }

        @Override
        public String columnType(FieldDefinition field, ColumnTypes dialect) {
            return "VARCHAR(" + field.values().stream().mapToInt(String::length).max().orElse(1) + ")";
        }
    };

    /** The column types that differ between the SQL dialects feedimport runs on. */
    public interface ColumnTypes {

        String decimal();

        /** Text of any length. */
        String longText();
    }

    private final Class<?> javaType;
    private final int sqlType;
    private final String columnType;

    /** @param columnType the column type where it is the same in every dialect; else the constant computes it */
    FieldType(Class<?> javaType, int sqlType, String columnType) {
        this.javaType = javaType;
        this.sqlType = sqlType;
        this.columnType = columnType;
    }

    public static Optional<FieldType> parse(String text) {
        for (FieldType type : values()) {
            if (type.name().equalsIgnoreCase(text)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /**
     * The typed value of a field's text. Date-times without an offset are taken as UTC.
     *
     * @param format the declared date pattern of a date or date-time field, or null for ISO-8601
     * @throws IllegalArgumentException with a short, user-facing reason when the text is not of the type
     */
    public abstract Object parse(String text, DateTimeFormatter format);

    /** The class a value of this type has, asked of JDBC when reading it back ({@code getObject(column, type)}). */
    public Class<?> javaType() {
        return javaType;
    }

    /** The {@link Types} constant a value binds as: explicit, so that a null costs no parameter-metadata round trip. */
    public int sqlType() {
        return sqlType;
    }

    /** The column type of a field of this type in a dialect's {@code CREATE TABLE}. */
    public String columnType(FieldDefinition field, ColumnTypes dialect) {
        return columnType;
    }

    /** A form of a value whose equals() agrees with the database's, so that a key read back finds its incoming row. */
    public Object keyForm(Object value) {
        return value;
    }

    /** Orders an incoming version against the stored one, as {@link Comparable#compareTo} does. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public int compareVersions(Object incoming, Object stored) {
        return ((Comparable) incoming).compareTo(stored);
    }

    /** Types whose values have an order, so min, max and target.version apply. */
    public boolean isOrdered() {
        return this == INTEGER || this == DECIMAL || this == DATE || this == DATETIME;
    }

    /** Types whose text may follow a declared pattern ({@code format}) rather than ISO-8601. */
    public boolean takesFormat() {
        return this == DATE || this == DATETIME;
    }

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
