package io.feedimport.feed;

import java.util.List;
import java.util.Map;

/**
 * How records are laid out in the file: the format, the path of the element that is one record,
 * the encoding ({@code auto} honours the BOM and the XML prolog) and declared namespace prefixes.
 */
public record FormatDefinition(String type, List<PathStep> record, String encoding,
                               Map<String, String> namespaces, XmlLimits limits) {

    public static final String AUTO = "auto";

    public FormatDefinition {
        record = List.copyOf(record);
        namespaces = Map.copyOf(namespaces);
    }

    public boolean autoEncoding() {
        return AUTO.equalsIgnoreCase(encoding);
    }

    /** The record path as written in the definition, for messages. */
    public String recordPath() {
        StringBuilder text = new StringBuilder();
        for (PathStep step : record) {
            text.append('/').append(step);
        }
        return text.toString();
    }
}
