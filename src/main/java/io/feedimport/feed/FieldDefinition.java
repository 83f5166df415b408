package io.feedimport.feed;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One field of a record: where it sits in the record, its type and the rules its value must pass.
 * Bounds are kept as the definition's text and interpreted by the validator for the field's type.
 */
public record FieldDefinition(
        String name,
        String path,
        List<PathStep> steps,
        FieldType type,
        boolean required,
        String min,
        String max,
        Integer minLength,
        Integer maxLength,
        Pattern pattern,
        List<String> values,
        String format) {

    public FieldDefinition {
        steps = List.copyOf(steps);
        values = values == null ? List.of() : List.copyOf(values);
    }

    /** The column this field is stored in: the field name in snake_case. */
    public String column() {
        return Names.column(name);
    }
}
