package io.feedimport.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.re2j.Pattern;

/** Parses the {@code fields} mapping and refuses any rule that does not fit its field's type. */
final class FieldDefinitionParser {

    private static final Set<String> KEYS = Set.of("path", "column", "letter", "type", "required", "min", "max", "minLength",
            "maxLength", "pattern", "values", "format", "lookup", "sensitive", "transform", "map", "unmapped", "default", "compute", "scale");

    private final YamlSection root;
    private final Map<String, String> namespaces;
    private final boolean sheet;

    /** @param sheet whether fields are spreadsheet columns ({@code column}) rather than XML paths ({@code path}) */
    FieldDefinitionParser(YamlSection root, Map<String, String> namespaces, boolean sheet) {
        this.root = root;
        this.namespaces = namespaces;
        this.sheet = sheet;
    }

    List<FieldDefinition> parse(YamlSection fields) {
        List<FieldDefinition> result = new ArrayList<>();
        if (fields == null) {
            return result;
        }
        if (fields.entries().isEmpty()) {
            root.problem("fields", "expected at least one field");
        }
        java.util.Map<String, String> columns = new java.util.HashMap<>();
        fields.entries().forEach((name, body) -> {
            String fieldName = String.valueOf(name);
            String other = columns.putIfAbsent(Names.column(fieldName), fieldName);
            if (other != null) {
                fields.problem(fieldName, "is stored in column " + Names.column(fieldName) + " like field " + other + "; rename one");
            }
            YamlSection field = fields.section(fieldName, true);
            if (field != null) {
                FieldDefinition definition = field(fieldName, field, fields);
                if (definition != null) {
                    result.add(definition);
                }
            }
        });
        return result;
    }

    private FieldDefinition field(String name, YamlSection field, YamlSection fields) {
        if (!Names.FIELD_NAME.matcher(name).matches() || Names.column(name).startsWith(Names.RESERVED_PREFIX)) {
            fields.problem(name, "field names are letters, digits and '_', start with a letter and do not map to a fi_ column");
        } else if (Names.reserved(Names.column(name))) {
            fields.problem(name, "'" + Names.column(name) + "' is a reserved SQL word in H2 or PostgreSQL; rename the field (e.g. "
                    + name + "Value)");
        }
        field.allowOnly(KEYS);
        String typeText = field.string("type", true);
        FieldType type = typeText == null ? null : FieldType.parse(typeText).orElse(null);
        if (typeText != null && type == null) {
            field.problem("type", "unknown type '" + typeText + "'; expected one of string, integer, decimal, boolean, date, datetime, enum");
        }
        FieldSource source = FieldSource.parse(field, sheet, namespaces);
        String lookup = field.string("lookup", false);
        String format = field.string("format", false);
        checkFormat(field, type, format);
        String min = bound(field, "min", type);
        String max = bound(field, "max", type);
        if (min != null && max != null && compare(type, min, max) > 0) {
            field.problem("min", "is greater than max, so no value could pass");
        }
        Integer minLength = field.integer("minLength", 0, Integer.MAX_VALUE);
        Integer maxLength = field.integer("maxLength", 1, Integer.MAX_VALUE);
        if ((minLength != null || maxLength != null) && type != null && type != FieldType.STRING) {
            field.problem(minLength != null ? "minLength" : "maxLength", "length rules apply to string fields, not " + type.yamlName());
        }
        if (minLength != null && maxLength != null && minLength > maxLength) {
            field.problem("minLength", "is greater than maxLength");
        }
        Pattern pattern = pattern(field, type);
        List<String> values = field.strings("values", false);
        if (type == FieldType.ENUM && (values == null || values.isEmpty())) {
            field.problem("values", "an enum field needs its list of allowed values");
        } else if (values != null && values.stream().anyMatch(String::isBlank)) {
            field.problem("values", "a blank value can never match: blank text counts as missing");
        } else if (values != null && type != null && type != FieldType.ENUM) {
            field.problem("values", "allowed values apply to enum fields; declare type: enum");
        }
        boolean required = field.bool("required");
        ValuePreparation preparation = source.computed() ? ValuePreparation.NONE
                : new ValuePreparationParser(field, type, format, values).parse();
        if (field.has("scale") && (!source.computed() || type != FieldType.DECIMAL)) {
            field.problem("scale", "rounds the result of a computed decimal field");
        }
        if (type == null || !source.valid()) {
            return null;
        }
        return new FieldDefinition(name, source.path(), source.steps(), type, required, min, max, minLength, maxLength, pattern,
                values, format, source.column(), source.letter(), lookup, field.bool("sensitive"), preparation, source.computation());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(FieldType type, String min, String max) {
        return ((Comparable) type.parse(min, null)).compareTo(type.parse(max, null));
    }

    private static void checkFormat(YamlSection field, FieldType type, String format) {
        if (format == null) {
            return;
        }
        if (type == null || !type.takesFormat()) {
            field.problem("format", "a format applies to date and datetime fields only");
            return;
        }
        try {
            ValueParser.formatter(format);
        } catch (IllegalArgumentException e) {
            field.problem("format", "not a valid date pattern: " + e.getMessage());
        }
    }

    /** A bound is written in ISO notation whatever the field's {@code format}: the definition is not the file. */
    private static String bound(YamlSection field, String key, FieldType type) {
        String text = field.string(key, false);
        if (text == null || type == null) {
            return text;
        }
        if (!type.isOrdered()) {
            field.problem(key, key + " applies to integer, decimal, date and datetime fields, not " + type.yamlName()
                    + (type == FieldType.STRING ? " (use minLength/maxLength)" : ""));
            return null;
        }
        try {
            type.parse(text, null);
            return text;
        } catch (IllegalArgumentException e) {
            field.problem(key, "'" + text + "' is " + e.getMessage() + " but the field is " + type.yamlName());
            return null;
        }
    }

    private static Pattern pattern(YamlSection field, FieldType type) {
        String text = field.string("pattern", false);
        if (text == null) {
            return null;
        }
        if (type != null && type != FieldType.STRING) {
            field.problem("pattern", "a pattern applies to string fields, not " + (type.yamlName()));
            return null;
        }
        try {
            return FieldPatterns.compile(text);
        } catch (IllegalArgumentException e) {
            field.problem("pattern", e.getMessage());
            return null;
        }
    }
}
