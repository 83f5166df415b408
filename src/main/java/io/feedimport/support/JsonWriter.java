package io.feedimport.support;

import java.util.Map;

/** Writes flat JSON objects; enough for summaries and message payloads without a JSON library on the classpath. */
public final class JsonWriter {

    private final StringBuilder json = new StringBuilder("{");

    public JsonWriter field(String name, Object value) {
        if (json.length() > 1) {
            json.append(',');
        }
        quote(name);
        json.append(':');
        value(value);
        return this;
    }

    private void value(Object value) {
        if (value == null) {
            json.append("null");
        } else if (value instanceof Number || value instanceof Boolean) {
            json.append(value);
        } else if (value instanceof Map<?, ?> map) {
            JsonWriter nested = new JsonWriter();
            map.forEach((key, item) -> nested.field(String.valueOf(key), item));
            json.append(nested);
        } else {
            quote(String.valueOf(value));
        }
    }

    private void quote(String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    @Override
    public String toString() {
        return json + "}";
    }
}
