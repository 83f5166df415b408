package io.feedimport.feed;

/**
 * A spreadsheet feed's format, the same settings for XLSX and XLS: the sheet (null: the first visible one; digits:
 * its 1-based position; else its name), the header row (1-based; 0 when there is none), each row after it being one
 * record, and the guards against zip bombs and oversized cells.
 *
 * @param type {@link #XLSX} or {@link #XLS}
 */
public record SheetFormat(String type, String sheet, int headerRow, SheetLimits sheetLimits) implements FormatDefinition {

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
