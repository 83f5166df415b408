package io.feedimport.source;

import java.time.Instant;

/**
 * A file as a drop folder lists it: its name in the folder, its size in bytes and its modification time.
 *
 * @param exactTime whether {@code modified} is the exact time in UTC (a local file, an FTP MLSD listing), rather than
 *                  what an FTP LIST line says: minutes, in the server's unknown time zone
 */
public record DroppedFile(String name, long size, Instant modified, boolean exactTime) {

    /** A file whose time is exact, as a local folder lists it. */
    public DroppedFile(String name, long size, Instant modified) {
        this(name, size, modified, true);
    }
}
