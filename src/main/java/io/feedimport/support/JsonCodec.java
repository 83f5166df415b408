package io.feedimport.support;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON form of the engine's own data, through one Jackson mapper: a record's values (one flat object of text
 * in the feed's field order: a message body on the broker, a line of the skip report), a whole record message (kept
 * with a parked record) and the summaries the CLI prints. One mapper, so what one stage writes another reads back
 * alike, and a stored value or a queued message written by an earlier release still reads. Parked payloads and
 * {@code run --json} were once written by hand; they differed from this form only in escaping control characters
 * (a backspace as a six-character escape where Jackson writes a short one, hex digits in lower case where Jackson
 * writes upper case): the same text to any reader.
 *
 * <p>Static, because the mapper is immutable and shared, and the form must not depend on who wires what.
 */
public final class JsonCodec {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonCodec() {
    }

    /** Compact JSON of a record, a map (in its iteration order) or a plain value. */
    public static String write(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** {@link #write} as UTF-8 bytes, as a message body. */
    public static byte[] writeBytes(Object value) {
        return JSON.writeValueAsBytes(value);
    }

    /** @throws IllegalArgumentException when {@code json} is not JSON of that type */
    public static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not JSON of a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** A record's values, in their stored order; none for a record stored without them. */
    public static Map<String, String> values(String json) {
        return json == null ? Map.of() : values(tree(JSON.readTree(json)));
    }

    /** @throws IllegalArgumentException when {@code json} is not JSON, or not one object: not a record's values */
    public static Map<String, String> values(byte[] json) {
        try {
            return values(tree(JSON.readTree(json)));
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }

    private static JsonNode tree(JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return tree;
    }

    /** Values are text, or null; a number or boolean some other writer left there reads as its text. */
    private static Map<String, String> values(JsonNode object) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            values.put(field.getKey(), field.getValue().isNull() ? null : field.getValue().asString());
        }
        return values;
    }
}
