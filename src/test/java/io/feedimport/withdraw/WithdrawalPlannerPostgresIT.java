package io.feedimport.withdraw;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import io.feedimport.delta.RecordKeys;
import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FeedDefinitionLoader;
import io.feedimport.migration.EngineMigrations;
import io.feedimport.read.SourceRecord;
import io.feedimport.store.PostgresTestSchema;
import io.feedimport.validate.CheckedRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The withdrawals a snapshot run lists on the real PostgreSQL, which hands a date-time key back in UTC whatever offset
 * the file wrote: a listed key reads as the file's records read it, so its withdrawal forgets the fingerprint the
 * record left, and the key, coming back unchanged, is sent again and made live.
 */
class WithdrawalPlannerPostgresIT {

    private static DataSource postgres;

    @TempDir
    Path dir;

    JdbcTemplate jdbc;
    FeedDefinition feed;

    @BeforeAll
    static void freshSchema() {
        postgres = PostgresTestSchema.fresh("feedimport_withdrawal_planner_it");
        EngineMigrations.migrate(postgres);
    }

    @BeforeEach
    void target() throws IOException {
        jdbc = new JdbcTemplate(postgres);
        jdbc.execute("DROP TABLE IF EXISTS sales");
        jdbc.execute("CREATE TABLE sales (sold_at TIMESTAMP WITH TIME ZONE PRIMARY KEY, withdrawn_at TIMESTAMP WITH TIME ZONE)");
        jdbc.update("INSERT INTO sales (sold_at) VALUES ('2026-12-01 12:00:00+02'), ('2026-12-02 09:30:00+02')");
        jdbc.update("DELETE FROM fi_withdrawal");
        jdbc.update("DELETE FROM fi_seen");
        feed = new FeedDefinitionLoader().load(Files.writeString(dir.resolve("sales.yml"), """
                name: sales
                format: { type: xml, record: /sales/sale }
                fields:
                  sold_at: { path: "@at", type: datetime }
                target: { table: sales, key: [sold_at] }
                mode: snapshot
                withdraw: softDelete
                """));
    }

    @Test
    void aListedKeyReadsAsTheFilesRecordWroteIt() {
        WithdrawalLedger ledger = new WithdrawalLedger(jdbc);
        OffsetDateTime written = OffsetDateTime.of(2026, 12, 1, 12, 0, 0, 0, ZoneOffset.ofHours(2));

        long listed = new WithdrawalPlanner(jdbc, new SeenKeys(jdbc), ledger).plan(feed, 41);

        assertThat(listed).isEqualTo(2);
        assertThat(ledger.page(41, 0, 10)).extracting(Withdrawal::key)
                .contains(new RecordKeys(feed).text(new Object[] {written}));
    }

    @Test
    void aKeyTheRunReadInAnotherOffsetIsNotListed() {
        SeenKeys seen = new SeenKeys(jdbc);
        OffsetDateTime written = OffsetDateTime.of(2026, 12, 1, 12, 0, 0, 0, ZoneOffset.ofHours(2));
        SourceRecord source = new SourceRecord("sales.xml", 1, 2, 3, List.of("sold_at"), new String[] {written.toString()});
        new ReadKeys(feed, seen).read(42, List.of(new CheckedRecord(source, written.toString(), new Object[] {written}, List.of())));

        WithdrawalLedger ledger = new WithdrawalLedger(jdbc);
        new WithdrawalPlanner(jdbc, seen, ledger).plan(feed, 42);

        assertThat(ledger.page(42, 0, 10)).extracting(Withdrawal::key).containsExactly("2026-12-02T07:30:00Z");
    }
}
