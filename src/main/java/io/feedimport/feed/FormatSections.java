package io.feedimport.feed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The formats a definition may declare, by {@code format.type}, each with the parser of its {@code format} section:
 * registering a format is one entry here. A missing or unknown type is reported, and the section is still checked as
 * XML's, so that one load finds every mistake.
 */
final class FormatSections {

    /** Parses one format's {@code format} section into its variant, recording every problem it finds. */
    interface Section {

        /** @return the format, or null when a problem leaves nothing to read records by */
        FormatDefinition parse(YamlSection format, String type);
    }

    private static final Map<String, Section> BY_TYPE = registry();

    private FormatSections() {
    }

    private static Map<String, Section> registry() {
        Map<String, Section> sections = new LinkedHashMap<>();
        sections.put(FormatDefinition.XML, new XmlFormatParser());
        sections.put(FormatDefinition.XLSX, new SheetFormatParser());
        sections.put(FormatDefinition.XLS, new SheetFormatParser());
        return Collections.unmodifiableMap(sections);
    }

    static FormatDefinition parse(YamlSection format) {
        String type = format.string("type", true);
        Section section = type == null ? null : BY_TYPE.get(type);
        return (section == null ? BY_TYPE.get(FormatDefinition.XML) : section).parse(format, type);
    }

    /** The problem with a type no format is registered under, naming those that are. */
    static String unsupported(String type) {
        List<String> known = new ArrayList<>(BY_TYPE.keySet());
        String last = known.remove(known.size() - 1);
        return "'" + type + "' is not supported; expected " + String.join(", ", known) + " or " + last;
    }
}
