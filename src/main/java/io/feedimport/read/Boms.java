package io.feedimport.read;

import java.io.IOException;
import java.io.InputStream;

/** Drops a UTF-8 byte order mark when the feed declares its encoding, since a Reader would pass it on as text. */
final class Boms {

    private Boms() {
    }

    static InputStream skip(InputStream input) throws IOException {
        input.mark(3);
        byte[] head = input.readNBytes(3);
        if (!(head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF)) {
            input.reset();
        }
        return input;
    }
}
