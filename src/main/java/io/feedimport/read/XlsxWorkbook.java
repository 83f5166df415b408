package io.feedimport.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

import io.feedimport.feed.SheetFormat;
import io.feedimport.feed.SheetLimits;
import io.feedimport.feed.XmlLimits;
import io.feedimport.support.Messages;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.codehaus.stax2.XMLInputFactory2;
import org.codehaus.stax2.XMLStreamReader2;
import org.xml.sax.SAXException;

/**
 * An XLSX workbook opened read-only for streaming one sheet: the workbook part's sheet list and date system, the
 * shared strings (held in memory, one copy of each distinct text, bounded by maxSharedStringsSize), the cell styles and
 * the chosen sheet's XML, each part guarded by the feed's zip-bomb limits. Never a whole workbook model.
 */
final class XlsxWorkbook implements AutoCloseable {

    private static final String RELATIONSHIPS_NS = "relationships";

    final String sheetName;
    final boolean date1904;
    final SharedStrings strings;
    final StylesTable styles;
    final XMLStreamReader2 sheet;
    final SheetLimits limits;
    private final OPCPackage pkg;

    private XlsxWorkbook(OPCPackage pkg, SheetLimits limits, String sheetName, boolean date1904, SharedStrings strings,
                         StylesTable styles, XMLStreamReader2 sheet) {
        this.pkg = pkg;
        this.limits = limits;
        this.sheetName = sheetName;
        this.date1904 = date1904;
        this.strings = strings;
        this.styles = styles;
        this.sheet = sheet;
    }

    static XlsxWorkbook open(Path path, SheetFormat format) {
        String file = path.toString();
        SheetLimits limits = format.sheetLimits();
        XmlLimits parts = XmlLimits.DEFAULT;
        // no text node of the workbook's XML may outgrow a cell's limit: the parser would hold it whole
        XMLInputFactory2 xml = SecureXmlInputFactory.create(new XmlLimits(parts.maxDepth(), parts.maxAttributes(),
                (int) Math.min(limits.maxTextSize(), Integer.MAX_VALUE), parts.maxAttributeSize()));
        ZipLimits.acquire(limits);
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(path.toFile(), PackageAccess.READ);
            new XSSFReader(pkg); // refuses packages without a core document, and Strict OOXML, which POI cannot read
            PackagePart workbook = pkg.getPart(pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT).getRelationship(0));
            if (!workbook.getContentType().contains("spreadsheetml") && !workbook.getContentType().contains("ms-excel")) {
                throw new InputException(file + ": is an Office document but not an Excel workbook (its main part is "
                        + workbook.getContentType() + ")", true, null);
            }
            List<SheetChoice.Sheet> sheets = new ArrayList<>();
            List<String> relations = new ArrayList<>();
            boolean date1904 = readWorkbook(xml, ZipLimits.open(workbook, limits), sheets, relations);
            int chosen = SheetChoice.choose(file, format.sheet(), sheets);
            PackageRelationship relation = workbook.getRelationship(relations.get(chosen));
            PackagePart sheetPart = relation == null ? null : workbook.getRelatedPart(relation);
            if (sheetPart == null) {
                throw new InputException(file + ": sheet " + sheets.get(chosen) + " is listed but its part is missing", false, null);
            }
            SharedStrings strings = new ReadOnlySharedStringsTable(part(pkg, XSSFRelation.SHARED_STRINGS, limits), false);
            InputStream stylesData = part(pkg, XSSFRelation.STYLES, limits);
            StylesTable styles = stylesData == null ? null : new StylesTable(stylesData);
            XMLStreamReader2 sheet = (XMLStreamReader2) xml.createXMLStreamReader(ZipLimits.open(sheetPart, limits));
            return new XlsxWorkbook(pkg, limits, sheets.get(chosen).name(), date1904, strings, styles, sheet);
        } catch (InputException e) {
            abandon(pkg, limits);
            throw e;
        } catch (IOException | OpenXML4JException | SAXException | XMLStreamException | POIXMLException
                 | OpenXML4JRuntimeException | IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException e) {
            abandon(pkg, limits);
            InputException bomb = ZipLimits.exceeded(file, limits, e);
            throw bomb != null ? bomb
                    : new InputException(file + ": is not a readable XLSX workbook, it may be truncated or corrupt ("
                            + Messages.firstLine(e) + ")", true, e);
        }
    }

    /** The first part of the relation's content type, guarded; an empty stream when the workbook has none. */
    private static InputStream part(OPCPackage pkg, XSSFRelation relation, SheetLimits limits) throws IOException {
        List<PackagePart> parts = pkg.getPartsByContentType(relation.getContentType());
        if (parts.isEmpty()) {
            return relation == XSSFRelation.STYLES ? null : InputStream.nullInputStream();
        }
        return relation == XSSFRelation.SHARED_STRINGS ? ZipLimits.openSharedStrings(parts.get(0), limits)
                : ZipLimits.open(parts.get(0), limits);
    }

    /** Reads the sheet list, in workbook order, and whether dates count from 1904. */
    private static boolean readWorkbook(XMLInputFactory2 factory, InputStream data, List<SheetChoice.Sheet> sheets,
                                        List<String> relations) throws XMLStreamException, IOException {
        boolean date1904 = false;
        XMLStreamReader2 xml = (XMLStreamReader2) factory.createXMLStreamReader(data);
        try {
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if ("workbookPr".equals(xml.getLocalName())) {
                    String value = xml.getAttributeValue(null, "date1904");
                    date1904 = "1".equals(value) || "true".equals(value);
                } else if ("sheet".equals(xml.getLocalName())) {
                    String state = xml.getAttributeValue(null, "state");
                    sheets.add(new SheetChoice.Sheet(xml.getAttributeValue(null, "name"),
                            "hidden".equals(state) || "veryHidden".equals(state)));
                    relations.add(relationId(xml));
                }
            }
        } finally {
            xml.close();
            data.close();
        }
        return date1904;
    }

    /** The r:id attribute, in the transitional or the strict relationships namespace. */
    private static String relationId(XMLStreamReader2 xml) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String namespace = xml.getAttributeNamespace(i);
            if ("id".equals(xml.getAttributeLocalName(i)) && namespace != null && namespace.endsWith(RELATIONSHIPS_NS)) {
                return xml.getAttributeValue(i);
            }
        }
        return "";
    }

    static void abandon(OPCPackage pkg, SheetLimits limits) {
        if (pkg != null) {
            pkg.revert();
        }
        ZipLimits.release(limits);
    }

    @Override
    public void close() {
        try {
            sheet.close();
        } catch (XMLStreamException ignored) {
            // a sheet we stop reading cannot lose data
        }
        abandon(pkg, limits);
    }
}
