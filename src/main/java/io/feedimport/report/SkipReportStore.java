package io.feedimport.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.feedimport.report.SkipCount;
import io.feedimport.report.SensitiveValues;
import io.feedimport.report.SkipFilter;
import io.feedimport.report.SkippedRecord;
import org.springframework.jdbc.core.RowCallbackHandler;

import io.feedimport.validate.CheckedRecord;
import io.feedimport.report.SkipEntry;
import org.springframework.jdbc.core.JdbcTemplate;
import io.feedimport.support.JsonCodec;

/**
 * The skip report of each run: one row per violation of each skipped record. Written in the chunk's transaction,
 * so a chunk that rolls back takes its skip rows with it and a resumed run never reports a record twice.
 */
public final class SkipReportStore {

    private static final int MAX_VALUE = 2_000;

    private final JdbcTemplate jdbc;

    public SkipReportStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes the skip lines of these records with the feed's sensitive values already hidden: a value that must not be
     * shown never reaches the database, so neither the review page, its CSV, {@code report} nor Sentry can show it,
     * whether or not they know the feed's definition when they read it.
     */
    public void write(long runId, String feed, SensitiveValues sensitive, List<CheckedRecord> skipped) {
        List<Object[]> rows = new ArrayList<>();
        for (CheckedRecord record : skipped) {
            int seq = 0;
            for (SkipEntry raw : SkipEntry.of(runId, feed, record)) {
                SkippedRecord line = sensitive.line(new SkippedRecord(raw, record.source().asMap()));
                SkipEntry entry = line.entry();
                String values = seq == 0 ? JsonCodec.write(shortened(line.values())) : null;
                rows.add(new Object[] {runId, entry.recordNumber(), seq++, feed, entry.file(), entry.line(), entry.column(),
                        truncate(entry.key(), 500), entry.field(), entry.rule(), truncate(entry.value(), 500), entry.message(),
                        values});
            }
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO fi_skip (run_id, record_no, seq, feed, file, line, col, record_key, field, rule,"
                    + " bad_value, message, record_values) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        }
    }

    public long skippedRecords(long runId) {
        Long count = jdbc.queryForObject("SELECT COUNT(DISTINCT record_no) FROM fi_skip WHERE run_id = ?", Long.class, runId);
        return count == null ? 0 : count;
    }

    public List<SkipEntry> entries(long runId) {
        List<SkipEntry> entries = new ArrayList<>();
        each(runId, SkipFilter.ALL, line -> entries.add(line.entry()));
        return entries;
    }

    /** How many records broke each rule of each field, most frequent first. */
    public List<SkipCount> breakdown(long runId) {
        return jdbc.query("SELECT field, rule, COUNT(DISTINCT record_no) FROM fi_skip WHERE run_id = ? GROUP BY field, rule"
                        + " ORDER BY COUNT(DISTINCT record_no) DESC, field, rule",
                (rs, n) -> new SkipCount(rs.getString(1), rs.getString(2), rs.getLong(3)), runId);
    }

    /** The number of report lines (violations) the filter keeps. */
    public long count(long runId, SkipFilter filter) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM fi_skip s WHERE " + where(filter), Long.class, arguments(runId, filter));
        return count == null ? 0 : count;
    }

    /** One page of the lines the filter keeps, in record order, each with its record's values. */
    public List<SkippedRecord> page(long runId, SkipFilter filter, long offset, int limit) {
        return jdbc.query(SELECT_LINES + where(filter) + " ORDER BY s.record_no, s.seq OFFSET " + Math.max(0, offset)
                + " ROWS FETCH NEXT " + limit + " ROWS ONLY", (rs, n) -> line(rs), arguments(runId, filter));
    }

    /** Hands every line the filter keeps to {@code sink}, one row at a time: a report of any size is never held whole. */
    public void each(long runId, SkipFilter filter, Consumer<SkippedRecord> sink) {
        jdbc.query(SELECT_LINES + where(filter) + " ORDER BY s.record_no, s.seq", (RowCallbackHandler) rs -> sink.accept(line(rs)),
                arguments(runId, filter));
    }

    // the record's values are kept on its first line only, hence the self-join for the lines of its other violations
    private static final String SELECT_LINES = "SELECT s.run_id, s.feed, s.file, s.record_no, s.line, s.col, s.record_key,"
            + " s.field, s.rule, s.bad_value, s.message, v.record_values FROM fi_skip s"
            + " LEFT JOIN fi_skip v ON v.run_id = s.run_id AND v.record_no = s.record_no AND v.seq = 0 WHERE ";

    private static String where(SkipFilter filter) {
        return "s.run_id = ?" + (filter.field() == null ? "" : " AND s.field = ?") + (filter.rule() == null ? "" : " AND s.rule = ?");
    }

    private static Object[] arguments(long runId, SkipFilter filter) {
        List<Object> arguments = new ArrayList<>(List.of(runId));
        if (filter.field() != null) {
            arguments.add(filter.field());
        }
        if (filter.rule() != null) {
            arguments.add(filter.rule());
        }
        return arguments.toArray();
    }

    private static SkippedRecord line(ResultSet rs) throws SQLException {
        return new SkippedRecord(new SkipEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getInt(5),
                rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11)),
                JsonCodec.values(rs.getString(12)));
    }

    /** Values longer than {@link #MAX_VALUE} are cut: the review page needs to recognise a record, not to hold a 1 MB cell. */
    private static Map<String, String> shortened(Map<String, String> values) {
        Map<String, String> kept = new LinkedHashMap<>();
        values.forEach((name, value) -> kept.put(name, value == null || value.length() <= MAX_VALUE ? value
                : value.substring(0, MAX_VALUE) + "…"));
        return kept;
    }

    private static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
