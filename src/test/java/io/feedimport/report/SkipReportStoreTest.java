package io.feedimport.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.feedimport.migration.EngineMigrations;
import io.feedimport.read.SourceRecord;
import io.feedimport.report.SensitiveValues;
import io.feedimport.report.SkipCount;
import io.feedimport.report.SkipEntry;
import io.feedimport.report.SkipFilter;
import io.feedimport.report.SkippedRecord;
import io.feedimport.validate.CheckedRecord;
import io.feedimport.validate.Violation;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class SkipReportStoreTest {

    private static final List<String> FIELDS = List.of("id", "price", "email");
    private static final SensitiveValues NOTHING_SENSITIVE = new SensitiveValues(true, Set.copyOf(FIELDS), Set.of(), false);

    private final JdbcDataSource h2 = new JdbcDataSource();
    private SkipReportStore store;

    @BeforeEach
    void aRunWithThreeSkippedRecords() {
        h2.setURL("jdbc:h2:mem:skip-report-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        EngineMigrations.migrate(h2);
        store = new SkipReportStore(new JdbcTemplate(h2));
        store.write(1, "offers", NOTHING_SENSITIVE, List.of(
                skipped(4, new String[] {"OF-4", "-3", "a@b.c"}, new Violation("price", "min", "-3", "below 0")),
                skipped(9, new String[] {"OF-9", "abc", "not-mail"}, new Violation("price", "type", "abc", "not a decimal"),
                        new Violation("email", "pattern", "not-mail", "does not match")),
                skipped(12, new String[] {"OF-12", "-1", null}, new Violation("price", "min", "-1", "below 0"))));
        store.write(2, "offers", NOTHING_SENSITIVE, List.of(skipped(1, new String[] {"OF-1", "x", null}, new Violation("price", "type", "x", "no"))));
    }

    @Test
    void theBreakdownCountsRecordsPerFieldAndRuleMostFrequentFirst() {
        assertThat(store.breakdown(1)).containsExactly(new SkipCount("price", "min", 2), new SkipCount("email", "pattern", 1),
                new SkipCount("price", "type", 1));
        assertThat(store.skippedRecords(1)).isEqualTo(3);
    }

    @Test
    void aFilterKeepsTheLinesOfOneFieldOneRuleOrBoth() {
        assertThat(store.count(1, SkipFilter.ALL)).isEqualTo(4);
        assertThat(store.count(1, new SkipFilter("price", null))).isEqualTo(3);
        assertThat(store.count(1, new SkipFilter(null, "pattern"))).isEqualTo(1);
        assertThat(store.count(1, new SkipFilter("price", "min"))).isEqualTo(2);
        assertThat(store.count(1, new SkipFilter("price", "pattern"))).isZero();
        assertThat(store.count(1, new SkipFilter("", " "))).as("empty form fields mean any").isEqualTo(4);
    }

    @Test
    void everyLineCarriesItsRecordAsReadEvenTheSecondViolationOfARecord() {
        List<SkippedRecord> lines = store.page(1, new SkipFilter("email", null), 0, 10);

        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.entry().recordNumber()).isEqualTo(9);
            assertThat(line.values()).containsExactly(java.util.Map.entry("id", "OF-9"), java.util.Map.entry("price", "abc"),
                    java.util.Map.entry("email", "not-mail"));
        });
    }

    @Test
    void pagesFollowTheRecordOrder() {
        assertThat(store.page(1, SkipFilter.ALL, 0, 2)).extracting(l -> l.entry().recordNumber(), l -> l.entry().field())
                .containsExactly(tuple(4L, "price"), tuple(9L, "price"));
        assertThat(store.page(1, SkipFilter.ALL, 2, 2)).extracting(l -> l.entry().recordNumber(), l -> l.entry().field())
                .containsExactly(tuple(9L, "email"), tuple(12L, "price"));
        assertThat(store.page(1, SkipFilter.ALL, 4, 2)).isEmpty();
    }

    @Test
    void everyLineStreamsInOrderAndTheOldListingStaysTheSame() {
        List<SkippedRecord> streamed = new ArrayList<>();
        store.each(1, new SkipFilter("price", null), streamed::add);

        assertThat(streamed).extracting(l -> l.entry().recordNumber()).containsExactly(4L, 9L, 12L);
        assertThat(store.entries(1)).extracting(SkipEntry::recordNumber).containsExactly(4L, 9L, 9L, 12L);
        assertThat(store.entries(2)).singleElement().extracting(SkipEntry::value).isEqualTo("x");
    }

    @Test
    void aSensitiveFieldsValueIsHiddenBeforeItReachesTheDatabase() {
        SensitiveValues emailIsSensitive = new SensitiveValues(true, Set.copyOf(FIELDS), Set.of("email"), false);
        store.write(3, "offers", emailIsSensitive, List.of(
                skipped(5, new String[] {"OF-5", "-2", "hidden.mailbox@example.bg"}, new Violation("price", "min", "-2", "below 0")),
                skipped(6, new String[] {"OF-6", "7", "hidden.mailbox[at]example.bg"},
                        new Violation("email", "pattern", "hidden.mailbox[at]example.bg", "hidden.mailbox[at]example.bg is no mailbox"))));

        String stored = new JdbcTemplate(h2).queryForList("SELECT * FROM fi_skip WHERE run_id = 3").toString();
        assertThat(stored).doesNotContain("hidden.mailbox").contains("[scrubbed]", "OF-5", "-2", "pattern");
        assertThat(store.page(3, SkipFilter.ALL, 0, 10)).extracting(line -> line.entry().value(), line -> line.values().get("email"))
                .containsExactly(tuple("-2", "[scrubbed]"), tuple("[scrubbed]", "[scrubbed]"));
    }

    private static CheckedRecord skipped(long number, String[] values, Violation... violations) {
        return new CheckedRecord(new SourceRecord("offers.xml", number, (int) number * 10, 3, FIELDS, values), values[0],
                new Object[values.length], List.of(violations));
    }
}
