package io.feedimport.read;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Lets a UTF-8 (or US-ASCII) file's bytes through to the parser only once they are checked, so that Woodstox can
 * decode them on its own fast byte path. On bytes invalid in the encoding it first hands over every byte before them,
 * then fails with {@link UndecodableBytes}, as {@link DecodingReader} does for other encodings: Woodstox's own
 * decoder would throw away up to a buffer of good records and name no line.
 * The check follows the Unicode table of well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF);
 * a sequence split between two reads is kept back until its end has been read.
 */
final class Utf8CheckingInputStream extends InputStream {

    private static final int LONGEST = 4;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final Path file;
    private final InputStream in;
    private final Charset charset;
    private final boolean asciiOnly;
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
    /** Set by {@link #scan}: how many bytes are bad where it stopped, or 0 if they are an unfinished sequence. */
    private int badLength;

    /** @param in the file from its first byte on; {@code charset} is UTF-8 or US-ASCII */
    Utf8CheckingInputStream(Path file, InputStream in, Charset charset) {
        this.file = file;
        this.in = in;
        this.charset = charset;
        this.asciiOnly = charset.equals(StandardCharsets.US_ASCII);
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
            int good = scan(buffer, offset, end);
            if (good == end) {
                checked += filled;
                return filled;
            }
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

    /**
     * @return the index of the first byte in {@code [from, to)} that does not start a whole well-formed sequence, or
     *         {@code to}; sets {@link #badLength}
     */
    private int scan(byte[] b, int from, int to) {
        int i = from;
        while (true) {
            while (i + Long.BYTES <= to && ((long) LONGS.get(b, i) & HIGH_BITS) == 0) {
                i += Long.BYTES; // ASCII, eight bytes at a time: markup, numbers, codes
            }
            while (i < to && b[i] >= 0) {
                i++;
            }
            if (i == to) {
                return to;
            }
            int lead = b[i] & 0xFF;
            if (lead >= 0xC2 && lead < 0xE0 && !asciiOnly) {
                // two bytes, the rest of most feeds' text: Cyrillic, Greek, accented Latin
                if (i + 1 == to) {
                    badLength = 0;
                    return i;
                }
                if (b[i + 1] >= (byte) 0xC0) { // signed: a continuation byte, 80 to BF, is below C0 = -64
                    badLength = 1;
                    return i;
                }
                i += 2;
                continue;
            }
            int tail;
            int low = 0x80;
            int high = 0xBF;
            if (asciiOnly || lead < 0xC2 || lead > 0xF4) {
                badLength = 1;
                return i;
            } else if (lead < 0xE0) {
                tail = 1;
            } else if (lead < 0xF0) {
                tail = 2;
                low = lead == 0xE0 ? 0xA0 : low; // else overlong
            } else {
                tail = 3;
                low = lead == 0xF0 ? 0x90 : low; // else overlong
                high = lead == 0xF4 ? 0x8F : high; // else past U+10FFFF
            }
            for (int k = 1; k <= tail; k++) {
                if (i + k == to) {
                    badLength = 0;
                    return i;
                }
                int next = b[i + k] & 0xFF;
                if (next < low || next > high) {
                    badLength = k;
                    return i;
                }
                low = 0x80;
                high = 0xBF;
            }
            if (lead == 0xED && (b[i + 1] & 0xFF) > 0x9F) {
                badLength = 3; // a surrogate: whole, so all three bytes are bad, as the JDK's decoder says
                return i;
            }
            i += tail + 1;
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
