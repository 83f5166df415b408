package io.feedimport.delta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.feedimport.migration.EngineMigrations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What the fingerprint ledger keeps, on every supported database; run against H2 and a real PostgreSQL. */
abstract class FingerprintLedgerContract {

    JdbcTemplate jdbc;
    FingerprintLedger ledger;

    abstract DataSource dataSource();

    @BeforeEach
    void emptyLedger() {
        EngineMigrations.migrate(dataSource());
        jdbc = new JdbcTemplate(dataSource());
        jdbc.update("DELETE FROM fi_fingerprint");
        ledger = new FingerprintLedger(jdbc, new DataSourceTransactionManager(dataSource()));
    }

    @Test
    void aRememberedFingerprintIsFoundByItsKeyAndReplacedByTheNextCommittedContent() {
        String one = ContentFingerprints.key("offers", "OF-1");
        String two = ContentFingerprints.key("offers", "OF-2");

        ledger.remember(List.of(committed(one, "a"), committed(two, "b")));
        ledger.remember(List.of(committed(one, "c")));

        assertThat(ledger.stored(List.of(one, two, ContentFingerprints.key("offers", "OF-3"))))
                .isEqualTo(Map.of(one, content("c"), two, content("b")));
        assertThat(ledger.stored(List.of())).isEmpty();
    }

    @Test
    void aBatchHoldingAKeyTwiceKeepsItsLaterContent() {
        String one = ContentFingerprints.key("offers", "OF-1");

        ledger.remember(List.of(committed(one, "a"), committed(one, "b")));

        assertThat(ledger.stored(List.of(one, one))).isEqualTo(Map.of(one, content("b")));
    }

    @Test
    void nothingIsRememberedWhenTheTransactionThatCommitsTheEntityRollsBack() {
        String one = ContentFingerprints.key("offers", "OF-1");
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource()));

        transaction.executeWithoutResult(status -> {
            ledger.remember(List.of(committed(one, "a")));
            status.setRollbackOnly();
        });

        assertThat(ledger.stored(List.of(one))).isEmpty();
    }

    @Test
    void forgettingAFeedLeavesOtherFeedsAlone() {
        String offer = ContentFingerprints.key("offers", "1");
        String contact = ContentFingerprints.key("contacts", "1");
        ledger.remember(List.of(committed(offer, "a"), new FingerprintLedger.Committed(contact, "contacts", content("a"), 1)));

        assertThat(ledger.forgetFeed("offers")).isEqualTo(1);

        assertThat(ledger.stored(List.of(offer, contact))).containsOnlyKeys(contact);
    }

    @Test
    void aKeyMarkedPendingMatchesNoContentUntilAConsumerCommitsItsNewOne() {
        String one = ContentFingerprints.key("offer", "OF-1");
        String two = ContentFingerprints.key("offer", "OF-2");
        ledger.remember(List.of(committed(one, "a"), committed(two, "b")));
        TransactionTemplate chunk = new TransactionTemplate(new DataSourceTransactionManager(dataSource()));

        chunk.executeWithoutResult(status -> {
            ledger.markPending(List.of(one, ContentFingerprints.key("offer", "never-stored")));
            status.setRollbackOnly();
        });

        assertThat(ledger.stored(List.of(one, two))).as("the mark stands though the chunk that sent it rolled back")
                .isEqualTo(Map.of(one, "", two, content("b")));
        ledger.remember(List.of(committed(one, "c")));
        assertThat(ledger.stored(List.of(one))).isEqualTo(Map.of(one, content("c")));
    }

    @Test
    void aRunReadsTheFingerprintsItCommittedItselfAsPendingAndOtherRunsReadThemAsTheyAre() {
        String one = ContentFingerprints.key("offer", "OF-1");
        ledger.remember(List.of(new FingerprintLedger.Committed(one, "offers", content("a"), 7)));

        assertThat(ledger.stored(List.of(one), 7)).as("run 7, resumed after a kill").isEqualTo(Map.of(one, ""));
        assertThat(ledger.stored(List.of(one), 8)).isEqualTo(Map.of(one, content("a")));
    }

    @Test
    void forgottenKeysHaveNoFingerprint() {
        String one = ContentFingerprints.key("offer", "OF-1");
        String two = ContentFingerprints.key("offer", "OF-2");
        ledger.remember(List.of(committed(one, "a"), committed(two, "b")));

        ledger.forget(List.of(one));

        assertThat(ledger.stored(List.of(one, two))).containsOnlyKeys(two);
    }

    @Test
    void aChunkOfAThousandKeysIsOneRead() {
        List<FingerprintLedger.Committed> many = java.util.stream.IntStream.range(0, 1000)
                .mapToObj(i -> committed(ContentFingerprints.key("offers", "OF-" + i), "v" + i)).toList();
        ledger.remember(many);

        Map<String, String> stored = ledger.stored(many.stream().map(FingerprintLedger.Committed::keyHash).toList());

        assertThat(stored).hasSize(1000).containsEntry(many.get(999).keyHash(), content("v999"));
    }

    @Test
    void aSnapshotHoldsWhatAChunkQueryWouldFindForTheFeedInKeyOrderFromEitherSignOfTheHash() {
        List<FingerprintLedger.Committed> many = java.util.stream.IntStream.range(0, 3000)
                .mapToObj(i -> committed(ContentFingerprints.key("offers", "OF-" + i), "v" + i)).toList();
        ledger.remember(many);
        String other = ContentFingerprints.key("contacts", "C-1");
        ledger.remember(List.of(new FingerprintLedger.Committed(other, "contacts", content("c"), 1)));
        String mine = ContentFingerprints.key("offers", "OF-mine");
        ledger.remember(List.of(new FingerprintLedger.Committed(mine, "offers", content("m"), 9)));
        ledger.markPending(List.of(many.get(5).keyHash()));

        StoredFingerprints snapshot = ledger.snapshot("offers", 9, 10_000);

        assertThat(snapshot.size()).as("the feed's own, not another feed's").isEqualTo(3001);
        assertThat(many.stream().filter(c -> snapshot.holds(number(c.keyHash()), number(c.content()))).count())
                .as("all but the pending one").isEqualTo(2999);
        assertThat(snapshot.holds(number(many.get(5).keyHash()), number(many.get(5).content()))).isFalse();
        assertThat(snapshot.holds(number(mine), number(content("m")))).as("committed by the asking run").isFalse();
        assertThat(snapshot.holds(number(many.get(6).keyHash()), number(content("other")))).isFalse();
        assertThat(snapshot.holds(number(other), number(content("c")))).isFalse();
        assertThat(ledger.snapshot("offers", 10, 10_000).holds(number(mine), number(content("m")))).isTrue();
    }

    @Test
    void aSnapshotHoldsTheKeysAtTheEndsOfTheKeySpaceAndOnEitherSideOfAnyCutInIt() {
        // an embedded database reads the key space a range at a time: a key on a boundary belongs to exactly one.
        // Not Long.MIN_VALUE + 1: H2 2.4 takes that row key for its "any row" marker, and a table holding it can no
        // longer delete rows (one key hash in 2^64 could be it)
        List<Long> edges = new java.util.ArrayList<>(List.of(Long.MIN_VALUE, Long.MIN_VALUE + 2, -1L, 0L, 1L,
                Long.MAX_VALUE - 1, Long.MAX_VALUE));
        for (int shift = 40; shift < 63; shift++) {
            edges.addAll(List.of((1L << shift) - 1, 1L << shift, -(1L << shift), -(1L << shift) - 1));
        }
        List<FingerprintLedger.Committed> stored = edges.stream().distinct()
                .map(key -> committed(ContentFingerprints.text(key), "v" + key)).toList();
        ledger.remember(stored);

        StoredFingerprints snapshot = ledger.snapshot("offers", 2, 10_000);

        assertThat(snapshot.size()).isEqualTo(stored.size());
        assertThat(stored).allSatisfy(c -> assertThat(snapshot.holds(number(c.keyHash()), number(c.content())))
                .as("key %s", c.keyHash()).isTrue());
    }

    @Test
    void aFeedWithMoreFingerprintsThanTheRunMayHoldHasNoSnapshot() {
        ledger.remember(java.util.stream.IntStream.range(0, 101)
                .mapToObj(i -> committed(ContentFingerprints.key("offers", "OF-" + i), "v" + i)).toList());

        assertThat(ledger.snapshot("offers", 1, 100)).isNull();
        assertThat(ledger.snapshot("offers", 1, 101).size()).isEqualTo(101);
        assertThat(ledger.snapshot("nothing-stored", 1, 100).size()).isZero();
    }

    private static long number(String fingerprint) {
        return ContentFingerprints.number(fingerprint);
    }

    private static FingerprintLedger.Committed committed(String keyHash, String value) {
        return new FingerprintLedger.Committed(keyHash, "offers", content(value), 1);
    }

    /** A stand-in content fingerprint: 16 hex digits, as the real ones. */
    private static String content(String value) {
        return String.format("%016x", value.hashCode() & 0xffffffffL);
    }
}
