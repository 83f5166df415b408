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
import java.nio.file.Path;

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
    private UndecodableBytes pending;

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

    private UndecodableBytes undecodable(int length) throws IOException {
        byte[] there = new byte[Math.min(bytes.remaining(), Math.max(length, 4))];
        bytes.get(bytes.position(), there);
        return UndecodableBytes.at(file, decoder.charset(), consumed + bytes.position(), there, length);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
