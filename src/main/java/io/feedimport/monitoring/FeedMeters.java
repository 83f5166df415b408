package io.feedimport.monitoring;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * The counters and timers of one feed, resolved once so the stages pay a field access, not a registry lookup, per
 * chunk. Counters count events as they happen in this process, never states: a record parked and later replayed
 * successfully is counted once as parked and once as persisted; how many are parked now is the {@code error} queue
 * depth. Each counter is incremented only once what it counts is committed, and only the first time (a redelivery
 * or a resumed run counts nothing twice), so summed over every process they match the runs' summaries. Tags are
 * the feed's name, and for skips the field and rule from the feed's definition: never keys or values of records.
 */
public final class FeedMeters {

    static final String READ = "feedimport.records.read";
    static final String SKIPPED = "feedimport.records.skipped";
    static final String PUBLISHED = "feedimport.records.published";
    static final String PERSISTED = "feedimport.records.persisted";
    static final String UNCHANGED = "feedimport.records.unchanged";
    static final String RETRIED = "feedimport.records.retried";
    static final String PARKED = "feedimport.records.parked";
    static final String WITHDRAWN = "feedimport.records.withdrawn";
    static final String HELD = "feedimport.withdrawals.held";
    static final String PARSE = "feedimport.parse";
    static final String VALIDATE = "feedimport.validate";
    static final String PUBLISH_CONFIRM = "feedimport.publish.confirm";
    static final String MAPPING = "feedimport.mapping";
    static final String UPSERT = "feedimport.upsert";

    private final MeterRegistry registry;
    private final String feed;
    private final Counter read;
    private final Counter published;
    private final Counter persisted;
    private final Counter unchanged;
    private final Counter retried;
    private final Counter parked;
    private final Counter withdrawn;
    private final java.util.concurrent.atomic.AtomicLong held = new java.util.concurrent.atomic.AtomicLong();
    private final Timer parse;
    private final Timer validate;
    private final Timer publishConfirm;
    private final Timer mapping;
    private final Timer upsert;
    private final Map<String, Counter> skippedByRule = new ConcurrentHashMap<>();

    FeedMeters(MeterRegistry registry, String feed) {
        this.registry = registry;
        this.feed = feed;
        Tags tags = Tags.of("feed", feed);
        read = counter(READ, "records read from files, in chunks that committed; a resumed run counts only what it read", tags);
        published = counter(PUBLISHED, "valid records confirmed by the transport, in chunks that committed", tags);
        persisted = counter(PERSISTED, "records first accounted for as inserted or updated", tags);
        unchanged = counter(UNCHANGED, "records first accounted for as unchanged or outdated (a newer version is stored)", tags);
        retried = counter(RETRIED, "deliveries sent back for another attempt (one record may be retried several times)", tags);
        parked = counter(PARKED, "records that failed every attempt and were parked for review", tags);
        withdrawn = counter(WITHDRAWN, "keys a snapshot run withdrew, first accounted for (absent from the export)", tags);
        io.micrometer.core.instrument.Gauge.builder(HELD, held, java.util.concurrent.atomic.AtomicLong::get)
                .description("withdrawals the feed's last snapshot run holds, for a person to release or discard")
                .tags(tags).register(registry);
        parse = timer(PARSE, "parsing, one sample per read-ahead batch of up to 256 records", tags);
        validate = timer(VALIDATE, "validation, one sample per chunk", tags);
        publishConfirm = timer(PUBLISH_CONFIRM, "publishing a chunk until the transport confirmed every record", tags);
        mapping = timer(MAPPING, "mapping records to rows, one sample per consumed batch", tags);
        upsert = timer(UPSERT, "upserting a batch with its outcomes in one transaction, one sample per consumed batch", tags);
    }

    public String feed() {
        return feed;
    }

    public void read(long records) {
        read.increment(records);
    }

    /**
     * One skipped record that broke the rule of the field: a record that broke two rules counts under each, as in
     * the skip report, so the sum over rules may exceed the records skipped.
     *
     * @param field the field of the feed's definition, or "-" for the record as a whole
     * @param rule  the rule's name (min, values, constraint, lookup, ...)
     */
    public void skipped(String field, String rule) {
        String name = field == null ? "-" : field;
        String broken = rule == null ? "-" : rule;
        skippedByRule.computeIfAbsent(name + '\u0000' + broken, key -> counter(SKIPPED,
                "records skipped, by the field and rule they broke (validation, or refused by the consumer)",
                Tags.of("feed", feed, "field", name, "rule", broken))).increment();
    }

    public void published(long records) {
        published.increment(records);
    }

    public void persisted(long records) {
        persisted.increment(records);
    }

    public void unchanged(long records) {
        unchanged.increment(records);
    }

    public void retried(long records) {
        retried.increment(records);
    }

    public void parked(long records) {
        parked.increment(records);
    }

    public void withdrawn(long keys) {
        withdrawn.increment(keys);
    }

    /** The withdrawals the feed's latest snapshot run holds now (0 once released, discarded or applied). */
    public void held(long withdrawals) {
        held.set(withdrawals);
    }

    public void parsed(long nanos) {
        parse.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void validated(long nanos) {
        validate.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void confirmed(long nanos) {
        publishConfirm.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void mapped(long nanos) {
        mapping.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void upserted(long nanos) {
        upsert.record(nanos, TimeUnit.NANOSECONDS);
    }

    private Counter counter(String name, String description, Tags tags) {
        return Counter.builder(name).description(description).tags(tags).register(registry);
    }

    private Timer timer(String name, String description, Tags tags) {
        return Timer.builder(name).description(description).tags(tags).register(registry);
    }
}
