package io.feedimport.withdraw;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.feedimport.delta.RecordKeys;
import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FieldDefinition;
import io.feedimport.feed.ValueParser;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Lists the keys a snapshot run withdraws: every live row of the target whose key the run did not read. The target
 * is streamed, a page of keys at a time looked up among the run's read keys, so memory does not grow with the table.
 * Must run inside a transaction (a streamed read needs one on PostgreSQL).
 */
final class WithdrawalPlanner {

    private static final int PAGE = 1000;

    private final JdbcTemplate jdbc;
    private final SeenKeys seen;
    private final WithdrawalLedger ledger;

    WithdrawalPlanner(JdbcTemplate jdbc, SeenKeys seen, WithdrawalLedger ledger) {
        this.jdbc = jdbc;
        this.seen = seen;
        this.ledger = ledger;
    }

    /** @return how many keys were listed */
    long plan(FeedDefinition feed, long runId) {
        List<FieldDefinition> keyFields = feed.target().key().stream().map(name -> feed.field(name).orElseThrow()).toList();
        String sql = "SELECT " + String.join(", ", keyFields.stream().map(FieldDefinition::column).toList()) + " FROM "
                + feed.target().table() + (feed.snapshot().softDelete() ? " WHERE withdrawn_at IS NULL" : "");
        Listing listing = new Listing(feed, keyFields, runId);
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(PAGE);
        streaming.query(sql, rs -> {
            Object[] key = new Object[keyFields.size()];
            for (int i = 0; i < key.length; i++) {
                key[i] = rs.getObject(i + 1, keyFields.get(i).type().javaType());
            }
            listing.add(key);
        });
        listing.flush();
        return listing.count;
    }

    /** A page of the target's keys at a time, listed when the run did not read them. */
    private final class Listing {

        private final List<FieldDefinition> keyFields;
        private final RecordKeys keyText;
        private final long runId;
        private final List<Object[]> keys = new ArrayList<>(PAGE);
        private long count;

        Listing(FeedDefinition feed, List<FieldDefinition> keyFields, long runId) {
            this.keyFields = keyFields;
            this.keyText = new RecordKeys(feed);
            this.runId = runId;
        }

        void add(Object[] key) {
            keys.add(key);
            if (keys.size() == PAGE) {
                flush();
            }
        }

        void flush() {
            List<String> texts = keys.stream().map(keyText::text).toList();
            List<String> keyHashes = texts.stream().map(text -> text == null ? null : keyText.hash(text)).toList();
            Set<String> read = seen.seen(runId, keyHashes.stream().filter(java.util.Objects::nonNull).toList());
            List<Withdrawal> withdrawals = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                if (keyHashes.get(i) != null && !read.contains(keyHashes.get(i))) {
                    withdrawals.add(withdrawal(++count, keys.get(i), texts.get(i)));
                }
            }
            ledger.add(runId, withdrawals);
            keys.clear();
        }

        /** @param text the key as the run's messages write it: a withdrawal shares its record's lane and fingerprint */
        private Withdrawal withdrawal(long seq, Object[] key, String text) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < key.length; i++) {
                values.put(keyFields.get(i).name(), ValueParser.canonical(key[i]));
            }
            return new Withdrawal(seq, text, values);
        }
    }
}
