package io.feedimport.feed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a field's {@code transform}, {@code map}, {@code unmapped} and {@code default}. What the map or the default
 * stores must be a value of the field's type (and of its {@code values}, for an enum): a definition that could only
 * ever produce invalid records is refused when it is loaded, not discovered a record at a time.
 */
final class ValuePreparationParser {

    private final YamlSection field;
    private final FieldType type;
    private final String format;
    private final List<String> values;

    ValuePreparationParser(YamlSection field, FieldType type, String format, List<String> values) {
        this.field = field;
        this.type = type;
        this.format = format;
        this.values = values;
    }

    ValuePreparation parse() {
        List<ValuePreparation.Transform> transforms = transforms();
        Map<String, String> map = map();
        ValuePreparation.Unmapped unmapped = unmapped(map);
        String defaultValue = field.string("default", false);
        if (defaultValue != null) {
            storable("default", defaultValue);
        }
        if (transforms.isEmpty() && map.isEmpty() && defaultValue == null) {
            return ValuePreparation.NONE;
        }
        return new ValuePreparation(transforms, map, unmapped, defaultValue);
    }

    private List<ValuePreparation.Transform> transforms() {
        List<String> names = field.strings("transform", false);
        List<ValuePreparation.Transform> transforms = new ArrayList<>();
        if (names == null) {
            return transforms;
        }
        for (String name : names) {
            ValuePreparation.Transform.named(name).ifPresentOrElse(transforms::add, () -> field.problem("transform",
                    "unknown transform '" + name + "'; expected some of " + ValuePreparation.Transform.names()));
        }
        return transforms;
    }

    private Map<String, String> map() {
        Map<String, String> map = new LinkedHashMap<>();
        if (!field.has("map")) {
            return map;
        }
        YamlSection section = field.section("map", false);
        if (section == null) {
            return map;
        }
        section.entries().forEach((from, to) -> {
            if (to == null || to instanceof Map || to instanceof List) {
                section.problem(String.valueOf(from), "expected the single value stored for '" + from + "'");
            } else if (storable("map." + from, String.valueOf(to))) {
                map.put(String.valueOf(from), String.valueOf(to));
            }
        });
        if (section.entries().isEmpty()) {
            field.problem("map", "expected at least one value to map");
        }
        return map;
    }

    private ValuePreparation.Unmapped unmapped(Map<String, String> map) {
        String rule = field.string("unmapped", false);
        if (rule == null) {
            if (!map.isEmpty()) {
                field.problem("unmapped", "a map says what becomes of a value it lacks: unmapped: keep (validated as"
                        + " it is), reject (the record is skipped) or missing (the default, if any)");
            }
            return null;
        }
        if (map.isEmpty() && !field.has("map")) {
            field.problem("unmapped", "applies to a field with a map");
            return null;
        }
        return ValuePreparation.Unmapped.named(rule).orElseGet(() -> {
            field.problem("unmapped", "expected keep, reject or missing, got '" + rule + "'");
            return null;
        });
    }

    /** @return whether {@code value} is one the field can store; if not, says so at {@code key} */
    private boolean storable(String key, String value) {
        if (type == null) {
            return false;
        }
        java.time.format.DateTimeFormatter formatter;
        try {
            formatter = ValueParser.formatter(format);
        } catch (IllegalArgumentException e) {
            return true; // the format itself is refused, at its own key
        }
        try {
            type.parse(value, formatter);
        } catch (IllegalArgumentException e) {
            field.problem(key, "'" + value + "' is not a valid " + type.yamlName() + ": " + e.getMessage());
            return false;
        }
        if (type == FieldType.ENUM && values != null && !values.contains(value)) {
            field.problem(key, "'" + value + "' is not one of the field's values " + values);
            return false;
        }
        return true;
    }
}
