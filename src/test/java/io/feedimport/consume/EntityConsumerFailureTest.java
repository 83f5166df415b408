package io.feedimport.consume;

import static io.feedimport.consume.FlatsDatabase.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.sql.Connection;
import java.sql.SQLException;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A batch that fails on one record is split around it, so only the culprit is rejected or retried; a database out of
 * reach fails the whole batch instead, so no record spends an attempt.
 */
class EntityConsumerFailureTest {

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
    void aValueTheTableCannotHoldIsRejectedIntoTheSkipReportWhileItsBatchPasses() {
        jdbc.execute("ALTER TABLE consumer_flat ALTER COLUMN title VARCHAR(5)");

        List<Outcome> outcomes = consumer.consume(List.of(message(1, "F-1", "Flat"), message(2, "F-2", "Too long"),
                message(3, "F-3", "Flat")));

        assertThat(outcomes.get(0)).isEqualTo(Outcome.ack());
        assertThat(outcomes.get(1).kind()).isEqualTo(Outcome.Kind.REJECT);
        assertThat(outcomes.get(1).reason()).containsIgnoringCase("too long");
        assertThat(outcomes.get(2)).isEqualTo(Outcome.ack());
        assertThat(jdbc.queryForList("SELECT code FROM consumer_flat ORDER BY code", String.class)).containsExactly("F-1", "F-3");
        assertThat(jdbc.queryForList("SELECT outcome FROM fi_outcome ORDER BY record_no", String.class))
                .containsExactly("PERSISTED", "REJECTED", "PERSISTED");
        assertThat(jdbc.queryForMap("SELECT file, line, record_key, rule, message FROM fi_skip WHERE record_no = 2"))
                .containsEntry("FILE", "flats.xml").containsEntry("LINE", 3).containsEntry("RECORD_KEY", "F-2")
                .containsEntry("RULE", "constraint");
    }

    @Test
    void aRecordTheDatabaseKeepsRefusingForATransientReasonIsRetriedAloneWhileItsBatchPasses() {
        jdbc.execute("CREATE TRIGGER refuse_f2 BEFORE INSERT ON consumer_flat FOR EACH ROW CALL \""
                + RefuseF2.class.getName() + "\"");

        List<Outcome> outcomes = consumer.consume(List.of(message(1, "F-1", "Flat"), message(2, "F-2", "Flat"),
                message(3, "F-3", "Flat"), message(4, "F-4", "Flat")));

        assertThat(outcomes).extracting(Outcome::kind)
                .containsExactly(Outcome.Kind.ACK, Outcome.Kind.RETRY, Outcome.Kind.ACK, Outcome.Kind.ACK);
        assertThat(outcomes.get(1).reason()).contains("F-2 conflicts with a concurrent update");
        assertThat(jdbc.queryForList("SELECT code FROM consumer_flat ORDER BY code", String.class))
                .containsExactly("F-1", "F-3", "F-4");
        assertThat(jdbc.queryForList("SELECT record_no FROM fi_outcome ORDER BY record_no", Long.class)).containsExactly(1L, 3L, 4L);
    }

    /** Refuses row F-2 as PostgreSQL refuses a transaction that lost a serialization conflict. */
    public static final class RefuseF2 implements org.h2.api.Trigger {
        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
            if ("F-2".equals(newRow[0])) {
                throw new SQLException("F-2 conflicts with a concurrent update", "40001");
            }
        }
    }

    @Test
    void aDatabaseThatIsDownFailsTheWholeBatchSoNoRecordSpendsAnAttempt() {
        flats.database.down = true;

        assertThatThrownBy(() -> consumer.consume(List.of(message(1, "F-1", "Flat"), message(2, "F-2", "Flat"))))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessage("database unavailable: Connection refused");

        flats.database.down = false;
        assertThat(consumer.consume(List.of(message(1, "F-1", "Flat"), message(2, "F-2", "Flat"))))
                .containsExactly(Outcome.ack(), Outcome.ack());
    }

    @Test
    void aConnectionLostMidBatchIsAnOutageTooNotTheRecordsFault() {
        flats.database.breakAfterConnecting = true;

        assertThatThrownBy(() -> consumer.consume(List.of(message(1, "F-1", "Flat"))))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("An I/O error occurred while sending to the backend");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fi_outcome", Long.class)).isZero();
    }
}
