package io.feedimport.read;

/**
 * Turns the lines and columns a parser reports after a seek into the file's own. A resumed parser sees the enclosing
 * start tags on its line 1 and then the file from the record it resumed at, which is on line {@code lines + 1} of the
 * file: its first line is shifted by whole columns too, the ones after it only by lines.
 */
record LineShift(int lines, int columns) {

    static final LineShift NONE = new LineShift(0, 0);

    /** @param prefix how many characters the parser reads before the file's bytes at the resume point */
    static LineShift of(ResumePoint point, int prefix) {
        return new LineShift(point.line() - 1, point.column() - 1 - prefix);
    }

    int line(int parserLine) {
        return parserLine <= 0 ? parserLine : parserLine + lines;
    }

    int column(int parserLine, int parserColumn) {
        return parserLine == 1 && parserColumn > 0 ? parserColumn + columns : parserColumn;
    }
}
