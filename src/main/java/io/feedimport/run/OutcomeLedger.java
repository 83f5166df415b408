package io.feedimport.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One row per published record of a run, written in the same transaction as the entity. It is what makes a count
 * exact under redelivery (a record keeps the outcome of its first handling) and what the run's counts are computed
 * from. The one outcome that is replaced is PARKED: a replayed record that now passes is counted for what it became.
 */
public final class OutcomeLedger {

    private final JdbcTemplate jdbc;

    public OutcomeLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean contains(long runId, long recordNumber) {
        return outcome(runId, recordNumber) != null;
    }

    /** The recorded outcome of a record, or null when it has none. */
    public RecordOutcome outcome(long runId, long recordNumber) {
        String found = jdbc.query("SELECT outcome FROM fi_outcome WHERE run_id = ? AND record_no = ?",
                rs -> rs.next() ? rs.getString(1) : null, runId, recordNumber);
        return found == null ? null : RecordOutcome.valueOf(found);
    }

    /** Fails with a duplicate-key error when a concurrent delivery recorded the record first. */
    public void record(long runId, long recordNumber, RecordOutcome outcome) {
        recordAll(List.of(new Entry(runId, recordNumber, outcome)));
    }

    /**
     * Records outcomes of records not yet in the ledger, and replaces PARKED ones; a record already accounted for
     * otherwise keeps its outcome. Fails with a duplicate-key error when a concurrent delivery recorded one first,
     * which the caller's retry resolves.
     *
     * @return the entries that took effect (new, or replacing PARKED): what may be counted once the caller commits
     */
    public List<Entry> recordAll(List<Entry> entries) {
        Map<Long, Map<Long, Entry>> byRun = new LinkedHashMap<>();
        for (Entry entry : entries) {
            byRun.computeIfAbsent(entry.runId(), run -> new LinkedHashMap<>()).putIfAbsent(entry.recordNumber(), entry);
        }
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> replacements = new ArrayList<>();
        List<Entry> recorded = new ArrayList<>();
        for (Map.Entry<Long, Map<Long, Entry>> run : byRun.entrySet()) {
            Map<Long, String> known = known(run.getKey(), run.getValue().keySet().stream().toList());
            for (Entry entry : run.getValue().values()) {
                String before = known.get(entry.recordNumber());
                if (before == null) {
                    inserts.add(new Object[] {entry.runId(), entry.recordNumber(), entry.outcome().name()});
                    recorded.add(entry);
                } else if (RecordOutcome.PARKED.name().equals(before) && entry.outcome() != RecordOutcome.PARKED) {
                    replacements.add(new Object[] {entry.outcome().name(), entry.runId(), entry.recordNumber()});
                    recorded.add(entry);
                }
            }
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO fi_outcome (run_id, record_no, outcome) VALUES (?, ?, ?)", inserts);
        }
        if (!replacements.isEmpty()) {
            jdbc.batchUpdate("UPDATE fi_outcome SET outcome = ? WHERE run_id = ? AND record_no = ?", replacements);
        }
        return recorded;
    }

    private Map<Long, String> known(long runId, List<Long> recordNumbers) {
        Map<Long, String> known = inRange(runId, Collections.min(recordNumbers), Collections.max(recordNumbers));
        known.keySet().retainAll(new HashSet<>(recordNumbers));
        return known;
    }

    /** The record numbers from {@code first} to {@code last} that have an outcome. */
    public Set<Long> recorded(long runId, long first, long last) {
        return inRange(runId, first, last).keySet();
    }

    /**
     * A range on the primary key rather than an IN list: H2 scans the whole table for an IN list on the key's second
     * column, and a batch's record numbers are close together anyway.
     */
    private Map<Long, String> inRange(long runId, long first, long last) {
        Map<Long, String> found = new HashMap<>();
        jdbc.query("SELECT record_no, outcome FROM fi_outcome WHERE run_id = ? AND record_no BETWEEN ? AND ?",
                rs -> {
                    found.put(rs.getLong(1), rs.getString(2));
                }, runId, first, last);
        return found;
    }

    /** Counts outcomes of records up to {@code lastRecord}: records past it belong to a chunk that did not commit. */
    public Map<RecordOutcome, Long> counts(long runId, long lastRecord) {
        return counts("record_no <= ?", runId, lastRecord);
    }

    /** Counts outcomes of the messages numbered after {@code lastRecord}: the withdrawals of a snapshot run. */
    public Map<RecordOutcome, Long> countsAfter(long runId, long lastRecord) {
        return counts("record_no > ?", runId, lastRecord);
    }

    private Map<RecordOutcome, Long> counts(String range, long runId, long lastRecord) {
        Map<RecordOutcome, Long> counts = new EnumMap<>(RecordOutcome.class);
        for (RecordOutcome outcome : RecordOutcome.values()) {
            counts.put(outcome, 0L);
        }
        jdbc.query("SELECT outcome, COUNT(*) FROM fi_outcome WHERE run_id = ? AND " + range + " GROUP BY outcome",
                rs -> {
                    counts.put(RecordOutcome.valueOf(rs.getString(1)), rs.getLong(2));
                }, runId, lastRecord);
        return counts;
    }

    public record Entry(long runId, long recordNumber, RecordOutcome outcome) {
    }
}
