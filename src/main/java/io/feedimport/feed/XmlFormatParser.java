package io.feedimport.feed;

import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses the {@code format} of an XML feed: the record path, the encoding, the namespace prefixes and the parser's
 * limits. Also checks the section of a feed whose type is missing or unknown, so that its other mistakes are found in
 * the same load.
 */
final class XmlFormatParser implements FormatSections.Section {

    private static final Set<String> KEYS = Set.of("type", "record", "encoding", "namespaces", "limits");
    private static final Set<String> LIMITS = Set.of("maxDepth", "maxAttributes", "maxTextLength", "maxAttributeSize");

    /** @return the format, or null when its record path is missing or invalid (a problem is recorded) */
    @Override
    public FormatDefinition parse(YamlSection format, String type) {
        format.allowOnly(KEYS);
        if (type != null && !type.equals(FormatDefinition.XML)) {
            format.problem("type", FormatSections.unsupported(type));
        }
        Map<String, String> namespaces = namespaces(format.section("namespaces", false));
        List<PathStep> record = ElementPaths.parse(format, "record", format.string("record", true), true, namespaces);
        String encoding = format.string("encoding", false);
        if (encoding == null) {
            encoding = XmlFormat.AUTO;
        } else if (!encoding.equalsIgnoreCase(XmlFormat.AUTO) && !Charset.isSupported(encoding)) {
            format.problem("encoding", "unknown character set '" + encoding + "'; expected auto or a name such as UTF-8, ISO-8859-1, windows-1251");
        }
        XmlLimits limits = limits(format.section("limits", false));
        return record == null ? null : new XmlFormat(record, encoding, namespaces, limits);
    }

    private static Map<String, String> namespaces(YamlSection section) {
        Map<String, String> namespaces = new LinkedHashMap<>();
        if (section != null) {
            section.entries().forEach((prefix, uri) -> {
                if (uri == null || uri instanceof Map || uri instanceof List) {
                    section.problem(String.valueOf(prefix), "expected a namespace URI");
                } else {
                    namespaces.put(String.valueOf(prefix), String.valueOf(uri));
                }
            });
        }
        return namespaces;
    }

    private static XmlLimits limits(YamlSection limits) {
        if (limits == null) {
            return XmlLimits.DEFAULT;
        }
        limits.allowOnly(LIMITS);
        XmlLimits d = XmlLimits.DEFAULT;
        return new XmlLimits(
                orDefault(limits.integer("maxDepth", 2, 10_000), d.maxDepth()),
                orDefault(limits.integer("maxAttributes", 1, 100_000), d.maxAttributes()),
                orDefault(limits.integer("maxTextLength", 1, Integer.MAX_VALUE), d.maxTextLength()),
                orDefault(limits.integer("maxAttributeSize", 1, Integer.MAX_VALUE), d.maxAttributeSize()));
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
