package io.feedimport.read;

/**
 * Where a record starts, noted as it is read: cheap enough to take for every record, and turned into a
 * {@link ResumePoint} only for the one whose chunk commits. The offset is in the parser's characters, not yet in bytes.
 *
 * @param number     the record's number in the file, from 1
 * @param charOffset where its start tag begins, in characters as the parser counts them
 * @param line       its line in the file
 * @param column     its column in the file
 * @param enclosing  the start tags of the elements around it, with their namespace declarations
 */
public record RecordMark(long number, long charOffset, int line, int column, String enclosing) {
}
