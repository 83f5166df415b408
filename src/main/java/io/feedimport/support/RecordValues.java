package io.feedimport.support;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A record's field values as one JSON object in a text column, in the feed's field order. */
public final class RecordValues {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
    };
    /** A value longer than this is cut: the review page needs to recognise a record, not to hold a 1 MB cell. */
    private static final int MAX_VALUE = 2_000;

    private RecordValues() {
    }

    public static String toJson(Map<String, String> values) {
        Map<String, String> kept = new LinkedHashMap<>();
        values.forEach((name, value) -> kept.put(name, value == null || value.length() <= MAX_VALUE ? value
                : value.substring(0, MAX_VALUE) + "…"));
        return JSON.writeValueAsString(kept);
    }

    public static Map<String, String> fromJson(String json) {
        return json == null ? Map.of() : JSON.readValue(json, MAP);
    }
}
