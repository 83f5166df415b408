package io.feedimport.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Turns a parser's character offsets into byte offsets in the file. Woodstox counts only characters, even when it
 * decodes the bytes itself. In a fixed-width encoding that is arithmetic; in UTF-8 the bytes since the last offset
 * asked for are read again, on a handle of their own, and counted: each byte of the file at most once per run, and
 * only when a chunk commits. Offsets must be asked for in increasing order, from one thread.
 */
final class ByteOffsets implements AutoCloseable {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final Path file;
    private final Charset charset;
    /** Bytes per character, or 0 for UTF-8. */
    private final int width;
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private FileChannel channel;
    /** A known pair: character {@code chars} of the parser starts at byte {@code bytes} of the file. */
    private long chars;
    private long bytes;

    private ByteOffsets(Path file, Charset charset, int width, long chars, long bytes) {
        this.file = file;
        this.charset = charset;
        this.width = width;
        this.chars = chars;
        this.bytes = bytes;
    }

    /**
     * @param chars a character offset of the parser, such as 0 or the end of a prefix it read first
     * @param bytes where in the file that character starts
     * @return null when the encoding has neither a fixed width nor is UTF-8 (Shift_JIS, GB18030...): such files resume
     *         by parsing the records before the resume point
     */
    static ByteOffsets of(Path file, Charset charset, long chars, long bytes) {
        int width;
        if (charset.equals(StandardCharsets.UTF_8)) {
            width = 0;
        } else if (charset.equals(StandardCharsets.UTF_16LE) || charset.equals(StandardCharsets.UTF_16BE)) {
            width = 2;
        } else if (charset.canEncode() && charset.newEncoder().maxBytesPerChar() == 1.0f) {
            width = 1; // US-ASCII, ISO-8859-x, windows-125x, KOI8-R...
        } else {
            return null;
        }
        return new ByteOffsets(file, charset, width, chars, bytes);
    }

    Charset charset() {
        return charset;
    }

    /** Where the parser's character {@code charOffset} starts in the file; it must start a character (such as '<'). */
    long byteOffset(long charOffset) {
        if (charOffset < chars) {
            throw new IllegalStateException("offset " + charOffset + " asked for after " + chars);
        }
        if (width > 0) {
            return bytes + (charOffset - chars) * width;
        }
        try {
            return utf8(charOffset);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot be read again to find a resume point: " + e.getMessage(), e);
        }
    }

    /** Counts UTF-8 characters as the parser does: one per lead byte, two (a surrogate pair) for a 4-byte sequence. */
    private long utf8(long charOffset) throws IOException {
        if (channel == null) {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        }
        while (true) {
            buffer.clear();
            int n = channel.read(buffer, bytes);
            if (n <= 0) {
                throw new IOException("the file ends before character " + charOffset);
            }
            byte[] read = buffer.array();
            int i = 0;
            // eight bytes at a time while the character sought lies beyond them, as the loop below counts them
            for (; i + 8 <= n; i += 8) {
                long word = (long) LONGS.get(read, i);
                long continuing = word & ~(word << 1) & HIGH_BITS;
                long leadsOfFour = word & (word << 1) & (word << 2) & (word << 3) & ~(word << 4) & HIGH_BITS; // 11110xxx
                int leads = 8 - Long.bitCount(continuing) + Long.bitCount(leadsOfFour);
                if (chars + leads > charOffset) {
                    break;
                }
                chars += leads;
            }
            for (; i < n; i++) {
                int b = read[i];
                if ((b & 0xC0) != 0x80) {
                    if (chars == charOffset) {
                        bytes += i;
                        return bytes;
                    }
                    chars += (b & 0xF8) == 0xF0 ? 2 : 1;
                }
            }
            bytes += n; // may end inside a sequence: its lead byte is counted already, its other bytes are not leads
        }
    }

    @Override
    public void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // only read from
            }
        }
    }
}
