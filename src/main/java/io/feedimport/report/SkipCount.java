package io.feedimport.report;

/** How many records of a run broke one rule on one field: a line of the skip report's breakdown. */
public record SkipCount(String field, String rule, long records) {
}
