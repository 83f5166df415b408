package io.feedimport.read;

import java.io.IOException;
import java.nio.file.Path;
import java.util.zip.ZipFile;

import io.feedimport.feed.SheetLimits;
import io.feedimport.support.Messages;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;

/**
 * Tells, before a run is registered, whether a zip file is an Excel workbook: every zip starts with the bytes of an
 * XLSX file, so only its package (content types and relationships; no sheet is read) says whether it is a workbook,
 * another Office document, a plain zip or a broken one.
 */
final class XlsxPackageCheck {

    private static final String NO_CONTENT_TYPES =
            "is a zip archive but not an XLSX workbook (it has no [Content_Types].xml, which every Office document has)";

    private XlsxPackageCheck() {
    }

    /** @return what the file is instead, in a few words; null when it is an XLSX workbook */
    static String notAWorkbook(Path path, SheetLimits limits) {
        ZipLimits.acquire(limits);
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(path.toFile(), PackageAccess.READ);
            PackageRelationshipCollection main = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT);
            PackagePart part = main.isEmpty() ? null : pkg.getPart(main.getRelationship(0));
            if (part == null) {
                return "is a zip archive but not an XLSX workbook (it has no main document)";
            }
            String type = part.getContentType();
            return type.contains("spreadsheetml") || type.contains("ms-excel") ? null
                    : "is an Office document but not an Excel workbook (its main part is " + type + ")";
        } catch (OpenXML4JException | POIXMLException | OpenXML4JRuntimeException | IllegalArgumentException
                 | IllegalStateException | IndexOutOfBoundsException e) {
            if (lacksContentTypes(path)) {
                return NO_CONTENT_TYPES;
            }
            InputException bomb = ZipLimits.exceeded(path.toString(), limits, e);
            return bomb != null ? bomb.getMessage().substring(path.toString().length() + 2)
                    : "is not a readable XLSX workbook, it may be truncated or corrupt (" + Messages.firstLine(e) + ")";
        } finally {
            XlsxWorkbook.abandon(pkg, limits);
        }
    }

    /** Whether the file is a readable zip without the part every Office document has; POI does not say so apart. */
    private static boolean lacksContentTypes(Path path) {
        try (ZipFile zip = new ZipFile(path.toFile())) {
            return zip.getEntry("[Content_Types].xml") == null;
        } catch (IOException e) {
            return false; // not even a readable zip: truncated or corrupt
        }
    }
}
