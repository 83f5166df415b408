package io.feedimport.read;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks an input path before a run is created, so that a typo never becomes a failed run. */
public final class InputFiles {

    private InputFiles() {
    }

    public static void requireReadable(Path file) {
        String name = file.toString();
        if (!Files.exists(file)) {
            throw InputException.unreadable(name, "no such file");
        }
        if (Files.isDirectory(file)) {
            throw InputException.unreadable(name, "is a directory, expected a feed file");
        }
        if (!Files.isReadable(file)) {
            throw InputException.unreadable(name, "cannot be read (permission denied)");
        }
        try {
            if (Files.size(file) == 0) {
                throw InputException.unreadable(name, "is empty (0 bytes)");
            }
        } catch (java.io.IOException e) {
            throw InputException.unreadable(name, "cannot be read: " + e.getMessage());
        }
    }
}
