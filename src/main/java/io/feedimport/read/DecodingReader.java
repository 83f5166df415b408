package io.feedimport.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.HexFormat;

/**
 * Decodes an XML file's bytes for the parser, and on bytes that are not valid in the file's encoding first hands over
 * every character before them, then fails with where they are. Woodstox's own decoders and {@code InputStreamReader}
 * throw away the characters already decoded in the failing read, up to a whole buffer, so the good records before
 * the bad bytes were lost and the error had no line or column.
 */
final class DecodingReader extends Reader {

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024).flip();
    private boolean eof;
    private Undecodable pending;
    private int line = 1;
    private int column = 1;
    private boolean afterCr;

    DecodingReader(InputStream in, Charset charset) {
        this.in = in;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (pending != null) {
            throw pending;
        }
        if (length == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(buffer, offset, length);
        while (out.position() == offset) {
            CoderResult result = decoder.decode(bytes, out, eof);
            if (result.isError()) {
                count(buffer, offset, out.position());
                pending = undecodable(result.length());
                if (out.position() > offset) {
                    return out.position() - offset; // the characters before the bad bytes first; the error on the next read
                }
                throw pending;
            }
            if (result.isOverflow()) {
                break;
            }
            if (eof) {
                decoder.flush(out);
                break;
            }
            fill();
        }
        int read = out.position() - offset;
        count(buffer, offset, out.position());
        return read == 0 && eof ? -1 : read;
    }

    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            eof = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    /** Keeps line and column as the parser counts them: a line ends at LF, CR or CR LF. */
    private void count(char[] buffer, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = buffer[i];
            if (c == '\n') {
                if (!afterCr) {
                    line++;
                }
                column = 1;
            } else if (c == '\r') {
                line++;
                column = 1;
            } else {
                column++;
            }
            afterCr = c == '\r';
        }
    }

    private Undecodable undecodable(int length) {
        int shown = Math.min(bytes.remaining(), Math.max(length, 4));
        byte[] there = new byte[shown];
        bytes.get(bytes.position(), there);
        HexFormat hex = HexFormat.ofDelimiter(" ").withUpperCase();
        String context = shown > length ? " (in " + hex.formatHex(there) + ")" : "";
        return new Undecodable(line, column, (length == 1 ? "byte " : "bytes ") + hex.formatHex(there, 0, length) + context
                + (length == 1 ? " is" : " are") + " not valid " + decoder.charset().name() + ": the file is in another"
                + " encoding than it declares (set format.encoding to the real one, such as windows-1251)");
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Bytes the file's encoding cannot decode, with the line and column where they start. */
    static final class Undecodable extends IOException {
        final int line;
        final int column;

        Undecodable(int line, int column, String reason) {
            super(reason);
            this.line = line;
            this.column = column;
        }
    }
}
