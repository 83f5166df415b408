package io.feedimport.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FeedDefinitionLoader;
import io.feedimport.mapping.RowMapper;
import io.feedimport.publish.RecordMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What every supported database must do for the entity store; run against H2 and a real PostgreSQL. */
abstract class EntityStoreContract {

    @TempDir
    Path dir;

    FeedDefinition feed;
    JdbcTemplate jdbc;
    EntityStore store;
    TransactionTemplate transaction;
    RowMapper mapper;

    abstract DataSource dataSource();

    @BeforeEach
    void createTable() throws IOException {
        Path yaml = dir.resolve("flats.yml");
        Files.writeString(yaml, """
                name: flats
                format: { type: xml, record: /feed/flat }
                fields:
                  code:    { path: "@code", type: string, maxLength: 20 }
                  title:   { path: title, type: string }
                  price:   { path: price, type: decimal }
                  rooms:   { path: rooms, type: integer }
                  active:  { path: active, type: boolean }
                  since:   { path: since, type: date }
                  kind:    { path: kind, type: enum, values: [sale, rent] }
                  updatedAt: { path: updated, type: datetime }
                target: { table: contract_flat, key: [code], version: updatedAt }
                """);
        feed = new FeedDefinitionLoader().load(yaml);
        DataSource dataSource = dataSource();
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("DROP TABLE IF EXISTS contract_flat");
        new EntityTable(dataSource, SqlDialect.of(dataSource)).ensure(feed);
        store = new EntityStore(jdbc, feed);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        mapper = new RowMapper(feed);
    }

    @Test
    void insertsThenFindsTheSameContentUnchanged() {
        assertThat(upsert(1, "F-1", "Flat", "2026-11-02T06:30Z")).isEqualTo(StoreResult.INSERTED);
        assertThat(upsert(2, "F-1", "Flat", "2026-11-02T06:30Z")).isEqualTo(StoreResult.UNCHANGED);

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM contract_flat WHERE code = 'F-1'");
        assertThat(row.get("title")).isEqualTo("Flat");
        assertThat((BigDecimal) row.get("price")).isEqualByComparingTo("1200.50");
        assertThat(((Number) row.get("rooms")).longValue()).isEqualTo(3L);
        assertThat(row.get("active")).isEqualTo(true);
        assertThat(jdbc.queryForObject("SELECT updated_at FROM contract_flat", OffsetDateTime.class).toInstant())
                .isEqualTo(OffsetDateTime.parse("2026-11-02T06:30Z").toInstant());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM contract_flat", Long.class)).isEqualTo(1);
    }

    @Test
    void aNewerVersionUpdatesAndAnOlderOneNeverOverwrites() {
        upsert(1, "F-1", "First", "2026-11-02T06:30Z");

        assertThat(upsert(2, "F-1", "Second", "2026-11-03T06:30Z")).isEqualTo(StoreResult.UPDATED);
        assertThat(upsert(3, "F-1", "Stale", "2026-11-01T00:00Z")).isEqualTo(StoreResult.OUTDATED);
        assertThat(jdbc.queryForObject("SELECT title FROM contract_flat", String.class)).isEqualTo("Second");
        assertThat(jdbc.queryForObject("SELECT fi_record_no FROM contract_flat", Long.class)).isEqualTo(2);
    }

    @Test
    void nonAsciiTextIsStoredAsIs() {
        upsert(1, "F-2", "Къща в Търново — Café", "2026-11-02T06:30Z");

        assertThat(jdbc.queryForObject("SELECT title FROM contract_flat", String.class)).isEqualTo("Къща в Търново — Café");
    }

    @Test
    void anExistingTableWithoutAFieldColumnIsRefusedClearly() {
        jdbc.execute("ALTER TABLE contract_flat DROP COLUMN rooms");

        assertThatThrownBy(() -> new EntityTable(dataSource(), SqlDialect.of(dataSource())).ensure(feed))
                .hasMessageContaining("table contract_flat exists but lacks column(s) rooms");
    }

    @Test
    void aWithdrawnRowIsRevivedByALaterExportEvenUnchangedButNotByARecordOfAnEarlierOne() throws IOException {
        FeedDefinition snapshot = new FeedDefinitionLoader().load(Files.writeString(dir.resolve("snap.yml"), """
                name: snap
                mode: snapshot
                format: { type: xml, record: /feed/flat }
                fields:
                  code:  { path: "@code", type: string }
                  title: { path: title, type: string }
                target: { table: contract_snap, key: [code] }
                """));
        jdbc.execute("DROP TABLE IF EXISTS contract_snap");
        new EntityTable(dataSource(), SqlDialect.of(dataSource())).ensure(snapshot);
        EntityStore snapshots = new EntityStore(jdbc, snapshot);
        RowMapper rows = new RowMapper(snapshot);
        java.util.function.BiFunction<Long, String, StoreResult> upsert = (run, title) -> transaction.execute(status ->
                snapshots.upsert(rows.map(new RecordMessage(run, "snap", 1, 1, "S-1", Map.of("code", "S-1", "title", title))),
                        run, 1));
        upsert.apply(1L, "Kept");
        transaction.execute(status -> new EntityWithdrawals(jdbc, snapshot)
                .withdrawAll(List.of(new EntityWithdrawals.Withdraw(new Object[] {"S-1"}, 3, 1001))));

        assertThat(upsert.apply(2L, "Kept")).as("a late record of run 2, after run 3 withdrew the key")
                .isEqualTo(StoreResult.OUTDATED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM contract_snap WHERE withdrawn_at IS NOT NULL", Long.class))
                .isEqualTo(1);
        assertThat(upsert.apply(4L, "Kept")).as("back in run 4, though its content is the one stored")
                .isEqualTo(StoreResult.UPDATED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM contract_snap WHERE withdrawn_at IS NULL", Long.class))
                .isEqualTo(1);
        assertThat(upsert.apply(5L, "Kept")).isEqualTo(StoreResult.UNCHANGED);
    }

    private StoreResult upsert(long recordNumber, String code, String title, String updated) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("code", code);
        values.put("title", title);
        values.put("price", "1200.5");
        values.put("rooms", "3");
        values.put("active", "true");
        values.put("since", "2020-12-31");
        values.put("kind", "rent");
        values.put("updatedAt", updated);
        RecordMessage message = new RecordMessage(7, "flats", recordNumber, 10, code, values);
        return transaction.execute(status -> store.upsert(mapper.map(message), 7, recordNumber));
    }
}
