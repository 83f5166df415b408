package io.feedimport.feed;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An XML feed's format: the path of the element that is one record, the encoding ({@code auto} honours the BOM and the
 * XML prolog), the declared namespace prefixes, and the limits the parser enforces.
 */
public record XmlFormat(List<PathStep> record, String encoding, Map<String, String> namespaces, XmlLimits limits)
        implements FormatDefinition {

    public static final String AUTO = "auto";

    public XmlFormat {
        record = List.copyOf(record);
        namespaces = Map.copyOf(namespaces);
    }

    @Override
    public String type() {
        return XML;
    }

    @Override
    public boolean isSheet() {
        return false;
    }

    public boolean autoEncoding() {
        return AUTO.equalsIgnoreCase(encoding);
    }

    @Override
    public String recordPath() {
        StringBuilder text = new StringBuilder();
        for (PathStep step : record) {
            text.append('/').append(step);
        }
        return text.toString();
    }

    /** A depth limit below the deepest declared path would make every file of the feed "malformed". */
    @Override
    public Optional<String> problemWith(List<FieldDefinition> fields) {
        int deepest = record.size() + fields.stream()
                .mapToInt(field -> (int) field.steps().stream().filter(step -> !step.attribute()).count()).max().orElse(0);
        if (limits.maxDepth() < deepest) {
            return Optional.of("limits.maxDepth is " + limits.maxDepth() + " but the record path and field paths reach depth "
                    + deepest);
        }
        return Optional.empty();
    }

    @Override
    public String identity() {
        return type() + '|' + recordPath() + '|' + encoding + '|' + new TreeMap<>(namespaces) + '\n';
    }
}
