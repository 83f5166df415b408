package io.feedimport.validate;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

import com.google.re2j.Matcher;
import io.feedimport.feed.FieldDefinition;
import io.feedimport.feed.FieldType;
import io.feedimport.feed.ValueParser;
import io.feedimport.feed.ValuePreparation;

/**
 * Checks one field of every record against its type and rules; built once per run, used for every record by the
 * one thread that validates the run (it reuses its regex matcher, which is not thread-safe).
 */
final class FieldValidator {

    private final FieldDefinition field;
    private final boolean required;
    private final DateTimeFormatter format;
    private final Comparable<Object> min;
    private final Comparable<Object> max;
    private final Matcher pattern;
    private final Set<String> values;
    /** null when the field prepares nothing: most fields, checked for every record */
    private final ValuePreparation preparation;

    FieldValidator(FieldDefinition field, boolean required) {
        this.field = field;
        this.required = required || field.required();
        this.format = ValueParser.formatter(field.format());
        this.min = bound(field, field.min());
        this.max = bound(field, field.max());
        this.pattern = field.pattern() == null ? null : field.pattern().matcher("");
        this.values = Set.copyOf(field.values());
        this.preparation = field.preparation().isNone() ? null : field.preparation();
    }

    @SuppressWarnings("unchecked")
    private static Comparable<Object> bound(FieldDefinition field, String text) {
        return text == null ? null : (Comparable<Object>) field.type().parse(text, null);
    }

    /** @return the typed value, or null when missing or invalid (then a violation is added) */
    Object check(String read, List<Violation> violations) {
        String raw = read;
        if (preparation != null) {
            try {
                raw = preparation.prepare(read);
            } catch (ValuePreparation.UnmappedValueException e) {
                String shown = e.value().equals(read) ? "'" + read + "'" : "'" + read + "' (" + e.value() + ")";
                violations.add(new Violation(field.name(), "map", read, field.name() + " " + shown + " is not in its map"));
                return null;
            }
        }
        if (raw == null) {
            if (required) {
                violations.add(new Violation(field.name(), "required", null, field.name() + " is required but missing"));
            }
            return null;
        }
        Object value;
        try {
            value = field.type().parse(raw, format);
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(field.name(), "type", raw, field.name() + " is " + e.getMessage()));
            return null;
        }
        int before = violations.size();
        checkRules(raw, value, violations);
        return violations.size() == before ? value : null;
    }

    private void checkRules(String raw, Object value, List<Violation> violations) {
        String name = field.name();
        if (min != null && compare(value, min) < 0) {
            violations.add(new Violation(name, "min", raw, name + " must be at least " + field.min()));
        }
        if (max != null && compare(value, max) > 0) {
            violations.add(new Violation(name, "max", raw, name + " must be at most " + field.max()));
        }
        if (field.type() == FieldType.STRING) {
            int length = raw.codePointCount(0, raw.length());
            if (field.minLength() != null && length < field.minLength()) {
                violations.add(new Violation(name, "minLength", raw, name + " has " + length + " characters, at least " + field.minLength() + " expected"));
            }
            boolean tooLong = field.maxLength() != null && length > field.maxLength();
            if (tooLong) {
                violations.add(new Violation(name, "maxLength", raw, name + " has " + length + " characters, at most " + field.maxLength() + " allowed"));
            }
            // a value already refused for its length is not also matched: its length is the attacker's to choose
            if (pattern != null && !tooLong && !pattern.reset(raw).matches()) {
                violations.add(new Violation(name, "pattern", raw, name + " does not match " + field.pattern().pattern()));
            }
        }
        if (field.type() == FieldType.ENUM && !values.contains(raw)) {
            violations.add(new Violation(name, "values", raw, name + " must be one of " + String.join(", ", field.values())));
        }
    }

    /** Values and bounds of a field share one type; date-times are both in UTC, so natural order is time order. */
    private static int compare(Object value, Comparable<Object> bound) {
        return -bound.compareTo(value);
    }
}
