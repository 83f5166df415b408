package io.feedimport.read;

import java.io.IOException;
import java.io.InputStream;

/**
 * Drops a UTF-8 byte order mark when the feed declares its encoding, since a Reader would pass it on as text, and tells
 * where the text starts when Woodstox drops it itself.
 */
final class Boms {

    private Boms() {
    }

    /** @return how many bytes were skipped: 3 after a BOM, else 0 */
    static int skip(InputStream input) throws IOException {
        int bom = peek(input);
        input.skipNBytes(bom);
        return bom;
    }

    /** @return how long the UTF-8 BOM the stream starts with is, 3 or 0; the stream is left where it was */
    static int peek(InputStream input) throws IOException {
        input.mark(3);
        byte[] head = input.readNBytes(3);
        input.reset();
        return head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
    }
}
