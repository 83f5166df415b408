package io.feedimport.report;

/** Which lines of a skip report to show: those of one field, one rule, both, or (nulls) all of them. */
public record SkipFilter(String field, String rule) {

    public static final SkipFilter ALL = new SkipFilter(null, null);

    public SkipFilter {
        field = field == null || field.isBlank() ? null : field;
        rule = rule == null || rule.isBlank() ? null : rule;
    }
}
