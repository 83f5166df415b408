package io.feedimport.read;

import java.io.IOException;
import java.io.InputStream;

/** Drops a UTF-8 byte order mark when the feed declares its encoding, since a Reader would pass it on as text. */
final class Boms {

    private Boms() {
    }

    /** @return how many bytes were skipped: 3 after a BOM, else 0 */
    static int skip(InputStream input) throws IOException {
        input.mark(3);
        byte[] head = input.readNBytes(3);
        if (head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return 3;
        }
        input.reset();
        return 0;
    }
}
