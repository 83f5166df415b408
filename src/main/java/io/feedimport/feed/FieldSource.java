package io.feedimport.feed;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a field's value comes from, as its definition says: an XML path, a spreadsheet column by header or by letter
 * (said which: a header missing from the file is never read as a letter, as "Id" would read column ID), or a
 * computation over the record's other fields.
 *
 * @param computed whether the field is computed (its computation is null when its expression was refused)
 * @param valid    whether the definition said it well enough to build the field (if not, problems say why)
 */
record FieldSource(String path, List<PathStep> steps, String column, String letter, Computation computation, boolean computed,
                   boolean valid) {

    static FieldSource parse(YamlSection field, boolean sheet, Map<String, String> namespaces) {
        if (field.has("compute")) {
            for (String key : List.of("path", "column", "letter", "format", "lookup", "transform", "map", "unmapped", "default")) {
                if (field.has(key)) {
                    field.problem(key, "a computed field takes its value from compute alone");
                }
            }
            Computation computation = computation(field);
            return new FieldSource(null, List.of(), null, null, computation, true, computation != null);
        }
        return sheet ? column(field) : path(field, namespaces);
    }

    private static FieldSource column(YamlSection field) {
        String column = field.string("column", false);
        String letter = field.string("letter", false);
        boolean valid = false;
        if (column == null && letter == null) {
            field.problem("column", "a spreadsheet field names its column by header (column: \"E-mail\") or by letter"
                    + " (letter: D)");
        } else if (column != null && letter != null) {
            field.problem("letter", "name the column by its header (column) or by its letter (letter), not both");
        } else if (letter != null && SheetFormat.columnOfLetters(letter.strip()) < 0) {
            field.problem("letter", "'" + letter + "' is not a column letter: A to XFD");
        } else {
            valid = true;
        }
        if (field.string("path", false) != null) {
            field.problem("path", "a spreadsheet field is addressed by its column's header (column) or letter (letter),"
                    + " not by path");
        }
        return new FieldSource(null, List.of(), column, letter == null ? null : letter.strip().toUpperCase(Locale.ROOT), null,
                false, valid);
    }

    private static FieldSource path(YamlSection field, Map<String, String> namespaces) {
        String path = field.string("path", true);
        List<PathStep> steps = ElementPaths.parse(field, "path", path, false, namespaces);
        for (String key : List.of("column", "letter")) {
            if (field.string(key, false) != null) {
                field.problem(key, "an XML field is addressed by path; " + key + " is for xlsx and xls feeds");
            }
        }
        return new FieldSource(path, steps == null ? List.of() : steps, null, null, null, false, steps != null);
    }

    /** @return null when the expression is refused (then a problem says why) */
    private static Computation computation(YamlSection field) {
        String expression = field.string("compute", true);
        Integer scale = field.integer("scale", 0, 1000);
        if (expression == null) {
            return null;
        }
        try {
            return Computation.of(expression, scale);
        } catch (IllegalArgumentException e) {
            field.problem("compute", e.getMessage());
            return null;
        }
    }
}
