package io.feedimport.read;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Collectors;

import io.feedimport.feed.FieldDefinition;

/**
 * Finds the column of each field of a sheet feed: by the header row's text (trimmed, case-insensitive; the first
 * column with that text wins), or, when no header has the text, by column letter (A is the first column).
 */
final class SheetColumns {

    private static final int MAX_LISTED = 30;

    private SheetColumns() {
    }

    /**
     * @param headers the header row's non-blank cell texts by 0-based column; empty when there is no header row
     * @return the 0-based column of each field, in definition order
     */
    static int[] resolve(String file, String sheet, int headerRow, List<FieldDefinition> fields, SortedMap<Integer, String> headers) {
        Map<String, Integer> byText = new HashMap<>();
        headers.forEach((column, text) -> byText.putIfAbsent(key(text), column));
        int[] columns = new int[fields.size()];
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            String wanted = columnOf(fields.get(i));
            Integer column = byText.get(key(wanted));
            columns[i] = column != null ? column : letters(wanted.strip());
            if (columns[i] < 0) {
                unknown.add("'" + wanted + "'");
            }
        }
        if (unknown.isEmpty()) {
            return columns;
        }
        String missing = String.join(", ", unknown);
        if (headerRow == 0) {
            throw new InputException(file + ": sheet '" + sheet + "' has no header row (format.headerRow: 0), so columns "
                    + "are letters such as A or AB, not " + missing, false, null);
        }
        if (headers.isEmpty()) {
            throw new InputException(file + ": sheet '" + sheet + "' row " + headerRow + ", the header row (format.headerRow),"
                    + " is empty, so no column is headed " + missing, false, null);
        }
        throw new InputException(file + ": sheet '" + sheet + "' has no column headed " + missing + " in row " + headerRow
                + " (the header row); its headers are " + listed(headers), false, null);
    }

    /** A field names its column in the definition; a field without one is looked up by its own name. */
    private static String columnOf(FieldDefinition field) {
        return field.sheetColumn() != null ? field.sheetColumn() : field.name();
    }

    private static String key(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }

    /** @return the 0-based column of 1 to 3 letters A-Z in either case, or -1 when the text is no column letter */
    static int letters(String text) {
        if (text.isEmpty() || text.length() > 3) {
            return -1;
        }
        int column = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toUpperCase(text.charAt(i));
            if (c < 'A' || c > 'Z') {
                return -1;
            }
            column = column * 26 + (c - 'A' + 1);
        }
        return column - 1;
    }

    /** @return the 0-based column of a cell reference such as "AB12", or -1 when it starts with no letter */
    static int ofReference(String reference) {
        int column = 0;
        int i = 0;
        for (; i < reference.length(); i++) {
            char c = reference.charAt(i);
            if (c < 'A' || c > 'Z') {
                break;
            }
            column = column * 26 + (c - 'A' + 1);
        }
        return i == 0 ? -1 : column - 1;
    }

    private static String listed(SortedMap<Integer, String> headers) {
        String shown = headers.values().stream().limit(MAX_LISTED).map(h -> "'" + h + "'").collect(Collectors.joining(", "));
        return headers.size() > MAX_LISTED ? shown + " and " + (headers.size() - MAX_LISTED) + " more" : shown;
    }
}
