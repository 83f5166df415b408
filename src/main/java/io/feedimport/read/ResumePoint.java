package io.feedimport.read;

/**
 * Where a record starts in an XML file, and what a parser needs to start there: a resumed run seeks to
 * {@code offset} instead of parsing every record before it. The record itself was committed; the reader opened here
 * moves past it (and any committed after it) before handing out records.
 *
 * @param record    the number of the record starting at {@code offset}, from 1
 * @param offset    where its start tag begins, in bytes from the file's first one (a BOM included)
 * @param line      its line in the file, so later records and errors are numbered as in a run that never stopped
 * @param column    its column in the file
 * @param encoding  the encoding to decode the file from there with (never one that needs a BOM to tell its byte order)
 * @param enclosing the start tags of the elements around it on the record path, with their namespace declarations
 */
public record ResumePoint(long record, long offset, int line, int column, String encoding, String enclosing) {
}
