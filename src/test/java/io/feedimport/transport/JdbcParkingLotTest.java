package io.feedimport.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.feedimport.migration.EngineMigrations;
import io.feedimport.feed.Feeds;
import io.feedimport.monitoring.FeedMetrics;
import io.feedimport.monitoring.QueueDepths;
import io.feedimport.publish.RecordMessage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import io.feedimport.run.OutcomeLedger;
import io.feedimport.run.RecordOutcome;

class JdbcParkingLotTest {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    JdbcParkingLot parkingLot;
    OutcomeLedger ledger;

    @BeforeEach
    void setUp() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:parking-lot-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        EngineMigrations.migrate(h2);
        JdbcTemplate jdbc = new JdbcTemplate(h2);
        ledger = new OutcomeLedger(jdbc);
        parkingLot = new JdbcParkingLot(jdbc, new TransactionTemplate(new DataSourceTransactionManager(h2)), ledger,
                new FeedMetrics(registry, QueueDepths.NONE, Feeds.NONE));
    }

    @Test
    void aRecordIsCountedParkedOnceEvenWhenItsReplayFailsAndParksItAgain() {
        parkingLot.park(message(1), "gave up after 4 attempts: lock timeout", 4);
        parkingLot.park(message(1), "gave up after 4 attempts: lock timeout again", 4);
        parkingLot.park(message(2), "gave up after 4 attempts: lock timeout", 4);

        assertThat(registry.get("feedimport.records.parked").tag("feed", "flats").counter().count()).isEqualTo(2);
        assertThat(parkingLot.count(null, "flats")).isEqualTo(2);
        assertThat(parkingLot.count(null, "other")).isZero();
    }

    @Test
    void aRecordAlreadyAccountedForOtherwiseIsNeitherParkedNorCounted() {
        ledger.record(1, 3, RecordOutcome.PERSISTED);

        parkingLot.park(message(3), "gave up after 4 attempts: a late redelivery", 4);

        assertThat(registry.find("feedimport.records.parked").counter()).satisfiesAnyOf(
                counter -> assertThat(counter).isNull(), counter -> assertThat(counter.count()).isZero());
        assertThat(parkingLot.count(null, "flats")).isZero();
    }

    @Test
    void parkedRecordsArePagedOldestFirstAndCountedByRunAndByFeed() {
        for (long record = 1; record <= 5; record++) {
            parkingLot.park(message(1, "flats", record), "gave up after 4 attempts", 4);
        }
        parkingLot.park(message(2, "flats", 9), "gave up after 4 attempts", 4);
        parkingLot.park(message(3, "houses", 4), "gave up after 4 attempts", 4);

        assertThat(parkingLot.page(null, null, 0, 3)).extracting(p -> p.runId() + "/" + p.recordNumber())
                .containsExactly("1/1", "1/2", "1/3");
        assertThat(parkingLot.page(null, null, 3, 3)).extracting(p -> p.runId() + "/" + p.recordNumber())
                .containsExactly("1/4", "1/5", "2/9");
        assertThat(parkingLot.page(null, null, 6, 3)).extracting(p -> p.runId() + "/" + p.recordNumber()).containsExactly("3/4");
        assertThat(parkingLot.count(null, null)).isEqualTo(7);

        assertThat(parkingLot.page(1L, null, 4, 10)).extracting(ParkedRecord::recordNumber).containsExactly(5L);
        assertThat(parkingLot.count(1L, null)).isEqualTo(5);
        assertThat(parkingLot.page(null, "flats", 0, 10)).hasSize(6);
        assertThat(parkingLot.count(null, "houses")).isEqualTo(1);
        assertThat(parkingLot.count(2L, "houses")).isZero();
        assertThat(parkingLot.page(3L, "houses", 0, 10)).extracting(ParkedRecord::key).containsExactly("F-4");
    }

    private static RecordMessage message(long recordNumber) {
        return message(1, "flats", recordNumber);
    }

    private static RecordMessage message(long runId, String feed, long recordNumber) {
        return new RecordMessage(runId, feed, recordNumber, (int) recordNumber * 3, "F-" + recordNumber, Map.of("title", "Flat"));
    }
}
