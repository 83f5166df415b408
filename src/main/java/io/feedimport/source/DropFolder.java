package io.feedimport.source;

import java.io.OutputStream;
import java.util.List;

/**
 * A folder where files of a feed arrive, local or remote: listed, read, moved aside or deleted. One instance per
 * poll; implementations fail with {@link DropFolderException} and a clear line.
 */
public interface DropFolder extends AutoCloseable {

    /** Where the folder is, for messages: a path or an ftp:// address without the password. */
    String describe();

    /** The plain files of the folder itself (not of sub-folders). */
    List<DroppedFile> list();

    /** Streams the content of a file of the folder. */
    void read(String name, OutputStream target);

    /** Moves a file into a folder (relative to this one, or absolute), created if missing; replaces nothing. */
    void moveTo(String name, String folder);

    void delete(String name);

    @Override
    void close();
}
