package io.feedimport.read;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds where bytes stop being well-formed UTF-8 (or US-ASCII), following the Unicode table of well-formed UTF-8: no
 * overlongs, surrogates or code points past U+10FFFF. Runs of ASCII, most of a feed's bytes, are passed eight at a time.
 * One per stream: {@link #badLength()} describes its last scan.
 */
final class Utf8Scanner {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final boolean asciiOnly;
    /** Set by {@link #scan}: how many bytes are bad where it stopped, or 0 if they are an unfinished sequence. */
    private int badLength;

    Utf8Scanner(boolean asciiOnly) {
        this.asciiOnly = asciiOnly;
    }

    /**
     * @return the index of the first byte in {@code [from, to)} that does not start a whole well-formed sequence, or
     *         {@code to}; sets {@link #badLength()}
     */
    int scan(byte[] b, int from, int to) {
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

    /** After a {@link #scan} that stopped short: how many bytes are bad there, or 0 if they are an unfinished sequence. */
    int badLength() {
        return badLength;
    }
}
