package io.feedimport.withdraw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;

import io.feedimport.FeedImportApplication;
import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FeedDefinitionLoader;
import io.feedimport.report.RunStatus;
import io.feedimport.report.RunSummary;
import io.feedimport.report.Withdrawals;
import io.feedimport.run.HeldRuns;
import io.feedimport.run.ImportRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Full-snapshot feeds on the embedded default, over the users' three nights: what an export lacks is withdrawn once
 * the run completes and passes its guard; an export cut short holds its withdrawals until a person releases or
 * discards them, while its upserts stand.
 */
class SnapshotImportIT {

    private static final ExportNights NIGHTS = new ExportNights(2000);
    /** Enough withdrawals that consumer threads apply them side by side. */
    private static final ExportNights LARGE = new ExportNights(10_000);

    @TempDir
    static Path data;

    static ConfigurableApplicationContext context;
    static ImportRunner runner;
    static HeldRuns held;
    static JdbcTemplate jdbc;

    @BeforeAll
    static void start() {
        context = new SpringApplicationBuilder(FeedImportApplication.class).web(WebApplicationType.NONE)
                .run("--feedimport.data-dir=" + data);
        runner = context.getBean(ImportRunner.class);
        held = context.getBean(HeldRuns.class);
        jdbc = context.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void threeNightsThenReleaseWithdrawWhatTheExportsLack() throws Exception {
        FeedDefinition feed = feed("nights", "softDelete", "");
        RunSummary first = runner.run(feed, export("nights-1.xml", LARGE.first(), false));
        assertThat(first.status()).as(first.toJson()).isEqualTo(RunStatus.COMPLETED);
        assertThat(first.withdrawals()).isEqualTo(new Withdrawals(Withdrawals.State.APPLIED, 0, 0, 0, 0));
        assertTarget("nights", LARGE.first(), Set.of());

        RunSummary second = runner.run(feed, export("nights-2.xml", LARGE.second(), false));
        assertThat(second.status()).as(second.toJson()).isEqualTo(RunStatus.COMPLETED);
        assertThat(second.published()).as("1% changed and 0.3% new").isEqualTo(100 + 30);
        assertThat(second.withdrawals()).as("0.5% gone").isEqualTo(new Withdrawals(Withdrawals.State.APPLIED, 50, 50, 0, 0));
        assertThat(second.reconciles()).isTrue();
        assertTarget("nights", LARGE.second(), gone(LARGE.first(), LARGE.second()));

        RunSummary cut = runner.run(feed, export("nights-3.xml", LARGE.cut(), false));
        assertThat(cut.status()).as(cut.toJson()).isEqualTo(RunStatus.HELD);
        assertThat(cut.message()).startsWith("HELD: read 2,994 records, 30% of the last complete export (9,980); 6,986"
                + " withdrawals held. Apply them with: feedimport release " + cut.runId());
        assertThat(cut.withdrawals().held()).isEqualTo(LARGE.second().size() - LARGE.cut().size());
        assertThat(cut.verdict().succeeded()).isFalse();
        assertThat(meters().get("feedimport.withdrawals.held").tag("feed", "nights").gauge().value()).isEqualTo(6986);
        assertTarget("nights", LARGE.second(), gone(LARGE.first(), LARGE.second()));

        RunSummary released = held.release(feed, cut.runId());
        assertThat(released.status()).as(released.toJson()).isEqualTo(RunStatus.COMPLETED);
        assertThat(released.withdrawals().withdrawn()).isEqualTo(6986);
        assertThat(meters().get("feedimport.withdrawals.held").tag("feed", "nights").gauge().value()).isZero();
        assertThat(meters().get("feedimport.records.withdrawn").tag("feed", "nights").counter().count())
                .as("night two's and the released ones").isEqualTo(50 + 6986);
        Map<String, String> everSeen = new HashMap<>(LARGE.first());
        everSeen.putAll(LARGE.second());
        Set<String> goneNow = gone(everSeen, LARGE.cut());
        assertTarget("nights", LARGE.cut(), goneNow);
        assertThatThrownBy(() -> held.release(feed, cut.runId())).hasMessageContaining("no held withdrawals");

        RunSummary back = runner.run(feed, export("nights-4.xml", LARGE.second(), false));
        assertThat(back.status()).as("the guard compares with the released run").isEqualTo(RunStatus.COMPLETED);
        assertThat(back.published()).as("every key that came back is sent, though its content is the one stored")
                .isEqualTo(LARGE.second().size() - LARGE.cut().size());
        assertTarget("nights", LARGE.second(), gone(LARGE.first(), LARGE.second()));
    }

    @Test
    void aDiscardedHoldWithdrawsNothingAndIsNoReferenceForTheGuard() throws Exception {
        FeedDefinition feed = feed("discarded", "softDelete", "");
        runner.run(feed, export("discarded-1.xml", NIGHTS.second(), false));
        RunSummary cut = runner.run(feed, export("discarded-2.xml", NIGHTS.cut(), false));
        assertThat(cut.status()).isEqualTo(RunStatus.HELD);

        RunSummary discarded = held.discard(cut.runId());

        assertThat(discarded.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(discarded.withdrawals().state()).isEqualTo(Withdrawals.State.DISCARDED);
        assertThat(discarded.message()).contains("1,398 keys the run lacked stay live");
        assertTarget("discarded", NIGHTS.second(), Set.of());
        RunSummary cutAgain = runner.run(feed, export("discarded-3.xml", NIGHTS.cut(), false));
        assertThat(cutAgain.status()).as("still 30% of the last export applied").isEqualTo(RunStatus.HELD);
    }

    @Test
    void anExportBrokenOffIsHeldEvenWhenItsCountPassesTheGuard() throws Exception {
        FeedDefinition feed = feed("broken", "delete", "");
        runner.run(feed, export("broken-1.xml", NIGHTS.first(), false));

        RunSummary broken = runner.run(feed, export("broken-2.xml", NIGHTS.second(), true));

        assertThat(broken.status()).as(broken.toJson()).isEqualTo(RunStatus.HELD);
        assertThat(broken.message()).contains("the file is not a whole export").contains("broken-2.xml");
        assertThat(broken.withdrawals().held()).isEqualTo(10);
        assertThat(broken.persisted()).as("its upserts stand").isEqualTo(26);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM broken", Long.class)).isEqualTo(2006);

        held.release(feed, broken.runId());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM broken", Long.class)).as("delete removes rows").isEqualTo(1996);
    }

    @Test
    void anExportOverItsSkipLimitIsHeld() throws Exception {
        FeedDefinition feed = feed("over_limit", "softDelete", "skipLimit: 3\n");
        runner.run(feed, export("over-limit-1.xml", NIGHTS.second(), false));
        Map<String, String> broken = new java.util.LinkedHashMap<>(NIGHTS.second());
        for (int i = 1; i <= 10; i++) {
            broken.put(ExportNights.id(i), "-1");
        }
        broken.remove(ExportNights.id(1999));

        RunSummary run = runner.run(feed, export("over-limit-2.xml", broken, false));

        assertThat(run.status()).as(run.toJson()).isEqualTo(RunStatus.HELD);
        assertThat(run.message()).contains("over the feed's skip limit");
        assertThat(run.withdrawals().held()).as("the key gone, and every key after the chunk that broke the limit")
                .isPositive();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM over_limit WHERE withdrawn_at IS NOT NULL", Long.class)).isZero();
    }

    @Test
    void aSkippedRecordKeepsItsEntity() throws Exception {
        FeedDefinition feed = feed("skipped_keep", "softDelete", "");
        runner.run(feed, export("skipped-1.xml", NIGHTS.first(), false));
        Map<String, String> invalid = new java.util.LinkedHashMap<>(NIGHTS.first());
        invalid.put(ExportNights.id(7), "-1");

        RunSummary run = runner.run(feed, export("skipped-2.xml", invalid, false));

        assertThat(run.skipped()).isEqualTo(1);
        assertThat(run.withdrawals().listed()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM skipped_keep WHERE withdrawn_at IS NULL", Long.class))
                .isEqualTo(2000);
    }

    private static io.micrometer.core.instrument.MeterRegistry meters() {
        return context.getBean(io.feedimport.monitoring.FeedMetrics.class).registry();
    }

    /** Key by key: the target holds each item of {@code live} live with its price, and each of {@code withdrawn} withdrawn. */
    private static void assertTarget(String table, Map<String, String> live, Set<String> withdrawn) {
        Map<String, String> liveRows = new HashMap<>();
        Set<String> withdrawnRows = new HashSet<>();
        jdbc.query("SELECT id, price, withdrawn_at FROM " + table, rs -> {
            if (rs.getObject(3) == null) {
                liveRows.put(rs.getString(1), rs.getBigDecimal(2).setScale(2).toPlainString());
            } else {
                withdrawnRows.add(rs.getString(1));
            }
        });
        assertThat(liveRows).isEqualTo(live);
        assertThat(withdrawnRows).isEqualTo(withdrawn);
    }

    private static Set<String> gone(Map<String, String> before, Map<String, String> after) {
        Set<String> gone = new HashSet<>(before.keySet());
        gone.removeAll(after.keySet());
        return gone;
    }

    private static FeedDefinition feed(String name, String withdraw, String extra) throws IOException {
        return new FeedDefinitionLoader().load(Files.writeString(data.resolve(name + ".yml"),
                ExportNights.definition(name, withdraw, extra)));
    }

    private static Path export(String name, Map<String, String> items, boolean cutOff) throws IOException {
        return ExportNights.write(data.resolve(name), items, cutOff);
    }
}
