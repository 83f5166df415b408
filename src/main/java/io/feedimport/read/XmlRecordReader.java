package io.feedimport.read;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FieldDefinition;
import io.feedimport.feed.PathStep;
import io.feedimport.feed.XmlFormat;
import org.codehaus.stax2.XMLStreamReader2;

/**
 * Streams the records of an XML feed with Woodstox's cursor API: finds each record element on the feed's record
 * path and has a {@link RecordCollector} take its fields. Only the current record's field texts are held. The file is
 * opened, and its encoding settled, by {@link XmlInput}.
 */
public final class XmlRecordReader implements RecordReader {

    private final String file;
    private final String recordPath;
    private final List<PathStep> recordSteps;
    private final List<String> fieldNames;
    private final InputStream input;
    private final CountingInputStream counted;
    private final XMLStreamReader2 xml;
    private final RecordCollector collector;
    private int depth;
    private int matched;
    private long position;
    private String rootElement;

    private XmlRecordReader(FeedDefinition feed, XmlFormat format, Path path, XmlInput opened) {
        this.file = path.toString();
        this.recordPath = format.recordPath();
        this.recordSteps = format.record();
        this.fieldNames = feed.fields().stream().map(FieldDefinition::name).toList();
        this.input = opened.input();
        this.counted = opened.counted();
        this.xml = opened.xml();
        this.collector = new RecordCollector(new FieldPathTree(feed.fields()), fieldNames.size(), format.limits().maxDepth() + 1);
    }

    /** Opens the file; the encoding is detected from BOM and prolog unless the feed declares one. */
    public static XmlRecordReader open(FeedDefinition feed, Path path) {
        XmlFormat format = (XmlFormat) feed.format(); // registered for xml, whose variant this is
        return new XmlRecordReader(feed, format, path, XmlInput.open(path, format));
    }

    @Override
    public SourceRecord read() {
        if (!advanceToRecord()) {
            return null;
        }
        position++;
        try {
            return collect();
        } catch (XMLStreamException e) {
            throw MalformedXml.of(file, e, position);
        }
    }

    @Override
    public void skip(long records) {
        for (long i = 0; i < records; i++) {
            if (!advanceToRecord()) {
                throw InputException.malformed(file, 0, 0, 0, "the file ends after " + position
                        + " records but an earlier attempt of this run had already read " + (position + records - i), null);
            }
            position++;
            try {
                xml.skipElement();
            } catch (XMLStreamException e) {
                throw MalformedXml.of(file, e, position);
            }
            endElement();
        }
    }

    @Override
    public long position() {
        return position;
    }

    private boolean advanceToRecord() {
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (depth == 1) {
                        rootElement = xml.getLocalName();
                    }
                    if (matched == depth - 1 && depth <= recordSteps.size()
                            && recordSteps.get(depth - 1).matches(xml.getNamespaceURI(), xml.getLocalName())) {
                        matched = depth;
                        if (depth == recordSteps.size()) {
                            return true;
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    endElement();
                }
            }
        } catch (XMLStreamException e) {
            throw MalformedXml.of(file, e, 0);
        }
        if (position == 0) {
            throw InputException.noRecords(file, recordPath, rootElement);
        }
        return false;
    }

    private void endElement() {
        if (matched == depth) {
            matched--;
        }
        depth--;
    }

    private SourceRecord collect() throws XMLStreamException {
        Location start = xml.getLocation();
        String[] values = collector.collect(xml);
        endElement();
        return new SourceRecord(file, position, start.getLineNumber(), start.getColumnNumber(), fieldNames, values);
    }

    @Override
    public long bytesRead() {
        return counted.count();
    }

    @Override
    public void close() {
        try {
            xml.close();
        } catch (XMLStreamException ignored) {
            // closing a reader we are abandoning cannot lose data
        }
        XmlInput.closeQuietly(input);
    }
}
