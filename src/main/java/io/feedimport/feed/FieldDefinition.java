package io.feedimport.feed;

import java.util.List;

import com.google.re2j.Pattern;

/**
 * One field of a record: where it sits in the record (an XML path, or a spreadsheet column given by its header or by
 * its letter, each explicitly), its type, the rules its value must pass, and the lookup that turns it into a reference, if any.
 * Bounds are kept as the definition's text and interpreted by the validator for the field's type; the pattern is
 * RE2, which matches in time linear in the value.
 *
 * @param sheetColumn the header text of a spreadsheet feed's field's column; null for XML feeds and letters
 * @param sheetLetter the letter of a spreadsheet feed's field's column (A, AB); null for XML feeds and headers
 * @param lookup      the name of the feed's lookup that resolves this field's value, or null
 * @param sensitive   whether the field's values must never leave the machine (error reports, Sentry)
 * @param preparation its transforms, value map and default, applied before validation
 * @param computation how its value is computed from other fields of the record; null for a field read from the file
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
        String format,
        String sheetColumn,
        String sheetLetter,
        String lookup,
        boolean sensitive,
        ValuePreparation preparation,
        Computation computation) {

    public FieldDefinition {
        preparation = preparation == null ? ValuePreparation.NONE : preparation;
        steps = List.copyOf(steps);
        values = values == null ? List.of() : List.copyOf(values);
    }

    /** Whether the field is computed from others rather than read from the file. */
    public boolean computed() {
        return computation != null;
    }

    /** The column this field is stored in: the field name in snake_case. */
    public String column() {
        return Names.column(name);
    }
}
