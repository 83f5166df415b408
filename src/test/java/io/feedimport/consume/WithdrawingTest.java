package io.feedimport.consume;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.feedimport.delta.ContentFingerprints;
import io.feedimport.delta.FingerprintLedger;
import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FeedDefinitionLoader;
import io.feedimport.migration.EngineMigrations;
import io.feedimport.monitoring.FeedMetrics;
import io.feedimport.publish.RecordMessage;
import io.feedimport.run.OutcomeLedger;
import io.feedimport.run.RecordOutcome;
import io.feedimport.store.EntityTable;
import io.feedimport.store.EntityWithdrawals;
import io.feedimport.store.SqlDialect;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Withdrawals as a consumer applies them: the row, the ledger and the fingerprint, in one transaction. */
class WithdrawingTest {

    private static final String FEED = """
            name: flats
            mode: snapshot
            format: { type: xml, record: /flats/flat }
            fields:
              id:    { path: "@id", type: string, required: true }
              title: { path: title, type: string }
            target: { table: flat, key: [id] }
            """;
    private static final int KEYS = 4000;

    @TempDir
    Path dir;

    JdbcTemplate jdbc;
    Withdrawing withdrawing;
    FeedDefinition feed;

    @BeforeEach
    void tableWithRowsAndFingerprints() throws IOException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:withdrawing-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        EngineMigrations.migrate(h2);
        jdbc = new JdbcTemplate(h2);
        feed = new FeedDefinitionLoader().load(Files.writeString(dir.resolve("flats.yml"), FEED));
        new EntityTable(h2, SqlDialect.H2).ensure(feed);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(h2);
        FingerprintLedger fingerprints = new FingerprintLedger(jdbc, transactions);
        List<FingerprintLedger.Committed> stored = new ArrayList<>();
        for (int i = 0; i < KEYS; i++) {
            jdbc.update("INSERT INTO flat (id, title, fi_hash, fi_run_id, fi_record_no, fi_updated_at)"
                    + " VALUES (?, 't', 'h', 1, ?, CURRENT_TIMESTAMP)", "F-" + i, i);
            stored.add(new FingerprintLedger.Committed(ContentFingerprints.key("flat", "F-" + i), "flats", String.format("%016x", i), 1));
        }
        fingerprints.remember(stored);
        withdrawing = new Withdrawing(feed, new EntityWithdrawals(jdbc, feed), new OutcomeLedger(jdbc), fingerprints,
                new TransactionTemplate(transactions), FeedMetrics.none().feed("flats"));
    }

    @Test
    void consumerThreadsSideBySideForgetExactlyTheFingerprintsOfTheKeysTheyWithdrew() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Outcome>>> done = new ArrayList<>();
            for (int from = 0; from < KEYS; from += 50) {
                List<RecordMessage> batch = new ArrayList<>();
                for (int i = from; i < from + 50; i++) {
                    batch.add(new RecordMessage(2, "flats", 1000 + i, 0, "F-" + i, Map.of("id", "F-" + i), null, true));
                }
                done.add(threads.submit(() -> apply(batch)));
            }
            for (Future<List<Outcome>> batch : done) {
                assertThat(batch.get()).allMatch(outcome -> outcome.kind() == Outcome.Kind.ACK);
            }
        } finally {
            threads.shutdown();
        }

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flat WHERE withdrawn_at IS NULL", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fi_fingerprint", Long.class))
                .as("a returning key must be sent: no fingerprint of a withdrawn key may stay").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fi_outcome WHERE outcome = ?", Long.class,
                RecordOutcome.WITHDRAWN.name())).isEqualTo(KEYS);
    }

    @Test
    void aRowALaterRunWroteIsKeptAndARedeliveryCountsNothingAgain() {
        jdbc.update("UPDATE flat SET fi_run_id = 3 WHERE id = 'F-1'");
        List<RecordMessage> batch = List.of(
                new RecordMessage(2, "flats", 1000, 0, "F-0", Map.of("id", "F-0"), null, true),
                new RecordMessage(2, "flats", 1001, 0, "F-1", Map.of("id", "F-1"), null, true));

        apply(batch);
        apply(batch);

        assertThat(jdbc.queryForList("SELECT id FROM flat WHERE withdrawn_at IS NOT NULL", String.class)).containsExactly("F-0");
        assertThat(jdbc.queryForList("SELECT outcome FROM fi_outcome ORDER BY record_no", String.class))
                .containsExactly("WITHDRAWN", "OUTDATED");
    }

    private List<Outcome> apply(List<RecordMessage> batch) {
        List<Outcome> outcomes = new ArrayList<>(Collections.nCopies(batch.size(), (Outcome) null));
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            positions.add(i);
        }
        withdrawing.apply(batch, positions, outcomes);
        return outcomes;
    }
}
