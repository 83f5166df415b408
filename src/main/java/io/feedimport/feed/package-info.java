/**
 * Feed: a definition file (jobs/*.yml) in, a checked {@link io.feedimport.feed.FeedDefinition} out, or every problem
 * with the file at once ({@link io.feedimport.feed.InvalidFeedDefinitionException}). Each section has its own parser;
 * the definition's types ({@link io.feedimport.feed.FieldType}, {@link io.feedimport.feed.FormatDefinition}) are what
 * every later stage asks instead of deciding for itself, so this package imports no other stage.
 *
 * <p>Adding a file format (say CSV) takes three steps:
 * <ol>
 *   <li>a reader in {@code read/} ({@code CsvRecordReader implements RecordReader}, with a static
 *       {@code open(FeedDefinition, Path)} that casts the feed's format to its variant), entered in
 *       {@code read/RecordReaders} under the type's name, saying whether the format is text (a CSV file has no magic
 *       number for the check of what a file is);</li>
 *   <li>a definition section here: the variant ({@code record CsvFormat implements FormatDefinition}, added to the
 *       sealed type's {@code permits}) holding only that format's settings, and its section parser
 *       ({@code CsvFormatParser implements FormatSections.Section});</li>
 *   <li>its registration: one entry in {@link io.feedimport.feed.FormatSections} mapping {@code format.type: csv} to
 *       the parser.</li>
 * </ol>
 * Nothing else changes: validation, publishing, mapping and storing see only records and field types.
 *
 * <p>Adding a field type is one constant of {@link io.feedimport.feed.FieldType}: how its text parses, how it binds
 * and reads over JDBC, its column type per dialect and how its keys and versions compare.
 */
package io.feedimport.feed;
