package io.feedimport.read;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.feedimport.feed.SheetFormat;
import io.feedimport.feed.SheetLimits;
import io.feedimport.support.Messages;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.eventusermodel.FormatTrackingHSSFListener;
import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.BoundSheetRecord;
import org.apache.poi.hssf.record.DateWindow1904Record;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.hssf.record.RecordFactoryInputStream;
import org.apache.poi.hssf.record.SSTRecord;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * An XLS (BIFF8) workbook opened for reading one sheet through POI's record stream: the workbook globals (sheet list
 * with hidden state, date system, shared strings, number formats) are read, then the stream is left at the chosen
 * sheet's records. Never a whole workbook model.
 */
final class XlsWorkbook implements AutoCloseable {

    final String file;
    final String sheetName;
    final boolean date1904;
    final SSTRecord strings;
    final FormatTrackingHSSFListener formats;
    /** The most characters a cell may hold (format.limits.maxTextSize). */
    final long maxTextSize;
    private final POIFSFileSystem fs;
    private final RecordFactoryInputStream records;

    private XlsWorkbook(String file, POIFSFileSystem fs, RecordFactoryInputStream records, String sheetName, boolean date1904,
                        SSTRecord strings, FormatTrackingHSSFListener formats, long maxTextSize) {
        this.file = file;
        this.maxTextSize = maxTextSize;
        this.fs = fs;
        this.records = records;
        this.sheetName = sheetName;
        this.date1904 = date1904;
        this.strings = strings;
        this.formats = formats;
    }

    static XlsWorkbook open(Path path, SheetFormat format) {
        String file = path.toString();
        POIFSFileSystem fs = null;
        try {
            fs = new POIFSFileSystem(path.toFile(), true);
            RecordFactoryInputStream records = new RecordFactoryInputStream(fs.createDocumentInputStream(workbookEntry(file, fs)), false);
            // the number formats and cell styles are all in the globals; the listener only tracks them
            FormatTrackingHSSFListener formats = new FormatTrackingHSSFListener(record -> { }, Locale.ROOT);
            List<BoundSheetRecord> bound = new ArrayList<>();
            SSTRecord strings = null;
            boolean date1904 = false;
            for (Record record = records.nextRecord(); !(record instanceof EOFRecord); record = records.nextRecord()) {
                if (record == null) {
                    throw new InputException(file + ": the workbook ends inside its globals; it may be truncated", true, null);
                }
                formats.processRecord(record);
                if (record instanceof BoundSheetRecord sheet) {
                    bound.add(sheet);
                } else if (record instanceof SSTRecord sst) {
                    strings = sst;
                } else if (record instanceof DateWindow1904Record window) {
                    date1904 = window.getWindowing() == 1;
                }
            }
            int chosen = SheetChoice.choose(file, format.sheet(), bound.stream()
                    .map(b -> new SheetChoice.Sheet(b.getSheetname(), b.isHidden() || b.isVeryHidden())).toList());
            String name = bound.get(chosen).getSheetname();
            // sheets' records follow the globals in the order of their stream offsets, not the workbook's tab order
            int substream = Arrays.asList(BoundSheetRecord.orderByBofPosition(bound)).indexOf(bound.get(chosen));
            for (int i = 0; i < substream; i++) {
                skipSubstream(file, name, records);
            }
            if (!(records.nextRecord() instanceof BOFRecord)) {
                throw new InputException(file + ": sheet '" + name + "' is listed but its rows are missing", false, null);
            }
            SheetLimits limits = format.sheetLimits();
            return new XlsWorkbook(file, fs, records, name, date1904, strings, formats, limits.maxTextSize());
        } catch (InputException e) {
            closeQuietly(fs);
            throw e;
        } catch (EncryptedDocumentException e) {
            closeQuietly(fs);
            throw new InputException(file + ": is password-protected (encrypted); save it without a password", true, e);
        } catch (OldExcelFormatException e) {
            closeQuietly(fs);
            throw new InputException(file + ": is an Excel 5.0/95 workbook, which cannot be read; save it as .xlsx", true, e);
        } catch (IOException | RuntimeException e) { // any malformed binary content: POI's record parsers throw all kinds
            closeQuietly(fs);
            throw new InputException(file + ": is not a readable XLS workbook, it may be truncated or corrupt ("
                    + Messages.firstLine(e) + ")", true, e);
        }
    }

    private static String workbookEntry(String file, POIFSFileSystem fs) {
        try {
            return HSSFWorkbook.getWorkbookDirEntryName(fs.getRoot());
        } catch (OldExcelFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InputException(file + ": is an Office 97-2003 document but not an Excel workbook (it has no Workbook"
                    + " stream)", true, e);
        }
    }

    /** Moves past one sheet's records, charts embedded in it included. */
    private static void skipSubstream(String file, String name, RecordFactoryInputStream records) {
        int depth = 0;
        do {
            Record record = records.nextRecord();
            if (record == null) {
                throw new InputException(file + ": sheet '" + name + "' is listed but its rows are missing", false, null);
            }
            depth += record instanceof BOFRecord ? 1 : record instanceof EOFRecord ? -1 : 0;
        } while (depth > 0);
    }

    /** The next record of the chosen sheet, embedded charts and the like included; null past the end of the stream. */
    Record nextRecord() {
        return records.nextRecord();
    }

    private static void closeQuietly(POIFSFileSystem fs) {
        if (fs != null) {
            try {
                fs.close();
            } catch (IOException ignored) {
                // the file was only read
            }
        }
    }

    @Override
    public void close() {
        closeQuietly(fs);
    }
}
