package io.feedimport.validate;

/** Why a record is skipped: the field, the rule it broke, the offending value (truncated) and a human message. */
public record Violation(String field, String rule, String value, String message) {

    static final int MAX_VALUE_LENGTH = 100;

    public Violation {
        if (value != null && value.length() > MAX_VALUE_LENGTH) {
            value = value.substring(0, MAX_VALUE_LENGTH) + "…";
        }
    }
}
