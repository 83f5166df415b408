package io.feedimport.feed;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * The text of typed values: how field text becomes a number, a boolean, a date or a date-time (for
 * {@link FieldType#parse}, which the definition's bounds such as {@code min: 0} and record validation share, so a bound
 * and a value of the same type always parse alike), and the canonical text a typed value is published as.
 * Date-times without an offset are taken as UTC; ERP exports that mean local time should declare an offset.
 */
public final class ValueParser {

    private ValueParser() {
    }

    /** The canonical text of a typed value: what is published and hashed, whatever the file's notation. */
    public static String canonical(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }

    public static DateTimeFormatter formatter(String pattern) {
        return pattern == null ? null : DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
    }

    static Long integer(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number");
        }
    }

    /** Digits a decimal may span before or after the point: 1E999999999 is valid notation but no price. */
    static final int MAX_DECIMAL_DIGITS = 1000;

    static BigDecimal decimal(String text) {
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a decimal number");
        }
        if (value.precision() - value.scale() > MAX_DECIMAL_DIGITS || value.scale() > MAX_DECIMAL_DIGITS) {
            throw new IllegalArgumentException("a decimal number too large or too precise to store");
        }
        return value;
    }

    static Boolean bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "y" -> Boolean.TRUE;
            case "false", "0", "no", "n" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("not a boolean (expected true/false, 1/0, yes/no)");
        };
    }

    static LocalDate date(String text, DateTimeFormatter format) {
        LocalDate fast = format == null ? IsoTimes.date(text) : null;
        if (fast != null) {
            return fast;
        }
        try {
            return format == null ? LocalDate.parse(text) : LocalDate.parse(text, format);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date" + (format == null ? " (expected yyyy-MM-dd)" : " in the declared format"));
        }
    }

    static OffsetDateTime dateTime(String text, DateTimeFormatter format) {
        OffsetDateTime fast = format == null ? IsoTimes.dateTime(text) : null;
        if (fast != null) {
            return fast;
        }
        try {
            DateTimeFormatter parser = format == null ? DateTimeFormatter.ISO_DATE_TIME : format;
            TemporalAccessor parsed = parser.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
            OffsetDateTime value = parsed instanceof OffsetDateTime offset ? offset : ((LocalDateTime) parsed).atOffset(ZoneOffset.UTC);
            return value.withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date-time" + (format == null ? " (expected ISO-8601, e.g. 2026-11-02T08:30:00Z)" : " in the declared format"));
        }
    }
}
