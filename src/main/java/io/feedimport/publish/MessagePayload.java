package io.feedimport.publish;

import io.feedimport.support.JsonWriter;

/** The JSON form of a message, as kept with a parked record so it can be reviewed and replayed. */
public final class MessagePayload {

    private MessagePayload() {
    }

    public static String toJson(RecordMessage message) {
        return new JsonWriter()
                .field("runId", message.runId())
                .field("feed", message.feed())
                .field("recordNumber", message.recordNumber())
                .field("line", message.line())
                .field("key", message.key())
                .field("values", message.values())
                .toString();
    }
}
