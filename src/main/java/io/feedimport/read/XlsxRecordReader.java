package io.feedimport.read;

import java.nio.file.Path;

import javax.xml.stream.XMLStreamException;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.SheetFormat;
import io.feedimport.feed.SheetLimits;
import io.feedimport.support.Messages;

/**
 * Streams the rows of one sheet of an XLSX workbook as records: the package is opened read-only from the file and the
 * sheet's XML is pulled row by row, so memory stays flat however many rows the sheet has (only the workbook's
 * distinct shared strings are held). Cells are read as {@link SheetCells} describes.
 */
public final class XlsxRecordReader implements RecordReader {

    private final String file;
    private final SheetLimits limits;
    private final XlsxWorkbook workbook;
    private final XlsxSheetParser parser;
    private final SheetRows rows;

    private XlsxRecordReader(FeedDefinition feed, SheetFormat format, String file, XlsxWorkbook workbook) {
        this.file = file;
        this.limits = format.sheetLimits();
        this.workbook = workbook;
        this.parser = new XlsxSheetParser(workbook, file);
        this.rows = new SheetRows(feed, format.headerRow(), file, workbook.sheetName);
    }

    /** Opens the workbook and finds the feed's sheet; refuses missing, empty, corrupt and non-XLSX files. */
    public static XlsxRecordReader open(FeedDefinition feed, Path path) {
        InputFiles.requireReadable(path);
        SheetFormat format = (SheetFormat) feed.format(); // registered for xlsx, whose variant this is
        XlsxWorkbook workbook = XlsxWorkbook.open(path, format);
        try {
            return new XlsxRecordReader(feed, format, path.toString(), workbook);
        } catch (RuntimeException e) {
            workbook.close();
            throw e;
        }
    }

    @Override
    public SourceRecord read() {
        return next(true) ? rows.record() : null;
    }

    @Override
    public void skip(long records) {
        for (long i = 0; i < records; i++) {
            if (!next(false)) {
                throw InputException.malformed(file, 0, 0, 0, "the sheet ends after " + rows.records()
                        + " records but an earlier attempt of this run had already read " + (rows.records() + records - i), null);
            }
        }
    }

    @Override
    public long position() {
        return rows.records();
    }

    private boolean next(boolean materialize) {
        try {
            return parser.nextRecord(rows, materialize);
        } catch (XMLStreamException e) {
            InputException bomb = ZipLimits.exceeded(file, limits, e);
            if (bomb != null) {
                throw bomb;
            }
            String reason = Messages.firstLine(e.getMessage() == null ? e.toString() : e.getMessage());
            int at = reason.indexOf(" at [");
            throw new InputException(file + ": sheet '" + workbook.sheetName + "' after row " + rows.row()
                    + ": malformed sheet XML, the workbook may be truncated or corrupt: "
                    + (at > 0 ? reason.substring(0, at) : reason).strip(), false, e);
        }
    }

    @Override
    public void close() {
        workbook.close();
    }
}
