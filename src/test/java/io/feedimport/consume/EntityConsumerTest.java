package io.feedimport.consume;

import static io.feedimport.consume.FlatsDatabase.message;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.feedimport.publish.RecordMessage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/** A consumer stores each record once, counts it once, and rejects what it can never store. */
class EntityConsumerTest {

    @TempDir
    Path dir;

    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    FlatsDatabase flats;
    JdbcTemplate jdbc;
    EntityConsumer consumer;

    @BeforeEach
    void setUp() throws IOException {
        flats = new FlatsDatabase(dir, registry);
        jdbc = flats.jdbc;
        consumer = flats.consumer;
    }

    @Test
    void aRedeliveredRecordIsStoredOnceAndCountedOnce() {
        assertThat(consumer.consume(List.of(message(1, "F-1", "Flat")))).containsExactly(Outcome.ack());
        assertThat(consumer.consume(List.of(message(1, "F-1", "Flat")))).containsExactly(Outcome.ack());

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM consumer_flat", Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT outcome FROM fi_outcome", String.class)).containsExactly("PERSISTED");
    }

    @Test
    void aRedeliveredRecordWhoseEntityWasLostIsStoredAgainButCountedOnce() {
        consumer.consume(List.of(message(1, "F-1", "Flat")));
        jdbc.update("DELETE FROM consumer_flat");

        assertThat(consumer.consume(List.of(message(1, "F-1", "Flat")))).containsExactly(Outcome.ack());

        assertThat(jdbc.queryForObject("SELECT title FROM consumer_flat WHERE code = 'F-1'", String.class)).isEqualTo("Flat");
        assertThat(jdbc.queryForList("SELECT outcome FROM fi_outcome", String.class)).containsExactly("PERSISTED");
    }

    @Test
    void aBatchIsAppliedInOrderAndEachRecordGetsItsOwnOutcome() {
        List<Outcome> outcomes = consumer.consume(List.of(message(1, "F-1", "First"), message(2, "F-2", "Other"),
                message(3, "F-1", "Second"), message(4, "F-2", "Other")));

        assertThat(outcomes).containsOnly(Outcome.ack());
        assertThat(jdbc.queryForObject("SELECT title FROM consumer_flat WHERE code = 'F-1'", String.class)).isEqualTo("Second");
        assertThat(jdbc.queryForObject("SELECT fi_record_no FROM consumer_flat WHERE code = 'F-1'", Long.class)).isEqualTo(3);
        assertThat(jdbc.queryForList("SELECT outcome FROM fi_outcome ORDER BY record_no", String.class))
                .containsExactly("PERSISTED", "PERSISTED", "PERSISTED", "UNCHANGED");
    }

    @Test
    void aRedeliveredRecordIsCountedOnceAndARecordFoundAsStoredIsCountedUnchanged() {
        consumer.consume(List.of(message(1, "F-1", "Flat"), message(2, "F-2", "Other")));
        consumer.consume(List.of(message(1, "F-1", "Flat")));
        consumer.consume(List.of(message(3, "F-2", "Other")));

        assertThat(count("feedimport.records.persisted")).isEqualTo(2);
        assertThat(count("feedimport.records.unchanged")).isEqualTo(1);
        assertThat(registry.get("feedimport.upsert").tag("feed", "flats").timer().count()).isEqualTo(3);
        assertThat(registry.get("feedimport.mapping").tag("feed", "flats").timer().count()).isEqualTo(3);
    }

    @Test
    void aRejectedRecordIsCountedAsSkippedByItsRuleOnceHoweverOftenItIsDelivered() {
        RecordMessage noKey = new RecordMessage(1, "flats", 9, 30, null, Map.of("title", "Flat"));

        consumer.consume(List.of(noKey));
        consumer.consume(List.of(noKey));

        assertThat(registry.get("feedimport.records.skipped").tags("feed", "flats", "rule", "mapping").counter().count())
                .isEqualTo(1);
        assertThat(count("feedimport.records.persisted")).isZero();
    }

    private double count(String counter) {
        return registry.get(counter).tag("feed", "flats").counter().count();
    }

    @Test
    void aRecordThatCannotBeMappedIsRejectedAndNeverStored() {
        RecordMessage noKey = new RecordMessage(1, "flats", 9, 30, null, Map.of("title", "Flat"));

        assertThat(consumer.consume(List.of(noKey))).extracting(Outcome::kind).containsExactly(Outcome.Kind.REJECT);

        assertThat(jdbc.queryForObject("SELECT rule FROM fi_skip WHERE record_no = 9", String.class)).isEqualTo("mapping");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM consumer_flat", Long.class)).isZero();
    }
}
