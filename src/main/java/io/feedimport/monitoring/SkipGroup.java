package io.feedimport.monitoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.feedimport.report.SkipEntry;

/**
 * The skip entries of one run that broke the same rule of the same field: what becomes one Sentry event, so a rule
 * broken by thousands of records is one issue with a count, not thousands of issues.
 *
 * @param records  how many distinct records broke the rule
 * @param examples the first few entries, in the order they were skipped
 */
record SkipGroup(String field, String rule, long records, List<SkipEntry> examples) {

    SkipGroup {
        examples = List.copyOf(examples);
    }

    /** The entries grouped by field and rule, groups in the order their first entry appears. */
    static List<SkipGroup> of(List<SkipEntry> skips, int maxExamples) {
        Map<List<String>, Builder> groups = new LinkedHashMap<>();
        for (SkipEntry skip : skips) {
            groups.computeIfAbsent(Arrays.asList(skip.field(), skip.rule()), key -> new Builder()).add(skip, maxExamples);
        }
        List<SkipGroup> result = new ArrayList<>(groups.size());
        groups.forEach((key, group) -> result.add(new SkipGroup(key.get(0), key.get(1), group.records.size(), group.examples)));
        return result;
    }

    private static final class Builder {
        private final Set<Long> records = new HashSet<>();
        private final List<SkipEntry> examples = new ArrayList<>();

        void add(SkipEntry skip, int maxExamples) {
            if (records.add(skip.recordNumber()) && examples.size() < maxExamples) {
                examples.add(skip);
            }
        }
    }
}
