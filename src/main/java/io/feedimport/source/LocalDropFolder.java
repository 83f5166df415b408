package io.feedimport.source;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A drop folder on this machine's file system (or a mounted share). */
public final class LocalDropFolder implements DropFolder {

    private final Path dir;

    public LocalDropFolder(Path dir) {
        this.dir = dir;
    }

    @Override
    public String describe() {
        return dir.toString();
    }

    @Override
    public List<DroppedFile> list() {
        List<DroppedFile> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.toList()) {
                BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class);
                if (attributes.isRegularFile()) {
                    files.add(new DroppedFile(entry.getFileName().toString(), attributes.size(),
                            attributes.lastModifiedTime().toInstant()));
                }
            }
            return files;
        } catch (IOException e) {
            throw failure("cannot list", e);
        }
    }

    @Override
    public void read(String name, OutputStream target) {
        try {
            Files.copy(dir.resolve(name), target);
        } catch (IOException e) {
            throw failure("cannot read " + name, e);
        }
    }

    @Override
    public void moveTo(String name, String folder) {
        Path destination = dir.resolve(folder);
        try {
            Files.createDirectories(destination);
            Files.move(dir.resolve(name), destination.resolve(name));
        } catch (IOException e) {
            throw failure("cannot move " + name + " to " + destination, e);
        }
    }

    @Override
    public void delete(String name) {
        try {
            Files.delete(dir.resolve(name));
        } catch (IOException e) {
            throw failure("cannot delete " + name, e);
        }
    }

    @Override
    public void close() {
        // nothing held open between calls
    }

    private DropFolderException failure(String what, IOException e) {
        String why;
        if (e instanceof NoSuchFileException missing) {
            why = "no such file or folder " + missing.getFile();
        } else if (e instanceof AccessDeniedException denied) {
            why = "permission denied on " + denied.getFile();
        } else if (e instanceof FileAlreadyExistsException exists) {
            why = exists.getFile() + " already exists";
        } else {
            why = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        return new DropFolderException(dir + ": " + what + ": " + why, e);
    }
}
