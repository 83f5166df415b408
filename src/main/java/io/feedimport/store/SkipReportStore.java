package io.feedimport.store;

import java.util.ArrayList;
import java.util.List;

import io.feedimport.validate.CheckedRecord;
import io.feedimport.report.SkipEntry;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The skip report of each run: one row per violation of each skipped record. Written in the chunk's transaction,
 * so a chunk that rolls back takes its skip rows with it and a resumed run never reports a record twice.
 */
public final class SkipReportStore {

    private final JdbcTemplate jdbc;

    public SkipReportStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void write(long runId, String feed, List<CheckedRecord> skipped) {
        List<Object[]> rows = new ArrayList<>();
        for (CheckedRecord record : skipped) {
            int seq = 0;
            for (SkipEntry entry : SkipEntry.of(runId, feed, record)) {
                rows.add(new Object[] {runId, entry.recordNumber(), seq++, feed, entry.file(), entry.line(), entry.column(),
                        truncate(entry.key(), 500), entry.field(), entry.rule(), truncate(entry.value(), 500), entry.message()});
            }
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO fi_skip (run_id, record_no, seq, feed, file, line, col, record_key, field, rule,"
                    + " bad_value, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        }
    }

    public long skippedRecords(long runId) {
        Long count = jdbc.queryForObject("SELECT COUNT(DISTINCT record_no) FROM fi_skip WHERE run_id = ?", Long.class, runId);
        return count == null ? 0 : count;
    }

    public List<SkipEntry> entries(long runId) {
        return jdbc.query("SELECT run_id, feed, file, record_no, line, col, record_key, field, rule, bad_value, message"
                        + " FROM fi_skip WHERE run_id = ? ORDER BY record_no, seq",
                (rs, n) -> new SkipEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getInt(5),
                        rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11)),
                runId);
    }

    private static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
