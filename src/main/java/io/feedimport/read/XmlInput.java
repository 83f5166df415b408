package io.feedimport.read;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.StringReader;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import javax.xml.stream.XMLStreamException;

import io.feedimport.feed.XmlFormat;
import org.apache.commons.io.input.SequenceReader;
import org.codehaus.stax2.XMLInputFactory2;
import org.codehaus.stax2.XMLStreamReader2;

/**
 * An XML feed file opened for Woodstox, with its encoding settled: UTF-8 and US-ASCII go by Woodstox's own byte path
 * once {@link Utf8CheckingInputStream} has checked them, other encodings through {@link DecodingReader}, so bytes the
 * encoding cannot decode fail with their line and column either way. Opened at a {@link ResumePoint}, the parser reads
 * the enclosing start tags and then the file from the resume point's byte on.
 *
 * @param input   the file's bytes, buffered, to close with the parser
 * @param counted the bytes consumed so far, for progress
 * @param offsets where the parser's characters are in the file, or null when the encoding does not tell
 * @param shift   from the parser's lines and columns to the file's
 */
record XmlInput(InputStream input, CountingInputStream counted, XMLStreamReader2 xml, ByteOffsets offsets, LineShift shift) {

    /** More than Woodstox reads to detect the encoding: its first input buffer. */
    private static final int DETECTION_BYTES = 256 * 1024;

    /** Opens the file; the encoding is detected from BOM and prolog unless the format declares one. */
    static XmlInput open(Path path, XmlFormat format) {
        InputFiles.requireReadable(path);
        XMLInputFactory2 factory = SecureXmlInputFactory.create(format.limits());
        InputStream input = null;
        try {
            CountingInputStream counted = new CountingInputStream(Files.newInputStream(path));
            input = new BufferedInputStream(counted, 64 * 1024);
            Charset charset = format.autoEncoding() ? declaredEncoding(factory, input) : Charset.forName(format.encoding());
            XMLStreamReader2 xml;
            int bom;
            if (Utf8CheckingInputStream.checks(charset) && (format.autoEncoding() || decodesAs(factory, input, charset))) {
                // Woodstox's own UTF-8 byte path, a quarter faster than any Reader, once the bytes are checked; its
                // characters start after a BOM
                bom = Boms.peek(input);
                xml = (XMLStreamReader2) factory.createXMLStreamReader(new Utf8CheckingInputStream(path, input, charset, 0));
            } else {
                bom = charset.equals(StandardCharsets.UTF_8) ? Boms.skip(input) : 0;
                xml = (XMLStreamReader2) factory.createXMLStreamReader(new DecodingReader(path, input, bom, charset));
            }
            return new XmlInput(input, counted, xml, ByteOffsets.of(path, charset, 0, bom), LineShift.NONE);
        } catch (IOException e) {
            closeQuietly(input);
            throw InputException.unreadable(path.toString(), "cannot be read: " + e.getMessage());
        } catch (XMLStreamException e) {
            closeQuietly(input);
            throw MalformedXml.of(path.toString(), e, 0);
        }
    }

    /**
     * Opens the file at a resume point: the parser reads the enclosing start tags and, on the same line, the file's bytes
     * from the point on, so the rest of the document, closing tags included, parses as it would have ({@link LineShift}
     * puts lines and columns back). No XML declaration is needed: the bytes are UTF-8 for the parser, or decoded before
     * it sees them. Woodstox's limits (depth included, the enclosing elements counting) are the feed's as ever.
     */
    static XmlInput resume(Path path, XmlFormat format, ResumePoint point) {
        InputFiles.requireReadable(path);
        XMLInputFactory2 factory = SecureXmlInputFactory.create(format.limits());
        InputStream input = null;
        try {
            Charset charset = Charset.forName(point.encoding());
            FileChannel channel = FileChannel.open(path, StandardOpenOption.READ).position(point.offset());
            CountingInputStream counted = new CountingInputStream(Channels.newInputStream(channel), point.offset());
            input = new BufferedInputStream(counted, 64 * 1024);
            String prefix = point.enclosing();
            XMLStreamReader2 xml;
            if (Utf8CheckingInputStream.checks(charset)) {
                InputStream rest = new Utf8CheckingInputStream(path, input, charset, point.offset());
                xml = (XMLStreamReader2) factory.createXMLStreamReader(new SequenceInputStream(
                        new ByteArrayInputStream(prefix.getBytes(StandardCharsets.UTF_8)), rest));
            } else {
                xml = (XMLStreamReader2) factory.createXMLStreamReader(new SequenceReader(List.of(
                        new StringReader(prefix), new DecodingReader(path, input, point.offset(), charset))));
            }
            return new XmlInput(input, counted, xml, ByteOffsets.of(path, charset, prefix.length(), point.offset()),
                    LineShift.of(point, prefix.length()));
        } catch (IOException | IllegalArgumentException e) {
            closeQuietly(input);
            throw InputException.unreadable(path.toString(), "cannot be read from byte " + point.offset() + ": " + e.getMessage());
        } catch (XMLStreamException e) {
            closeQuietly(input);
            throw MalformedXml.of(path.toString(), e, point.record());
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

    static void closeQuietly(InputStream input) {
        if (input != null) {
            try {
                input.close();
            } catch (IOException ignored) {
                // nothing more to report than the error already being thrown
            }
        }
    }
}
