package io.feedimport.publish;

import java.util.LinkedHashMap;
import java.util.Map;

import io.feedimport.support.JsonWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON form of a message, as kept with a parked record so it can be reviewed and replayed. */
public final class MessagePayload {

    private static final JsonMapper JSON = JsonMapper.builder().build();

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

    /** The message a payload was made from; replay sends it again as it was first published. */
    public static RecordMessage fromJson(String payload) {
        JsonNode tree = JSON.readTree(payload);
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : tree.get("values").properties()) {
            values.put(field.getKey(), field.getValue().isNull() ? null : field.getValue().asString());
        }
        JsonNode key = tree.get("key");
        return new RecordMessage(tree.get("runId").asLong(), tree.get("feed").asString(), tree.get("recordNumber").asLong(),
                tree.get("line").asInt(), key == null || key.isNull() ? null : key.asString(), values);
    }
}
