package io.feedimport.read;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;

import io.feedimport.support.Messages;

/** Turns what Woodstox throws into the one-line {@link InputException} a user reads: where, and what is wrong. */
final class MalformedXml {

    private MalformedXml() {
    }

    static InputException of(String file, XMLStreamException e, long record) {
        return of(file, e, record, LineShift.NONE);
    }

    /** @param shift from the parser's lines to the file's, when the parser started at a resume point */
    static InputException of(String file, XMLStreamException e, long record, LineShift shift) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UndecodableBytes bytes) {
                return InputException.malformed(file, bytes.line, bytes.column, record, bytes.getMessage(), e);
            }
        }
        Location location = e.getLocation();
        String reason = e.getMessage() == null ? "malformed XML" : e.getMessage();
        int at = reason.indexOf("\n at [");
        reason = Messages.firstLine(at >= 0 ? reason.substring(0, at) : reason).trim();
        int line = location == null ? 0 : location.getLineNumber();
        return InputException.malformed(file, shift.line(line), location == null ? 0 : shift.column(line, location.getColumnNumber()),
                record, "malformed XML: " + reason, e);
    }
}
