package io.feedimport.source;

import java.time.Instant;

/** A file as a drop folder lists it: its name in the folder, its size in bytes and its modification time. */
public record DroppedFile(String name, long size, Instant modified) {
}
