package io.feedimport.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FieldDefinition;

/**
 * Which values of a feed's records may be shown, and the one way they are hidden, for everything that shows them:
 * the skip report as stored, the review page, its API and CSV, and Sentry. A value is hidden when its field is marked
 * {@code sensitive}, when the feed does not declare the field (we cannot know), and, when the feed's definition is
 * unknown, always. A record's key is hidden when a field of the target key is. Sentry additionally hides e-mail- and
 * phone-looking text, since its events leave the machine.
 *
 * @param known        whether the feed's definition is known; without it every value is sensitive
 * @param declared     the fields the feed declares
 * @param sensitive    the fields it marks {@code sensitive}
 * @param keySensitive whether a record's key is made of a sensitive field
 */
public record SensitiveValues(boolean known, Set<String> declared, Set<String> sensitive, boolean keySensitive) {

    /** What a hidden value is replaced with. */
    public static final String MASK = "[scrubbed]";

    /** The rules when the feed's definition is unknown: nothing from a record is shown. */
    public static final SensitiveValues UNKNOWN = new SensitiveValues(false, Set.of(), Set.of(), true);

    // a shorter value would be cut out of unrelated words of a message
    private static final int MIN_CUT_LENGTH = 4;

    public SensitiveValues {
        declared = Set.copyOf(declared);
        sensitive = Set.copyOf(sensitive);
    }

    /** The rules of the feed, or {@link #UNKNOWN} for null. */
    public static SensitiveValues of(FeedDefinition feed) {
        if (feed == null) {
            return UNKNOWN;
        }
        Set<String> sensitive = feed.fields().stream().filter(FieldDefinition::sensitive).map(FieldDefinition::name)
                .collect(Collectors.toSet());
        SensitiveValues rules = new SensitiveValues(true, feed.fields().stream().map(FieldDefinition::name)
                .collect(Collectors.toSet()), sensitive, false);
        boolean keySensitive = feed.target() != null && feed.target().key().stream().anyMatch(rules::isSensitive);
        return new SensitiveValues(true, rules.declared(), sensitive, keySensitive);
    }

    public boolean isSensitive(String field) {
        return !known || !declared.contains(field) || sensitive.contains(field);
    }

    /** The value as it may be shown: itself, {@value #MASK}, or null when there was none. */
    public String value(String field, String value) {
        return value == null || !isSensitive(field) ? value : MASK;
    }

    /** A record's values as they may be shown, in their order. */
    public Map<String, String> values(Map<String, String> values) {
        Map<String, String> shown = new LinkedHashMap<>();
        values.forEach((field, value) -> shown.put(field, value(field, value)));
        return shown;
    }

    /** A record's key as it may be shown. */
    public String key(String key) {
        return key == null || !keySensitive ? key : MASK;
    }

    /** A text about a record (a message, a reason) with the record's hidden values cut out, wherever they are quoted. */
    public String text(String text, Map<String, String> values) {
        if (text == null) {
            return null;
        }
        String shown = text;
        for (Map.Entry<String, String> value : values.entrySet()) {
            if (value.getValue() != null && value.getValue().length() >= MIN_CUT_LENGTH && isSensitive(value.getKey())) {
                shown = shown.replace(value.getValue(), MASK);
            }
        }
        return shown;
    }

    /** A line of a skip report as it may be shown: its value, key, message and the record's values. */
    public SkippedRecord line(SkippedRecord line) {
        SkipEntry e = line.entry();
        Map<String, String> values = new LinkedHashMap<>(line.values());
        if (e.value() != null && e.field() != null) {
            values.putIfAbsent(e.field(), e.value());
        }
        SkipEntry shown = new SkipEntry(e.runId(), e.feed(), e.file(), e.recordNumber(), e.line(), e.column(), key(e.key()),
                e.field(), e.rule(), value(e.field(), e.value()), text(e.message(), values));
        return new SkippedRecord(shown, values(line.values()));
    }
}
