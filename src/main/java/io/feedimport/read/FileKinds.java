package io.feedimport.read;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import io.feedimport.feed.FormatDefinition;
import io.feedimport.feed.SheetFormat;
import io.feedimport.feed.SheetLimits;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * What a file really is, from its first bytes (and, for a zip or an OLE2 file, its content), against the feed's
 * {@code format.type}: so that an XLS named .xlsx, a zip that is no workbook, or a spreadsheet given to an XML feed,
 * fails with one line saying what the file is and what to do.
 */
final class FileKinds {

    private static final Set<String> WORKBOOK_STREAMS = Set.of("Workbook", "WORKBOOK", "BOOK", "Book");

    private FileKinds() {
    }

    /**
     * @param text whether the feed's format is text, which has no magic number: a file of no known binary kind is
     *             then left to its reader to judge
     * @return what the file is and what to do, when that is not what the feed declares; null when it fits
     */
    static String mismatch(Path file, FormatDefinition format, boolean text) {
        return kind(file, magic(file), format, text);
    }

    /** A zip given to a feed of another format is still opened under a spreadsheet's zip-bomb guards. */
    private static SheetLimits zipLimits(FormatDefinition format) {
        return format instanceof SheetFormat sheet ? sheet.sheetLimits() : SheetLimits.DEFAULT;
    }

    private static FileMagic magic(Path file) {
        try (InputStream input = new BufferedInputStream(Files.newInputStream(file), 64)) {
            return FileMagic.valueOf(input);
        } catch (IOException e) {
            throw InputException.unreadable(file.toString(), "cannot be read: " + e.getMessage());
        }
    }

    private static String kind(Path file, FileMagic magic, FormatDefinition format, boolean text) {
        String declared = format.type();
        String suggested;
        String is;
        switch (magic) {
            case OOXML -> {
                // any zip starts so: only its content says whether it is a workbook
                String not = XlsxPackageCheck.notAWorkbook(file, zipLimits(format));
                if (not != null) {
                    return not;
                }
                suggested = FormatDefinition.XLSX;
                is = "is an XLSX (Excel 2007+) workbook";
            }
            case OLE2 -> {
                if (FormatDefinition.XLS.equals(declared)) {
                    return null; // the XLS reader tells encrypted workbooks and other Office documents apart itself
                }
                return ole2(file, declared);
            }
            case XML -> {
                suggested = FormatDefinition.XML;
                is = "is an XML document";
            }
            case BIFF2, BIFF3, BIFF4 -> {
                return "is an Excel 2.x-4.x workbook, which cannot be read; save it as .xlsx";
            }
            case HTML -> {
                suggested = null;
                is = "is an HTML page, not a workbook (some systems export HTML tables named .xls); export a real .xlsx";
            }
            default -> {
                if (text) {
                    return null; // e.g. XML without a prolog, or in UTF-16: the reader decides
                }
                return "is not an " + declared.toUpperCase(java.util.Locale.ROOT) + " workbook: it is neither a zip"
                        + " (XLSX) nor an OLE2 (XLS) file; a CSV or text export renamed?";
            }
        }
        if (declared.equals(suggested)) {
            return null;
        }
        return suggested == null ? is : is + ", but the feed's format.type is " + declared + "; set format.type: " + suggested;
    }

    private static String ole2(Path file, String declared) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptionInfo")) {
                return "is a password-protected (encrypted) workbook; save it without a password";
            }
            if (root.getEntryNames().stream().noneMatch(WORKBOOK_STREAMS::contains)) {
                return "is an Office 97-2003 document but not an Excel workbook";
            }
        } catch (IOException | RuntimeException e) {
            return "is an OLE2 (Office 97-2003) file that cannot be read (" + io.feedimport.support.Messages.firstLine(e) + ")";
        }
        return "is an XLS (Excel 97-2003) workbook, but the feed's format.type is " + declared + "; set format.type: xls";
    }
}
