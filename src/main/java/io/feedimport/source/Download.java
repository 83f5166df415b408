package io.feedimport.source;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Copies a dropped file whole into the local work folder: first under a temporary name, then, when every byte the
 * listing announced arrived, under its own. A copy that breaks or comes out short is never left where an import
 * could take it for the file.
 *
 * @param file     the downloaded copy
 * @param checksum SHA-256 of the content, in hex: the file's identity beyond its name
 */
public record Download(Path file, String checksum) {

    static Download of(DropFolder folder, DroppedFile dropped, Path workDir) {
        Path target = workDir.resolve(dropped.name());
        Path partial = workDir.resolve(dropped.name() + ".download");
        MessageDigest sha256 = sha256();
        try {
            Files.createDirectories(workDir);
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(partial), sha256)) {
                folder.read(dropped.name(), out);
            }
            long size = Files.size(partial);
            if (size != dropped.size()) {
                Files.deleteIfExists(partial);
                throw new DropFolderException(folder.describe() + ": " + dropped.name() + " was listed with " + dropped.size()
                        + " bytes but " + size + " arrived; it is taken again at the next poll");
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Download(target, HexFormat.of().formatHex(sha256.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + partial + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the next attempt replaces it
            }
            throw e;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
