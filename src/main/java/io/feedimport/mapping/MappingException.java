package io.feedimport.mapping;

/**
 * A message that cannot become a row as it is; retrying will not help, so it is rejected into the skip report
 * under its {@link #rule()}.
 */
public class MappingException extends RuntimeException {

    private final String rule;
    private final String field;
    private final String value;

    public MappingException(String message) {
        this("mapping", null, null, message);
    }

    protected MappingException(String rule, String field, String value, String message) {
        super(message);
        this.rule = rule;
        this.field = field;
        this.value = value;
    }

    /** The field that could not be mapped, or null when it is the record as a whole. */
    public String field() {
        return field;
    }

    /** The value, as written, that could not be mapped, or null. */
    public String value() {
        return value;
    }

    /** The rule the skip report files the record under: {@code mapping}, or {@code lookup}. */
    public String rule() {
        return rule;
    }
}
