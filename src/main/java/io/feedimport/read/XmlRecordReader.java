package io.feedimport.read;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FieldDefinition;
import io.feedimport.feed.FormatDefinition;
import io.feedimport.feed.PathStep;
import io.feedimport.support.Messages;
import org.codehaus.stax2.XMLInputFactory2;
import org.codehaus.stax2.XMLStreamReader2;

/**
 * Streams the records of an XML feed with Woodstox's cursor API: finds each record element on the feed's record
 * path and has a {@link RecordCollector} take its fields. Only the current record's field texts are held.
 */
public final class XmlRecordReader implements RecordReader {

    /** More than Woodstox reads to detect the encoding: its first input buffer. */
    private static final int DETECTION_BYTES = 256 * 1024;

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

    private XmlRecordReader(FeedDefinition feed, Path path, InputStream input, CountingInputStream counted,
                            XMLStreamReader2 xml) {
        this.file = path.toString();
        this.recordPath = feed.format().recordPath();
        this.recordSteps = feed.format().record();
        this.fieldNames = feed.fields().stream().map(FieldDefinition::name).toList();
        this.input = input;
        this.counted = counted;
        this.xml = xml;
        this.collector = new RecordCollector(new FieldPathTree(feed.fields()), fieldNames.size(),
                feed.format().limits().maxDepth() + 1);
    }

    /** Opens the file; the encoding is detected from BOM and prolog unless the feed declares one. */
    public static XmlRecordReader open(FeedDefinition feed, Path path) {
        InputFiles.requireReadable(path);
        FormatDefinition format = feed.format();
        XMLInputFactory2 factory = SecureXmlInputFactory.create(format.limits());
        InputStream input = null;
        try {
            CountingInputStream counted = new CountingInputStream(Files.newInputStream(path));
            input = new BufferedInputStream(counted, 64 * 1024);
            Charset charset = format.autoEncoding() ? declaredEncoding(factory, input) : Charset.forName(format.encoding());
            XMLStreamReader2 xml;
            if (Utf8CheckingInputStream.checks(charset) && (format.autoEncoding() || decodesAs(factory, input, charset))) {
                // Woodstox's own UTF-8 byte path, a quarter faster than any Reader, once the bytes are checked
                xml = (XMLStreamReader2) factory.createXMLStreamReader(new Utf8CheckingInputStream(path, input, charset));
            } else {
                int bom = charset.equals(StandardCharsets.UTF_8) ? Boms.skip(input) : 0;
                xml = (XMLStreamReader2) factory.createXMLStreamReader(new DecodingReader(path, input, bom, charset));
            }
            return new XmlRecordReader(feed, path, input, counted, xml);
        } catch (IOException e) {
            closeQuietly(input);
            throw InputException.unreadable(path.toString(), "cannot be read: " + e.getMessage());
        } catch (XMLStreamException e) {
            closeQuietly(input);
            throw malformed(path.toString(), e, 0);
        }
    }

    /**
     * The encoding the file's BOM and prolog declare, as Woodstox detects it; the stream is rewound after, so that
     * {@link DecodingReader} decodes it from its first byte.
     */
    private static Charset declaredEncoding(XMLInputFactory2 factory, InputStream input) throws XMLStreamException, IOException {
        input.mark(DETECTION_BYTES);
        XMLStreamReader2 probe = (XMLStreamReader2) factory.createXMLStreamReader(input);
        String encoding = probe.getEncoding();
        probe.close(); // leaves the stream open: Woodstox closes input only when asked to (P_AUTO_CLOSE_INPUT)
        input.reset();
        try {
            return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        } catch (IllegalArgumentException e) {
            throw new XMLStreamException("the file declares the encoding '" + encoding + "', which Java does not know");
        }
    }

    /**
     * Whether Woodstox, reading the bytes, would decode them as the feed's {@code encoding} says: a prolog declaring
     * another one would make it decode them as that instead.
     */
    private static boolean decodesAs(XMLInputFactory2 factory, InputStream input, Charset encoding) throws IOException {
        try {
            return declaredEncoding(factory, input).equals(encoding);
        } catch (XMLStreamException e) {
            input.reset(); // the Reader path reports what is wrong with the file, as it always has
            return false;
        }
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
            throw malformed(file, e, position);
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
                throw malformed(file, e, position);
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
            throw malformed(file, e, 0);
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

    private static InputException malformed(String file, XMLStreamException e, long record) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UndecodableBytes bytes) {
                return InputException.malformed(file, bytes.line, bytes.column, record, bytes.getMessage(), e);
            }
        }
        Location location = e.getLocation();
        String reason = e.getMessage() == null ? "malformed XML" : e.getMessage();
        int at = reason.indexOf("\n at [");
        reason = Messages.firstLine(at >= 0 ? reason.substring(0, at) : reason).trim();
        return InputException.malformed(file, location == null ? 0 : location.getLineNumber(),
                location == null ? 0 : location.getColumnNumber(), record, "malformed XML: " + reason, e);
    }

    @Override
    public long bytesRead() {
        return counted.count();
    }

    private static void closeQuietly(InputStream input) {
        if (input != null) {
            try {
                input.close();
            } catch (IOException ignored) {
                // nothing more to report than the error already being thrown
            }
        }
    }

    @Override
    public void close() {
        try {
            xml.close();
        } catch (XMLStreamException ignored) {
            // closing a reader we are abandoning cannot lose data
        }
        closeQuietly(input);
    }
}
