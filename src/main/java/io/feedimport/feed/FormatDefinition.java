package io.feedimport.feed;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How records are laid out in a feed's files: one variant per {@code format.type}, each with only its own settings,
 * parsed by its own section parser (registered in {@link FormatSections}) and read by its own reader (chosen in
 * {@code read/RecordReaders}). Everything else in the definition is format-blind.
 */
public sealed interface FormatDefinition permits XmlFormat, SheetFormat {

    String XML = "xml";
    String XLSX = "xlsx";
    String XLS = "xls";

    /** The {@code format.type} the definition declares. */
    String type();

    /** Where the records are, in the definition's terms, for messages (an element path; a sheet's rows). */
    String recordPath();

    /** Whether fields are addressed by column (a header or a letter) rather than by an element path. */
    boolean isSheet();

    /** The namespace prefixes field paths may use; none where fields are not addressed by path. */
    default Map<String, String> namespaces() {
        return Map.of();
    }

    /** What makes the declared fields unreadable under these settings, if anything. */
    default Optional<String> problemWith(List<FieldDefinition> fields) {
        return Optional.empty();
    }

    /** The format's part of {@link FeedDefinition#identity()}: every setting that decides how a record is read. */
    String identity();
}
