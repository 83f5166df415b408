package io.feedimport.monitoring;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.report.SensitiveValues;
import io.feedimport.report.SkipEntry;

/**
 * Decides, for one run, which parts of its skip entries may leave the machine. A value is sent only when the feed's
 * {@link SensitiveValues} (the rule the review page and the stored skip report follow too) shows it and the value does
 * not look like personal data. (The skip report already holds sensitive values masked; this still applies the rule,
 * for entries from anywhere else.) Skip messages often
 * quote the value ({@code price '-1674' must be at least 0}), and database rejections may quote any column, so a
 * message is sent only when its value could be. Values of sensitive fields seen in the run are also cut out of any
 * other text sent (file name, key, the run's message), in case they turn up there.
 */
final class SkipRedactor {

    private static final int MAX_TEXT = 200;
    private static final int MIN_SECRET_LENGTH = 4;

    private final SensitiveValues sensitive;
    private final Set<String> secrets;

    private SkipRedactor(SensitiveValues sensitive, Set<String> secrets) {
        this.sensitive = sensitive;
        this.secrets = secrets;
    }

    /** The redactor for one run of the feed (null when unknown: then every value and key is withheld). */
    static SkipRedactor of(FeedDefinition feed, List<SkipEntry> skips) {
        SensitiveValues sensitive = SensitiveValues.of(feed);
        SkipRedactor withoutSecrets = new SkipRedactor(sensitive, Set.of());
        Set<String> secrets = skips.stream()
                .filter(skip -> skip.value() != null && skip.value().length() >= MIN_SECRET_LENGTH)
                .filter(skip -> !withoutSecrets.valueMaySend(skip))
                .map(SkipEntry::value)
                .collect(Collectors.toUnmodifiableSet());
        return new SkipRedactor(sensitive, secrets);
    }

    /** The entry's value as it may be sent: itself, {@value PersonalData#SCRUBBED}, or null when it had none. */
    String value(SkipEntry skip) {
        if (skip.value() == null) {
            return null;
        }
        return valueMaySend(skip) ? shorten(skip.value()) : PersonalData.SCRUBBED;
    }

    /** The entry's record key as it may be sent. */
    String key(SkipEntry skip) {
        if (skip.key() == null) {
            return null;
        }
        return sensitive.keySensitive() || PersonalData.appearsIn(skip.key()) ? PersonalData.SCRUBBED : text(skip.key());
    }

    /** The entry's message when it may be sent, otherwise null: the caller describes the skip by field and rule. */
    String message(SkipEntry skip) {
        boolean maySend = !sensitive.isSensitive(skip.field()) && (skip.value() == null || valueMaySend(skip));
        return maySend && skip.message() != null ? text(skip.message()) : null;
    }

    /** Any other text (file name, run message) with personal-looking parts and the run's secret values cut out. */
    String text(String text) {
        if (text == null) {
            return null;
        }
        String scrubbed = text;
        for (String secret : secrets) {
            scrubbed = scrubbed.replace(secret, PersonalData.SCRUBBED);
        }
        return shorten(PersonalData.scrub(scrubbed));
    }

    private boolean valueMaySend(SkipEntry skip) {
        return !sensitive.isSensitive(skip.field()) && !PersonalData.appearsIn(skip.value());
    }

    private static String shorten(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }
}
