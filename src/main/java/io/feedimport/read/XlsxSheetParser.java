package io.feedimport.read;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

import org.codehaus.stax2.XMLStreamReader2;

/**
 * Pulls the rows of one XLSX sheet from its XML ({@code <row r><c r t s><v/><is/></c></row>}) into {@link SheetRows},
 * one row per step, having {@link XlsxCells} convert only the cells a record needs. Holds one row at a time, whatever
 * the sheet's size.
 */
final class XlsxSheetParser {

    private final XlsxWorkbook workbook;
    private final XMLStreamReader2 xml;
    private final String file;
    private final XlsxCells cells;
    private int lastRow;
    private boolean ended;

    XlsxSheetParser(XlsxWorkbook workbook, String file) {
        this.workbook = workbook;
        this.xml = workbook.sheet;
        this.file = file;
        this.cells = new XlsxCells(workbook, file);
    }

    /** Reads rows until one is a record; at the end of the sheet tells the rows so and returns false. */
    boolean nextRecord(SheetRows rows, boolean materialize) throws XMLStreamException {
        while (!ended) {
            if (!nextRow(rows, materialize)) {
                ended = true;
                rows.endSheet();
            } else if (rows.endRow()) {
                return true;
            }
        }
        return false;
    }

    private boolean nextRow(SheetRows rows, boolean materialize) throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if ("row".equals(name)) {
                    readRow(rows, materialize);
                    return true;
                }
                if (!"worksheet".equals(name) && !"sheetData".equals(name)) {
                    xml.skipElement();
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && "sheetData".equals(xml.getLocalName())) {
                return false;
            }
        }
        return false;
    }

    private void readRow(SheetRows rows, boolean materialize) throws XMLStreamException {
        String number = xml.getAttributeValue(null, "r");
        lastRow = number == null ? lastRow + 1 : rowNumber(number);
        rows.startRow(lastRow, materialize);
        int column = -1;
        while (xml.next() != XMLStreamConstants.END_ELEMENT) {
            if (xml.getEventType() == XMLStreamConstants.START_ELEMENT) {
                if ("c".equals(xml.getLocalName())) {
                    column = readCell(rows, column);
                } else {
                    xml.skipElement();
                }
            }
        }
    }

    private int readCell(SheetRows rows, int previous) throws XMLStreamException {
        String reference = xml.getAttributeValue(null, "r");
        int at = reference == null ? -1 : SheetColumns.ofReference(reference);
        int column = at >= 0 ? at : previous + 1;
        String type = xml.getAttributeValue(null, "t");
        String style = xml.getAttributeValue(null, "s");
        String value = null;
        String inline = null;
        try {
            while (xml.next() != XMLStreamConstants.END_ELEMENT) {
                if (xml.getEventType() == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "v" -> value = xml.getElementText();
                        case "is" -> inline = readInline();
                        default -> xml.skipElement(); // the formula itself: its cached result is in <v>
                    }
                }
            }
        } catch (XMLStreamException e) {
            // the parser's text limit is the cell's: it stops a huge text before holding it whole
            if (e.getMessage() != null && e.getMessage().startsWith("Text size limit")) {
                throw bad(SheetCells.tooLong(XlsxCells.cell(lastRow, column), workbook.limits.maxTextSize()));
            }
            throw e;
        }
        if (rows.wants(column)) {
            rows.cell(column, cells.text(type, style, value, inline, lastRow, column));
        } else if (cells.present(type, value, inline, lastRow, column)) {
            rows.present();
        }
        return column;
    }

    /** An inline string: its text, or its rich-text runs' texts, without phonetic guides. */
    private String readInline() throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 0;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "t" -> text.append(xml.getElementText());
                    case "r" -> depth++;
                    default -> xml.skipElement();
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (depth == 0) {
                    return text.toString();
                }
                depth--;
            }
        }
    }

    private int rowNumber(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw bad("malformed sheet XML: row number '" + value + "'");
        }
    }

    private InputException bad(String reason) {
        return new InputException(file + ": sheet '" + workbook.sheetName + "' row " + lastRow + ": " + reason, false, null);
    }
}
