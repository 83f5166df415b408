package io.feedimport.support;

/** Turns exceptions into the one-line reasons users see; the full story stays in the exception for the log. */
public final class Messages {

    private Messages() {
    }

    /** The first line of the throwable's message, or its class name when it has none. */
    public static String firstLine(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : firstLine(message);
    }

    public static String firstLine(String text) {
        return text.lines().findFirst().orElse(text);
    }
}
