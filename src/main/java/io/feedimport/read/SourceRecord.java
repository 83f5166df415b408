package io.feedimport.read;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One record as found in the file: its 1-based number, where it starts, and the raw text of each declared field
 * in the order of the feed definition ({@code null} where the record does not have the field).
 */
public record SourceRecord(String file, long number, int line, int column, List<String> fieldNames, String[] values) {

    public String value(int index) {
        return values[index];
    }

    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            map.put(fieldNames.get(i), values[i]);
        }
        return map;
    }

    public String position() {
        return file + ":" + line + ":" + column;
    }
}
