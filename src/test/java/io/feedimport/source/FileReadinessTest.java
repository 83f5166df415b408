package io.feedimport.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.feedimport.feed.SourceDefinition;
import io.feedimport.feed.SourceDefinition.Readiness;
import io.feedimport.source.FileEntry;
import io.feedimport.source.FileState;
import org.junit.jupiter.api.Test;

/** When a dropped file counts as complete; the time of the poll is the entry's updatedAt, read from the ledger's clock. */
class FileReadinessTest {

    static final Instant POLL = Instant.parse("2026-11-22T02:00:00Z");

    final FileReadiness quietAfterTwoMinutes = new FileReadiness(source(Readiness.STABLE, Duration.ofMinutes(2)));

    @Test
    void aFileUntouchedForLongerThanTheQuietPeriodIsCompleteAtTheFirstPollThatSeesIt() {
        FileEntry seenOnce = seen(1, 2_048, POLL.minus(Duration.ofHours(1)));

        assertThat(quietAfterTwoMinutes.ready(seenOnce, false, true)).isTrue();
    }

    @Test
    void aFileWrittenWithinTheQuietPeriodWaitsForASecondPollThatSeesItUnchanged() {
        Instant justWritten = POLL.minusSeconds(30);

        assertThat(quietAfterTwoMinutes.ready(seen(1, 2_048, justWritten), false, true)).isFalse();
        assertThat(quietAfterTwoMinutes.waitingFor(seen(1, 2_048, justWritten)))
                .isEqualTo("new or changed since the last poll (2048 bytes)");
        assertThat(quietAfterTwoMinutes.ready(seenTwice(2_048, justWritten, POLL.minusSeconds(20)), false, true)).isTrue();
    }

    @Test
    void twoPollsLessThanASecondApartDoNotMakeAFreshFileComplete() {
        assertThat(quietAfterTwoMinutes.ready(seenTwice(2_048, POLL.minusSeconds(1), POLL.minusMillis(500)), false, true))
                .isFalse();
    }

    @Test
    void aTimeThatIsNotExactSuchAsAnFtpListLineNeverCountsAsQuiet() {
        FileEntry listedAnHourAgo = seen(1, 2_048, POLL.minus(Duration.ofHours(1)));

        assertThat(quietAfterTwoMinutes.ready(listedAnHourAgo, false, false)).isFalse();
    }

    @Test
    void aTimeInTheFutureOfThisMachineIsNeverQuiet() {
        assertThat(quietAfterTwoMinutes.ready(seen(1, 2_048, POLL.plus(Duration.ofHours(3))), false, true)).isFalse();
    }

    @Test
    void anEmptyFileIsNeverCompleteHoweverOld() {
        FileEntry empty = seenTwice(0, POLL.minus(Duration.ofDays(1)), POLL.minus(Duration.ofHours(1)));

        assertThat(quietAfterTwoMinutes.ready(empty, false, true)).isFalse();
        assertThat(quietAfterTwoMinutes.waitingFor(empty)).isEqualTo("empty so far");
    }

    @Test
    void withoutAQuietPeriodOnlyTwoPollsDecide() {
        FileReadiness twoPolls = new FileReadiness(source(Readiness.STABLE, null));

        assertThat(twoPolls.ready(seen(1, 2_048, POLL.minus(Duration.ofDays(1))), false, true)).isFalse();
        assertThat(twoPolls.ready(seenTwice(2_048, POLL.minus(Duration.ofDays(1)), POLL.minusSeconds(60)), false, true)).isTrue();
    }

    @Test
    void withMarkersOnlyTheMarkerDecides() {
        FileReadiness markers = new FileReadiness(source(Readiness.MARKER, null));
        FileEntry old = seenTwice(2_048, POLL.minus(Duration.ofDays(1)), POLL.minusSeconds(60));

        assertThat(markers.ready(old, false, true)).isFalse();
        assertThat(markers.ready(seen(1, 2_048, POLL), true, true)).isTrue();
        assertThat(markers.waitingFor(old)).isEqualTo("without its marker export.xml.done");
    }

    private static FileEntry seen(int polls, long size, Instant modified) {
        return new FileEntry(1, "offers", "export.xml", size, modified, null, FileState.WAITING, polls, POLL, false, null,
                null, POLL, POLL);
    }

    private static FileEntry seenTwice(long size, Instant modified, Instant unchangedSince) {
        return new FileEntry(1, "offers", "export.xml", size, modified, null, FileState.WAITING, 2, unchangedSince, false,
                null, null, unchangedSince, POLL);
    }

    private static SourceDefinition source(Readiness ready, Duration stableAfter) {
        return new SourceDefinition(new SourceDefinition.Local(Path.of("/srv/drop")), "*.xml", ready,
                ready == Readiness.MARKER ? ".done" : null, SourceDefinition.DEFAULT_IGNORE, SourceDefinition.After.KEEP,
                "archive", "failed", Duration.ofSeconds(60), Duration.ofHours(1), stableAfter);
    }
}
