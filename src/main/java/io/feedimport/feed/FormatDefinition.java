package io.feedimport.feed;

import java.util.List;
import java.util.Map;

/**
 * How records are laid out in the file. XML: the path of the element that is one record, the encoding ({@code auto}
 * honours the BOM and the XML prolog) and declared namespace prefixes. XLSX and XLS: the sheet (null: the first
 * visible one; digits: its 1-based position; else its name) and the header row (1-based; 0 when there is none),
 * each row after it being one record.
 */
public record FormatDefinition(String type, List<PathStep> record, String encoding,
                               Map<String, String> namespaces, XmlLimits limits,
                               String sheet, int headerRow, SheetLimits sheetLimits) {

    public static final String XML = "xml";
    public static final String XLSX = "xlsx";
    public static final String XLS = "xls";

    public static final String AUTO = "auto";

    public FormatDefinition {
        record = List.copyOf(record);
        namespaces = Map.copyOf(namespaces);
    }

    /** Whether records are rows of a spreadsheet rather than elements of an XML document. */
    public boolean isSheet() {
        return XLSX.equals(type) || XLS.equals(type);
    }

    public boolean autoEncoding() {
        return AUTO.equalsIgnoreCase(encoding);
    }

    /** The record path as written in the definition, for messages (for a sheet: where its rows are). */
    public String recordPath() {
        if (isSheet()) {
            return "sheet " + (sheet == null ? "(first visible)" : sheet) + ", rows after row " + headerRow;
        }
        StringBuilder text = new StringBuilder();
        for (PathStep step : record) {
            text.append('/').append(step);
        }
        return text.toString();
    }
}
