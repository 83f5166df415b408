package io.feedimport.read;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.BiFunction;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FormatDefinition;

/**
 * Opens the reader registered for a feed's {@code format.type}, after {@link FileKinds} has checked that the file is of
 * that kind.
 */
public final class RecordReaders {

    /** The reader of each {@code format.type}; each reader opens the variant of its type. */
    private static final Map<String, Registered> READERS = Map.of(
            FormatDefinition.XML, new Registered(XmlRecordReader::open, true),
            FormatDefinition.XLSX, new Registered(XlsxRecordReader::open, false),
            FormatDefinition.XLS, new Registered(XlsRecordReader::open, false));

    /** @param text whether the format is text, whose files have no magic number to check */
    private record Registered(BiFunction<FeedDefinition, Path, RecordReader> open, boolean text) {
    }

    private RecordReaders() {
    }

    public static RecordReader open(FeedDefinition feed, Path file) {
        requireReadable(feed, file);
        return registered(feed).open().apply(feed, file);
    }

    /**
     * Opens the file at a point a reader of it gave, or at its start when {@code point} is null; a reader that cannot
     * seek starts at the beginning. Either way its {@link RecordReader#position()} says how many records come before.
     */
    public static RecordReader open(FeedDefinition feed, Path file, ResumePoint point) {
        if (point == null || !FormatDefinition.XML.equals(feed.format().type())) {
            return open(feed, file);
        }
        requireReadable(feed, file);
        return XmlRecordReader.resume(feed, file, point);
    }

    /**
     * Fails with a one-line {@link InputException} (unreadable input) when the file is missing, empty, a folder, or not
     * of the feed's format: checked before a run starts, so such a file never becomes a failed run.
     */
    public static void requireReadable(FeedDefinition feed, Path file) {
        InputFiles.requireReadable(file);
        String actual = FileKinds.mismatch(file, feed.format(), registered(feed).text());
        if (actual != null) {
            throw new InputException(file + ": " + actual, true, null);
        }
    }

    private static Registered registered(FeedDefinition feed) {
        Registered reader = READERS.get(feed.format().type());
        if (reader == null) {
            throw new IllegalArgumentException("no reader for format type " + feed.format().type());
        }
        return reader;
    }
}
