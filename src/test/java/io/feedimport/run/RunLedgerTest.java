package io.feedimport.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.feedimport.migration.EngineMigrations;
import io.feedimport.report.RunSummary;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class RunLedgerTest {

    RunLedger ledger;

    @BeforeEach
    void sevenRunsOfTwoFeeds() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:run-ledger-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        EngineMigrations.migrate(h2);
        ledger = new RunLedger(new JdbcTemplate(h2));
        for (long run = 1; run <= 7; run++) {
            ledger.started(run, run % 2 == 0 ? "contacts" : "offers", "export-" + run + ".xml", "sha-" + run, "host-1",
                    OffsetDateTime.of(2026, 11, 1, 2, 0, 0, 0, ZoneOffset.UTC).plusDays(run));
        }
    }

    @Test
    void runsArePagedNewestFirstByTheLastRunIdSeen() {
        assertThat(ledger.recent(null, null, 3)).extracting(RunSummary::runId).containsExactly(7L, 6L, 5L);
        assertThat(ledger.recent(null, 5L, 3)).extracting(RunSummary::runId).containsExactly(4L, 3L, 2L);
        assertThat(ledger.recent(null, 2L, 3)).extracting(RunSummary::runId).containsExactly(1L);
    }

    @Test
    void aPageCanHoldOneFeedsRunsOnly() {
        assertThat(ledger.recent("offers", null, 10)).extracting(RunSummary::runId).containsExactly(7L, 5L, 3L, 1L);
        assertThat(ledger.recent("offers", 5L, 10)).extracting(RunSummary::runId).containsExactly(3L, 1L);
        assertThat(ledger.recent("nobody", null, 10)).isEmpty();
    }

    @Test
    void theFeedsThatHaveRunsAreListedOnceEachByName() {
        assertThat(ledger.feeds()).containsExactly("contacts", "offers");
    }
}
