package io.feedimport.read;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.xml.stream.XMLStreamException;

import io.feedimport.feed.XmlFormat;
import org.codehaus.stax2.XMLInputFactory2;
import org.codehaus.stax2.XMLStreamReader2;

/**
 * An XML feed file opened for Woodstox, with its encoding settled: UTF-8 and US-ASCII go by Woodstox's own byte path
 * once {@link Utf8CheckingInputStream} has checked them, other encodings through {@link DecodingReader}, so bytes the
 * encoding cannot decode fail with their line and column either way.
 *
 * @param input   the file's bytes, buffered, to close with the parser
 * @param counted the bytes consumed so far, for progress
 */
record XmlInput(InputStream input, CountingInputStream counted, XMLStreamReader2 xml) {

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
            if (Utf8CheckingInputStream.checks(charset) && (format.autoEncoding() || decodesAs(factory, input, charset))) {
                // Woodstox's own UTF-8 byte path, a quarter faster than any Reader, once the bytes are checked
                xml = (XMLStreamReader2) factory.createXMLStreamReader(new Utf8CheckingInputStream(path, input, charset));
            } else {
                int bom = charset.equals(StandardCharsets.UTF_8) ? Boms.skip(input) : 0;
                xml = (XMLStreamReader2) factory.createXMLStreamReader(new DecodingReader(path, input, bom, charset));
            }
            return new XmlInput(input, counted, xml);
        } catch (IOException e) {
            closeQuietly(input);
            throw InputException.unreadable(path.toString(), "cannot be read: " + e.getMessage());
        } catch (XMLStreamException e) {
            closeQuietly(input);
            throw MalformedXml.of(path.toString(), e, 0);
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
