package io.feedimport.read;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import org.apache.commons.io.input.BoundedInputStream;

/**
 * Decodes an XML file's bytes for the parser, and on bytes that are not valid in the file's encoding first hands over
 * every character before them, then fails with where they are. Woodstox's own decoders and {@code InputStreamReader}
 * throw away the characters already decoded in the failing read, up to a whole buffer, so the good records before
 * the bad bytes were lost and the error had no line or column.
 */
final class DecodingReader extends Reader {

    private final Path file;
    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024).flip();
    /** Bytes of the file before {@link #bytes}' first one. */
    private long consumed;
    private boolean eof;
    private Undecodable pending;

    /** @param in the file's content from {@code skipped} bytes on (after a BOM the caller dropped) */
    DecodingReader(Path file, InputStream in, long skipped, Charset charset) {
        this.file = file;
        this.in = in;
        this.consumed = skipped;
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
        return read == 0 && eof ? -1 : read;
    }

    private void fill() throws IOException {
        consumed += bytes.position();
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            eof = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    private Undecodable undecodable(int length) throws IOException {
        int shown = Math.min(bytes.remaining(), Math.max(length, 4));
        byte[] there = new byte[shown];
        bytes.get(bytes.position(), there);
        HexFormat hex = HexFormat.ofDelimiter(" ").withUpperCase();
        String context = shown > length ? " (in " + hex.formatHex(there) + ")" : "";
        int[] at = position(consumed + bytes.position());
        return new Undecodable(at[0], at[1], (length == 1 ? "byte " : "bytes ") + hex.formatHex(there, 0, length) + context
                + (length == 1 ? " is" : " are") + " not valid " + decoder.charset().name() + ": the file is in another"
                + " encoding than it declares (set format.encoding to the real one, such as windows-1251)");
    }

    /**
     * Line and column of the byte at {@code offset}, as the parser counts them (a line ends at LF, CR or CR LF; a BOM
     * takes no column). Found by decoding the file again up to there, only once it has failed, so that reading a good
     * file costs nothing for it.
     */
    private int[] position(long offset) throws IOException {
        int line = 1;
        int column = 1;
        boolean afterCr = false;
        try (InputStream again = Files.newInputStream(file);
             Reader text = new InputStreamReader(new BufferedInputStream(
                     BoundedInputStream.builder().setInputStream(again).setMaxCount(offset).get()), decoder.charset())) {
            for (int c = text.read(); c >= 0; c = text.read()) {
                if (c == '\n') {
                    line += afterCr ? 0 : 1;
                    column = 1;
                } else if (c == '\r') {
                    line++;
                    column = 1;
                } else if (c != '\uFEFF' || line > 1 || column > 1) {
                    column++;
                }
                afterCr = c == '\r';
            }
        }
        return new int[] {line, column};
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
