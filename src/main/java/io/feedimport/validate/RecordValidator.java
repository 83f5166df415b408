package io.feedimport.validate;

import java.util.ArrayList;
import java.util.List;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FieldDefinition;
import io.feedimport.read.SourceRecord;

/**
 * Validates whole records against a feed definition. Key and version fields are required even when the definition
 * does not say so: a record without them could be neither upserted nor ordered.
 */
public final class RecordValidator {

    private final FieldValidator[] validators;
    private final int[] keyFields;
    private final boolean[] computedField;
    /** null for a feed without computed fields */
    private final ComputedFields computed;

    public RecordValidator(FeedDefinition feed) {
        List<FieldDefinition> fields = feed.fields();
        this.validators = new FieldValidator[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            FieldDefinition field = fields.get(i);
            boolean implied = feed.target().key().contains(field.name()) || field.name().equals(feed.target().version());
            validators[i] = new FieldValidator(field, implied);
        }
        this.keyFields = feed.target().key().stream().mapToInt(feed::indexOf).toArray();
        this.computedField = new boolean[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            computedField[i] = fields.get(i).computed();
        }
        ComputedFields computing = new ComputedFields(feed);
        this.computed = computing.isEmpty() ? null : computing;
    }

    public CheckedRecord check(SourceRecord record) {
        List<Violation> violations = new ArrayList<>(0);
        Object[] values = new Object[validators.length];
        for (int i = 0; i < validators.length; i++) {
            if (!computedField[i]) {
                values[i] = validators[i].check(record.value(i), violations);
            }
        }
        // computed from the values just validated, then validated themselves; a record already refused is not
        if (computed != null && violations.isEmpty()) {
            String[] results = new String[validators.length];
            computed.compute(values, results, violations);
            for (int i = 0; i < validators.length; i++) {
                if (computedField[i]) {
                    values[i] = validators[i].check(results[i], violations);
                }
            }
        }
        return new CheckedRecord(record, key(record), values, violations.isEmpty() ? List.of() : violations);
    }

    /** The record's key as written in the file, so a skipped record can be found in the source system. */
    private String key(SourceRecord record) {
        if (keyFields.length == 1) {
            return record.value(keyFields[0]);
        }
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < keyFields.length; i++) {
            if (i > 0) {
                key.append('|');
            }
            String part = record.value(keyFields[i]);
            key.append(part == null ? "" : part);
        }
        return key.toString();
    }
}
