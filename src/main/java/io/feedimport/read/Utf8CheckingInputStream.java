package io.feedimport.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Lets a UTF-8 (or US-ASCII) file's bytes through to the parser only once they are checked, so that Woodstox can
 * decode them on its own fast byte path. On bytes invalid in the encoding it first hands over every byte before them,
 * then fails with {@link UndecodableBytes}, as {@link DecodingReader} does for other encodings: Woodstox's own
 * decoder would throw away up to a buffer of good records and name no line.
 * The bytes are checked by {@link Utf8Scanner}; a sequence split between two reads is kept back until its end has been
 * read.
 */
final class Utf8CheckingInputStream extends InputStream {

    private static final int LONGEST = 4;

    private final Path file;
    private final InputStream in;
    private final Charset charset;
    private final Utf8Scanner scanner;
    /** Bytes read but held back: the start of a sequence whose end is not read yet. */
    private final byte[] carry = new byte[LONGEST - 1];
    private int carried;
    /** Checked bytes a read too short for a whole sequence could not take yet. */
    private final byte[] spare = new byte[LONGEST];
    private int spareFrom;
    private int spareTo;
    /** Bytes of the file checked so far, from its first byte on. */
    private long checked;
    private UndecodableBytes pending;

    /**
     * @param in    the file from byte {@code start} on (its first one, or a resume point); {@code charset} is UTF-8 or
     *              US-ASCII
     */
    Utf8CheckingInputStream(Path file, InputStream in, Charset charset, long start) {
        this.file = file;
        this.checked = start;
        this.in = in;
        this.charset = charset;
        this.scanner = new Utf8Scanner(charset.equals(StandardCharsets.US_ASCII));
    }

    static boolean checks(Charset charset) {
        return charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.US_ASCII);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (spareFrom < spareTo) {
            int n = Math.min(length, spareTo - spareFrom);
            System.arraycopy(spare, spareFrom, buffer, offset, n);
            spareFrom += n;
            return n;
        }
        if (pending != null) {
            throw pending;
        }
        if (length == 0) {
            return 0;
        }
        if (length < LONGEST) {
            spareFrom = 0;
            spareTo = Math.max(0, readChecked(spare, 0, LONGEST));
            return spareTo == 0 ? -1 : read(buffer, offset, length);
        }
        return readChecked(buffer, offset, length);
    }

    /** Fills at least {@link #LONGEST} bytes of room with checked bytes only. */
    private int readChecked(byte[] buffer, int offset, int length) throws IOException {
        System.arraycopy(carry, 0, buffer, offset, carried);
        int filled = carried;
        carried = 0;
        while (true) {
            int n = in.read(buffer, offset + filled, length - filled);
            if (n < 0) {
                if (filled == 0) {
                    return -1;
                }
                // the file ends inside a sequence
                throw pending = UndecodableBytes.at(file, charset, checked, Arrays.copyOfRange(buffer, offset, offset + filled), filled);
            }
            filled += n;
            int end = offset + filled;
            int good = scanner.scan(buffer, offset, end);
            if (good == end) {
                checked += filled;
                return filled;
            }
            int badLength = scanner.badLength();
            if (badLength > 0) {
                pending = UndecodableBytes.at(file, charset, checked + good - offset,
                        Arrays.copyOfRange(buffer, good, Math.min(end, good + Math.max(badLength, LONGEST))), badLength);
            } else {
                carried = end - good;
                System.arraycopy(buffer, good, carry, 0, carried);
            }
            if (good > offset) {
                checked += good - offset;
                return good - offset; // the bytes before the bad ones first; the error on the next read
            }
            if (pending != null) {
                throw pending;
            }
            // only the start of one sequence so far: read on, there is room for its end
            System.arraycopy(carry, 0, buffer, offset, carried);
            carried = 0;
        }
    }

    @Override
    public int available() throws IOException {
        return spareTo - spareFrom;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
