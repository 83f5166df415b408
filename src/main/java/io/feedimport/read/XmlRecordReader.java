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
 * opened, and its encoding settled, by {@link XmlInput}. Each record is marked with where it starts, so that a resumed
 * run can reopen the file right there ({@link #resume}) instead of parsing every record before it.
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
    private final ByteOffsets offsets;
    private final LineShift shift;
    private final EnclosingTags enclosing;
    private RecordMark mark;
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
        this.offsets = opened.offsets();
        this.shift = opened.shift();
        this.enclosing = new EnclosingTags(recordSteps.size() - 1);
    }

    /** Opens the file; the encoding is detected from BOM and prolog unless the feed declares one. */
    public static XmlRecordReader open(FeedDefinition feed, Path path) {
        XmlFormat format = (XmlFormat) feed.format(); // registered for xml, whose variant this is
        return new XmlRecordReader(feed, format, path, XmlInput.open(path, format));
    }

    /**
     * Opens the file at a point an earlier reader of it gave ({@link #resumePoint}): the record there is the next one
     * to read or skip, and records and lines are numbered as if the file had been read from its start.
     */
    public static XmlRecordReader resume(FeedDefinition feed, Path path, ResumePoint point) {
        XmlFormat format = (XmlFormat) feed.format();
        XmlRecordReader reader = new XmlRecordReader(feed, format, path, XmlInput.resume(path, format, point));
        reader.position = point.record() - 1;
        return reader;
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
            throw MalformedXml.of(file, e, position, shift);
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
                throw MalformedXml.of(file, e, position, shift);
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
                        enclosing.started(depth, xml);
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    endElement();
                }
            }
        } catch (XMLStreamException e) {
            throw MalformedXml.of(file, e, 0, shift);
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
        int line = shift.line(start.getLineNumber());
        int column = shift.column(start.getLineNumber(), start.getColumnNumber());
        if (offsets != null) {
            // the long offset: Location's own is an int, too small for files over 2 GB
            mark = new RecordMark(position, xml.getLocationInfo().getStartingCharOffset(), line, column, enclosing.text());
        }
        String[] values = collector.collect(xml);
        endElement();
        return new SourceRecord(file, position, line, column, fieldNames, values);
    }

    /** Where the last record read starts; null before the first, or when the file's encoding has no byte offsets. */
    @Override
    public RecordMark mark() {
        return mark;
    }

    /** Resolves a mark of this reader's; marks are resolved in the order they were taken, from one thread. */
    @Override
    public ResumePoint resumePoint(RecordMark mark) {
        return new ResumePoint(mark.number(), offsets.byteOffset(mark.charOffset()), mark.line(), mark.column(),
                offsets.charset().name(), mark.enclosing());
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
        if (offsets != null) {
            offsets.close();
        }
    }
}
