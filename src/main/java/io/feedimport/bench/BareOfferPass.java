package io.feedimport.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

import io.feedimport.feed.XmlLimits;
import io.feedimport.read.SecureXmlInputFactory;
import io.feedimport.read.SourceRecord;
import org.codehaus.stax2.XMLStreamReader2;

/**
 * A hand-written Woodstox cursor loop that knows the offers layout by heart and builds the same records as the
 * engine for jobs/offers-xml.yml, with no definition, no path matching and no validation: the fastest honest pass.
 */
public final class BareOfferPass {

    static final List<String> FIELDS = List.of("id", "kind", "title", "description", "price", "currency", "rooms", "area",
            "city", "district", "agentId", "agentName", "email", "furnished", "availableFrom", "updatedAt");

    private BareOfferPass() {
    }

    /** @return the number of records built */
    public static long run(Path file) throws IOException, XMLStreamException {
        long records = 0;
        String name = file.toString();
        try (InputStream input = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            XMLStreamReader2 xml = (XMLStreamReader2) SecureXmlInputFactory.create(XmlLimits.DEFAULT).createXMLStreamReader(input);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("offer")) {
                    records++;
                    SourceRecord record = offer(xml, name, records);
                    if (record.values().length != FIELDS.size()) {
                        throw new IllegalStateException("unreachable: keeps the record alive for the JIT");
                    }
                }
            }
            xml.close();
        }
        return records;
    }

    private static SourceRecord offer(XMLStreamReader2 xml, String file, long number) throws XMLStreamException {
        int line = xml.getLocation().getLineNumber();
        int column = xml.getLocation().getColumnNumber();
        String[] v = new String[FIELDS.size()];
        v[0] = xml.getAttributeValue(null, "id");
        v[1] = xml.getAttributeValue(null, "type");
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            switch (xml.getLocalName()) {
                case "title" -> v[2] = text(xml);
                case "description" -> v[3] = text(xml);
                case "price" -> {
                    v[5] = xml.getAttributeValue(null, "currency");
                    v[4] = text(xml);
                }
                case "rooms" -> v[6] = text(xml);
                case "area" -> v[7] = text(xml);
                case "location" -> {
                    while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                        switch (xml.getLocalName()) {
                            case "city" -> v[8] = text(xml);
                            case "district" -> v[9] = text(xml);
                            default -> xml.skipElement();
                        }
                    }
                }
                case "agent" -> {
                    v[10] = xml.getAttributeValue(null, "id");
                    while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                        switch (xml.getLocalName()) {
                            case "name" -> v[11] = text(xml);
                            case "email" -> v[12] = text(xml);
                            default -> xml.skipElement();
                        }
                    }
                }
                case "furnished" -> v[13] = text(xml);
                case "availableFrom" -> v[14] = text(xml);
                case "updated" -> v[15] = text(xml);
                default -> xml.skipElement();
            }
        }
        return new SourceRecord(file, number, line, column, FIELDS, v);
    }

    private static String text(XMLStreamReader2 xml) throws XMLStreamException {
        String text = xml.getElementText().trim();
        return text.isEmpty() ? null : text;
    }
}
