package io.feedimport.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Identifies a file's content cheaply: its size, its modification time and a SHA-256 of its first and last megabyte.
 * Reading a 2 GB file in full only to name it would add seconds to every run. A new export is a new write (new
 * modification time) even when its size and ends happen to be unchanged, so a run never resumes into another file;
 * the price is that a copied or touched file starts a new run instead of resuming, which only costs time.
 */
final class FileFingerprint {

    private static final int SAMPLE = 1 << 20;

    private FileFingerprint() {
    }

    static String of(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(read(channel, 0, (int) Math.min(SAMPLE, size)));
            if (size > SAMPLE) {
                long tail = Math.max(SAMPLE, size - SAMPLE);
                digest.update(read(channel, tail, (int) (size - tail)));
            }
            long modified = Files.getLastModifiedTime(file).toMillis();
            return size + "-" + modified + "-" + HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining() && channel.read(buffer, position + buffer.position()) >= 0) {
            // keep reading until the sample is complete
        }
        return buffer.flip();
    }

    static String ofText(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }

}
