package io.feedimport.read;

/**
 * Input that cannot be read as a feed. The message is one line naming the file and, where known,
 * the line, column and record: it is shown to the user as is.
 */
public class InputException extends RuntimeException {

    private final boolean unreadable;

    InputException(String message, boolean unreadable, Throwable cause) {
        super(message, cause);
        this.unreadable = unreadable;
    }

    /** A file that could not be opened at all: missing, a directory, empty or unreadable. */
    public static InputException unreadable(String file, String reason) {
        return new InputException(file + ": " + reason, true, null);
    }

    /** A file that was opened but is not a readable feed past some point. */
    public static InputException malformed(String file, int line, int column, long record, String reason, Throwable cause) {
        String where = line > 0 ? ":" + line + ":" + column : "";
        String inRecord = record > 0 ? " (in record " + record + ")" : "";
        return new InputException(file + where + ": " + reason + inRecord, false, cause);
    }

    public static InputException noRecords(String file, String recordPath, String rootElement) {
        return new InputException(file + ": no record element " + recordPath + " found"
                + (rootElement == null ? "" : " (the document's root element is <" + rootElement + ">)"), false, null);
    }

    public boolean unreadable() {
        return unreadable;
    }
}
