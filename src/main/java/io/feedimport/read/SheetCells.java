package io.feedimport.read;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.NumberToTextConverter;

/**
 * Turns spreadsheet cell values into the raw field text both sheet readers hand on, the same for XLSX and XLS:
 * <ul>
 * <li>numbers as plain decimals, as Excel shows them in the General format (15 significant digits, so a computed
 * 0.1+0.2 reads "0.3"), without exponent or trailing zeros: 42 → "42", 1e20 → "100000000000000000000";</li>
 * <li>numbers in a date format as ISO local text: "2026-11-22T10:15:00" (rounded to the second) when the format
 * shows a time of day, even at midnight, so a date-time column never turns into a date on the stroke of 00:00;
 * "2026-11-22" when it shows a date only and the value is a whole day; a value below 1 (a time of day without a
 * date) as "10:15:00";</li>
 * <li>booleans as "true" / "false";</li>
 * <li>text stripped of surrounding whitespace, as the XML reader does; a blank text is a missing value; a text longer
 * than {@code format.limits.maxTextSize} fails the file (see {@link #tooLong}).</li>
 * </ul>
 * Formulas are read by their cached result, converted the same way; a cached error (#DIV/0!, #N/A, ...) is a missing
 * value ({@code null}), like an empty cell, so a required field reports it.
 */
final class SheetCells {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private SheetCells() {
    }

    /**
     * The reason a cell's text is refused when it is longer than the feed's {@code format.limits.maxTextSize}; as a
     * too-long XML text, it fails the file at that row, after the records before it.
     */
    static String tooLong(String cell, long maxTextSize) {
        return "cell " + cell + " holds more than " + maxTextSize + " characters (format.limits.maxTextSize)";
    }

    static String number(double value) {
        if (!Double.isFinite(value)) {
            return null;
        }
        // Excel's own rendering first: it keeps 15 significant digits, which is what the user typed and sees
        return new BigDecimal(NumberToTextConverter.toText(value)).stripTrailingZeros().toPlainString();
    }

    /** Whether a cell's number format makes it a number, a date, or a date with a time of day. */
    enum DateShape {
        NONE, DATE, DATE_TIME;

        static DateShape of(int formatIndex, String format) {
            if (!DateUtil.isADateFormat(formatIndex, format)) {
                return NONE;
            }
            return showsTime(format) ? DATE_TIME : DATE;
        }

        /** Hours or seconds in the format, outside quoted text, escapes and [colour/condition] sections. */
        private static boolean showsTime(String format) {
            if (format == null) {
                return false;
            }
            String plain = format.replaceAll("\"[^\"]*\"|\\\\.|\\[[^\\]]*\\]", "").toLowerCase(Locale.ROOT);
            return plain.indexOf('h') >= 0 || plain.indexOf('s') >= 0;
        }
    }

    /** A number stored in a cell with a date format; values that are no valid Excel date stay numbers. */
    static String date(double value, boolean date1904, DateShape shape) {
        if (!DateUtil.isValidExcelDate(value)) {
            return number(value);
        }
        LocalDateTime time = DateUtil.getLocalDateTime(value, date1904, true);
        if (value < 1) {
            return time.toLocalTime().format(TIME);
        }
        if (shape == DateShape.DATE_TIME) {
            return time.format(DATE_TIME);
        }
        return time.toLocalTime().equals(LocalTime.MIDNIGHT) ? time.toLocalDate().toString() : time.format(DATE_TIME);
    }

    static String bool(boolean value) {
        return value ? "true" : "false";
    }

    /** XLSX stores booleans as "1" and "0". */
    static String bool(String value) {
        return text(value) == null ? null : bool("1".equals(value.strip()) || "true".equalsIgnoreCase(value.strip()));
    }

    static String text(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    /** An ISO 8601 date cell (XLSX type "d", rare): normalised like date-formatted numbers, or kept as written. */
    static String isoDate(String value) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        String local = text.endsWith("Z") ? text.substring(0, text.length() - 1) : text;
        try {
            LocalDateTime time = LocalDateTime.parse(local).withNano(0);
            return time.toLocalTime().equals(LocalTime.MIDNIGHT) ? time.toLocalDate().toString() : time.format(DATE_TIME);
        } catch (DateTimeParseException notADateTime) {
            try {
                return LocalDate.parse(local).toString();
            } catch (DateTimeParseException notADate) {
                return text;
            }
        }
    }
}
