package io.feedimport.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Identifies a file by its content alone: the SHA-256 of every byte, in hex, as the pick-up's download computes it.
 * Neither the modification time nor a sample of the ends: a daemon killed mid-import downloads the file again on
 * restart, and that new copy, with its new time, must resume the same run, while two exports that share their size
 * and ends must never resume into each other. It costs one extra read of a file given to {@code run --file}; the
 * pick-up passes the checksum it computed while downloading instead.
 */
final class FileFingerprint {

    private static final int BUFFER = 1 << 16;

    private FileFingerprint() {
    }

    static String of(Path file) {
        return of(file, () -> false);
    }

    /** @return null when {@code stop} said so before the end of the file */
    static String of(Path file, java.util.function.BooleanSupplier stop) {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (stop.getAsBoolean()) {
                    return null;
                }
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static String ofText(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)), 0, 12);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }
}
