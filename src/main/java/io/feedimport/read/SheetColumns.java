package io.feedimport.read;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Collectors;

import io.feedimport.feed.FieldDefinition;
import io.feedimport.feed.SheetFormat;

/**
 * Finds the column of each field of a sheet feed: by its letter (A is the first column), or by the header row's text
 * (trimmed, case-insensitive; the first column with that text wins). A header the sheet lacks fails the run before its
 * first record; it is never taken for a letter, which would read column ID of a sheet whose "Id" header was renamed.
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
        String likeALetter = null;
        for (int i = 0; i < fields.size(); i++) {
            FieldDefinition field = fields.get(i);
            if (field.computed()) {
                columns[i] = -1; // nothing in the sheet: the validator computes it
                continue;
            }
            if (field.sheetLetter() != null) {
                columns[i] = SheetFormat.columnOfLetters(field.sheetLetter());
                continue;
            }
            Integer column = byText.get(key(field.sheetColumn()));
            columns[i] = column == null ? -1 : column;
            if (column == null) {
                unknown.add("'" + field.sheetColumn() + "'");
                if (likeALetter == null && SheetFormat.columnOfLetters(field.sheetColumn().strip()) >= 0) {
                    likeALetter = field.sheetColumn().strip();
                }
            }
        }
        if (unknown.isEmpty()) {
            return columns;
        }
        String missing = String.join(", ", unknown);
        if (headerRow == 0) {
            // the definition refuses this; kept for a definition built otherwise
            throw new InputException(file + ": sheet '" + sheet + "' has no header row (format.headerRow: 0), so columns "
                    + "are named by letter (letter: A), not by header as " + missing, false, null);
        }
        if (headers.isEmpty()) {
            throw new InputException(file + ": sheet '" + sheet + "' row " + headerRow + ", the header row (format.headerRow),"
                    + " is empty, so no column is headed " + missing, false, null);
        }
        // a definition written when a missing header fell back to a letter says which it meant
        String hint = likeALetter == null ? "" : " ('" + likeALetter + "' is a header; for column "
                + likeALetter.toUpperCase(Locale.ROOT) + " by its letter, write letter: " + likeALetter.toUpperCase(Locale.ROOT) + ")";
        throw new InputException(file + ": sheet '" + sheet + "' has no column headed " + missing + " in row " + headerRow
                + " (the header row); its headers are " + listed(headers) + hint, false, null);
    }

    private static String key(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
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
