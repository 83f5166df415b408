package io.feedimport.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import io.feedimport.migration.EngineMigrations;
import io.feedimport.feed.Feeds;
import io.feedimport.publish.RecordMessage;
import io.feedimport.report.RunSummary;
import io.feedimport.transport.JdbcParkingLot;
import io.feedimport.run.OutcomeLedger;
import io.feedimport.schedule.PickupLog;
import io.feedimport.run.RunLedger;
import io.feedimport.report.SkipReportStore;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Browsing runs and parked records page by page; replays are specified end to end in ReviewPageIT. */
class RunReviewTest {

    RunLedger runs;
    JdbcParkingLot parked;
    RunReview review;

    @BeforeEach
    void setUp() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:run-review-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        EngineMigrations.migrate(h2);
        JdbcTemplate jdbc = new JdbcTemplate(h2);
        runs = new RunLedger(jdbc);
        parked = new JdbcParkingLot(jdbc, new TransactionTemplate(new DataSourceTransactionManager(h2)), new OutcomeLedger(jdbc));
        // browsing never replays (ParkedReplays does), so no transport is needed here
        review = new RunReview(runs, new SkipReportStore(jdbc), parked, new PickupLog(jdbc), Feeds.NONE);
        for (long run = 1; run <= 5; run++) {
            runs.started(run, run == 3 ? "contacts" : "offers", "export-" + run + ".xml", "sha-" + run, "host-1",
                    OffsetDateTime.of(2026, 11, 1, 2, 0, 0, 0, ZoneOffset.UTC).plusDays(run));
        }
    }

    @Test
    void eachPageOfRunsSaysWhereTheOlderOnesStartAndTheLastPageSaysThereAreNone() {
        RunReview.RunsPage newest = review.runs(null, null, 2);
        assertThat(newest.runs()).extracting(RunSummary::runId).containsExactly(5L, 4L);
        assertThat(newest.older()).isEqualTo(4L);

        RunReview.RunsPage middle = review.runs(null, newest.older(), 2);
        assertThat(middle.runs()).extracting(RunSummary::runId).containsExactly(3L, 2L);

        RunReview.RunsPage last = review.runs(null, middle.older(), 2);
        assertThat(last.runs()).extracting(RunSummary::runId).containsExactly(1L);
        assertThat(last.older()).isNull();
        assertThat(last.feeds()).containsExactly("contacts", "offers");
    }

    @Test
    void aPageExactlyAsLongAsWhatIsLeftHasNoOlderPage() {
        assertThat(review.runs("offers", null, 4).older()).isNull();
        assertThat(review.runs("offers", null, 3).older()).isEqualTo(2L);
    }

    @Test
    void aBlankFeedFromAnEmptyFilterMeansEveryFeed() {
        assertThat(review.runs(" ", null, 10).runs()).hasSize(5);
        assertThat(review.runs("contacts", null, 10).runs()).extracting(RunSummary::runId).containsExactly(3L);
    }

    @Test
    void aRunsPageOfParkedRecordsCountsThemAll() {
        for (long record = 1; record <= 130; record++) {
            parked.park(new RecordMessage(2, "offers", record, (int) record + 1, "OF-" + record, Map.of("id", "OF-" + record)),
                    "gave up after 5 attempts", 5);
        }

        RunReview.RunDetail detail = review.run(2).orElseThrow();
        assertThat(detail.parked().total()).isEqualTo(130);
        assertThat(detail.parked().records()).hasSize(100);
        assertThat(detail.parked().hasNext()).isTrue();

        RunReview.ParkedPage rest = review.parked(2L, "", 100, 50);
        assertThat(rest.records()).hasSize(30);
        assertThat(rest.records().get(0).recordNumber()).isEqualTo(101);
        assertThat(rest.hasNext()).isFalse();
        assertThat(review.parked(null, "contacts", 0, 50).total()).isZero();
    }

    @Test
    void withoutItsFeedsDefinitionAParkedRecordShowsNoValueSinceWhichAreSensitiveIsUnknown() {
        parked.park(new RecordMessage(2, "offers", 7, 8, "OF-7", Map.of("id", "OF-7", "email", "hidden.mailbox@example.bg")),
                "the database refused hidden.mailbox@example.bg", 5);

        RunReview.ParkedPage page = review.parked(2L, null, 0, 10);

        assertThat(review.knowsSensitiveFields("offers")).isFalse();
        assertThat(page.records()).singleElement().satisfies(record -> {
            assertThat(record.toString()).doesNotContain("hidden.mailbox", "OF-7");
            assertThat(record.reason()).isEqualTo("the database refused [scrubbed]");
        });
        assertThat(parked.find(2, 7).orElseThrow().payload()).as("kept whole for replay").contains("hidden.mailbox@example.bg");
    }
}
