package io.feedimport.monitoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.report.RunStatus;
import io.feedimport.report.RunSummary;
import io.feedimport.report.SkipEntry;
import io.sentry.SentryEvent;
import io.sentry.SentryLevel;
import io.sentry.protocol.Message;

/**
 * Turns an ended run into the Sentry events that describe it: one per broken rule of a field, one when records were
 * parked, one when the run failed, one when a snapshot run's guard held its withdrawals. Each event's fingerprint names the feed (and field and rule), so Sentry keeps one
 * issue per problem and counts its occurrences across runs. Everything taken from records goes through a
 * {@link SkipRedactor} first.
 */
final class RunEvents {

    static final String LOGGER = "feedimport";

    private final int maxExamples;

    RunEvents(int maxExamples) {
        this.maxExamples = maxExamples;
    }

    List<SentryEvent> of(FeedDefinition feed, RunSummary summary, List<SkipEntry> skips) {
        List<SkipEntry> entries = skips == null ? List.of() : skips;
        SkipRedactor redactor = SkipRedactor.of(feed, entries);
        String name = summary.feed() != null ? summary.feed() : feed != null ? feed.name() : "?";
        List<SentryEvent> events = new ArrayList<>();
        for (SkipGroup group : SkipGroup.of(entries, maxExamples)) {
            events.add(skipped(name, summary, group, redactor));
        }
        if (summary.parked() > 0) {
            events.add(event(SentryLevel.WARNING, name, summary, redactor, "feed %s: %s records parked in run %s",
                    List.of(name, Long.toString(summary.parked()), Long.toString(summary.runId())),
                    List.of("feedimport-parked", name)));
        }
        if (summary.status() == RunStatus.FAILED) {
            String message = summary.message() == null ? "no message" : redactor.text(summary.message());
            events.add(event(SentryLevel.ERROR, name, summary, redactor, "feed %s: run failed: %s",
                    List.of(name, message), List.of("feedimport-run-failed", name)));
        }
        if (summary.status() == RunStatus.HELD) {
            String message = summary.message() == null ? "no message" : redactor.text(summary.message());
            events.add(event(SentryLevel.ERROR, name, summary, redactor, "feed %s: snapshot run held: %s",
                    List.of(name, message), List.of("feedimport-run-held", name)));
        }
        return events;
    }

    private SentryEvent skipped(String name, RunSummary summary, SkipGroup group, SkipRedactor redactor) {
        String field = String.valueOf(group.field());
        String rule = String.valueOf(group.rule());
        SentryEvent event = event(SentryLevel.WARNING, name, summary, redactor,
                "feed %s: %s records skipped by rule %s [%s]", List.of(name, Long.toString(group.records()), field, rule),
                List.of("feedimport-skip", name, field, rule));
        event.setTag("field", field);
        event.setTag("rule", rule);
        event.setExtra("records", group.records());
        List<Map<String, Object>> examples = new ArrayList<>();
        for (SkipEntry skip : group.examples()) {
            examples.add(example(skip, redactor));
        }
        event.setExtra("examples", examples);
        return event;
    }

    private static Map<String, Object> example(SkipEntry skip, SkipRedactor redactor) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("record", skip.recordNumber());
        example.put("line", skip.line());
        putIfPresent(example, "key", redactor.key(skip));
        putIfPresent(example, "value", redactor.value(skip));
        putIfPresent(example, "message", redactor.message(skip));
        return example;
    }

    private static SentryEvent event(SentryLevel level, String name, RunSummary summary, SkipRedactor redactor,
                                     String template, List<String> params, List<String> fingerprint) {
        Message message = new Message();
        message.setMessage(template);
        message.setParams(params);
        message.setFormatted(String.format(template, params.toArray()));
        SentryEvent event = new SentryEvent();
        event.setLevel(level);
        event.setLogger(LOGGER);
        event.setMessage(message);
        event.setFingerprints(fingerprint);
        event.setTag("feed", name);
        event.setTag("status", String.valueOf(summary.status()));
        event.setExtra("runId", summary.runId());
        event.setExtra("file", redactor.text(summary.file()));
        event.setExtra("counts", counts(summary));
        return event;
    }

    private static Map<String, Object> counts(RunSummary summary) {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("read", summary.read());
        counts.put("skipped", summary.skipped());
        counts.put("persisted", summary.persisted());
        counts.put("unchanged", summary.unchanged());
        counts.put("parked", summary.parked());
        if (summary.withdrawals().state() != null) {
            counts.put("withdrawn", summary.withdrawals().withdrawn());
            counts.put("withdrawalsHeld", summary.withdrawals().held());
        }
        return counts;
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
