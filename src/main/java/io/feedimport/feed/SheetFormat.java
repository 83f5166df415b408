package io.feedimport.feed;

import java.util.List;
import java.util.Optional;

/**
 * A spreadsheet feed's format, the same settings for XLSX and XLS: the sheet (null: the first visible one; digits:
 * its 1-based position; else its name), the header row (1-based; 0 when there is none), each row after it being one
 * record, and the guards against zip bombs and oversized cells.
 *
 * @param type {@link #XLSX} or {@link #XLS}
 */
public record SheetFormat(String type, String sheet, int headerRow, SheetLimits sheetLimits) implements FormatDefinition {

    /** Excel's last column, XFD. */
    private static final int MAX_COLUMNS = 16_384;

    /** @return the 0-based column of 1 to 3 letters A-Z in either case up to XFD, or -1 when the text is none */
    public static int columnOfLetters(String text) {
        if (text == null || text.isEmpty() || text.length() > 3) {
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
        return column <= MAX_COLUMNS ? column - 1 : -1;
    }

    /** A sheet without a header row has no header to name a column by. */
    @Override
    public Optional<String> problemWith(List<FieldDefinition> fields) {
        List<String> byHeader = fields.stream().filter(f -> f.sheetColumn() != null).map(FieldDefinition::name).toList();
        if (headerRow != 0 || byHeader.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("headerRow is 0, so the sheet has no headers to name a column by: give "
                + String.join(", ", byHeader) + " its column's letter (letter: A) instead of column");
    }

    @Override
    public boolean isSheet() {
        return true;
    }

    @Override
    public String recordPath() {
        return "sheet " + (sheet == null ? "(first visible)" : sheet) + ", rows after row " + headerRow;
    }

    @Override
    public String identity() {
        // as identities were written when one record held every format's settings: a run resumes across the change
        return type + '|' + recordPath() + "|null|{}\n" + sheet + '|' + headerRow + '\n';
    }
}
