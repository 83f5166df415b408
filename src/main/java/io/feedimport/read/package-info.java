/**
 * Read: a feed file in, {@link io.feedimport.read.SourceRecord}s out, one at a time and in constant memory.
 * Each record carries its number and position in the file so every later error can point back at it.
 * Input that cannot be read becomes an {@link io.feedimport.read.InputException} with a one-line message.
 *
 * <p>{@link io.feedimport.read.RecordReaders} opens the reader registered for the feed's {@code format.type}, after
 * {@code FileKinds} has checked the file is of that kind. One reader per format: {@link
 * io.feedimport.read.XmlRecordReader}
 * (with {@code XmlInput}, which settles the encoding, and {@code Utf8CheckingInputStream}/{@code DecodingReader},
 * which
 * make undecodable bytes fail with their line), {@link io.feedimport.read.XlsxRecordReader} and
 * {@link io.feedimport.read.XlsRecordReader} (sharing {@code SheetRows} and {@code SheetCells}). How to add a format:
 * see the {@code feed} package.
 */
package io.feedimport.read;
