package io.feedimport.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import io.feedimport.migration.EngineMigrations;

/** What every supported database must do for the feed locks; run against H2 and a real PostgreSQL. */
abstract class FeedLocksContract {

    static final Duration MINUTE = Duration.ofMinutes(1);
    static final Duration TINY = Duration.ofMillis(300);
    static final int RACERS = 8;
    static final int ROUNDS = 20;

    FeedLocks locks;
    ExecutorService racers;

    abstract DataSource dataSource();

    @BeforeEach
    void freshLockTable() {
        DataSource dataSource = dataSource();
        EngineMigrations.migrate(dataSource);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("DELETE FROM fi_lock");
        locks = new FeedLocks(jdbc);
        racers = Executors.newFixedThreadPool(RACERS);
    }

    @AfterEach
    void stopRacers() {
        racers.shutdownNow();
    }

    @Test
    void aFreeLockIsTakenAndASecondHolderIsRefusedWhileItIsHeld() {
        boolean first = locks.tryAcquire("flats", "host-a/1/x", MINUTE);

        boolean second = locks.tryAcquire("flats", "host-b/2/y", MINUTE);

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(locks.holder("flats")).hasValueSatisfying(holder -> {
            assertThat(holder.holder()).isEqualTo("host-a/1/x");
            assertThat(holder.expiresAt()).isAfter(holder.acquiredAt());
        });
    }

    @Test
    void theSameHolderAcquiringAgainExtendsItsLock() {
        locks.tryAcquire("flats", "host-a/1/x", MINUTE);
        LockHolder before = locks.holder("flats").orElseThrow();

        boolean again = locks.tryAcquire("flats", "host-a/1/x", Duration.ofMinutes(5));

        assertThat(again).isTrue();
        LockHolder after = locks.holder("flats").orElseThrow();
        assertThat(after.holder()).isEqualTo("host-a/1/x");
        assertThat(after.acquiredAt()).isEqualTo(before.acquiredAt());
        assertThat(after.expiresAt()).isAfter(before.expiresAt());
    }

    @Test
    void releaseFreesTheLockForAnotherHolder() {
        locks.tryAcquire("flats", "host-a/1/x", MINUTE);

        locks.release("flats", "host-a/1/x");

        assertThat(locks.holder("flats")).isEmpty();
        assertThat(locks.tryAcquire("flats", "host-b/2/y", MINUTE)).isTrue();
    }

    @Test
    void releasingSomeoneElsesLockDoesNothing() {
        locks.tryAcquire("flats", "host-a/1/x", MINUTE);

        locks.release("flats", "host-b/2/y");

        assertThat(locks.holder("flats")).map(LockHolder::holder).hasValue("host-a/1/x");
        assertThat(locks.tryAcquire("flats", "host-b/2/y", MINUTE)).isFalse();
    }

    @Test
    void anExpiredLockIsTakenOverAndTheOldHolderCannotRenewIt() throws InterruptedException {
        locks.tryAcquire("flats", "host-a/1/x", TINY);
        LockHolder crashed = locks.holder("flats").orElseThrow();
        Thread.sleep(TINY.multipliedBy(2).toMillis());
        assertThat(locks.holder("flats")).isEmpty();

        boolean takenOver = locks.tryAcquire("flats", "host-b/2/y", MINUTE);

        assertThat(takenOver).isTrue();
        assertThat(locks.holder("flats")).hasValueSatisfying(holder -> {
            assertThat(holder.holder()).isEqualTo("host-b/2/y");
            assertThat(holder.acquiredAt()).isAfter(crashed.acquiredAt());
        });
        assertThat(locks.renew("flats", "host-a/1/x", MINUTE)).isFalse();
        assertThat(locks.renew("flats", "host-b/2/y", MINUTE)).isTrue();
    }

    @Test
    void renewingALockThatIsGoneFails() {
        assertThat(locks.renew("flats", "host-a/1/x", MINUTE)).isFalse();
    }

    @Test
    void ofEightHoldersRacingForAFreeLockExactlyOneWins() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String feed = "race-free-" + round;

            List<String> winners = race(feed);

            assertThat(winners).as(feed).hasSize(1);
            assertThat(locks.holder(feed)).map(LockHolder::holder).hasValue(winners.get(0));
        }
    }

    @Test
    void ofEightHoldersRacingForAnExpiredLockExactlyOneWins() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            locks.tryAcquire("race-expired-" + round, "crashed/0/z", TINY);
        }
        Thread.sleep(TINY.multipliedBy(2).toMillis());

        for (int round = 0; round < ROUNDS; round++) {
            String feed = "race-expired-" + round;

            List<String> winners = race(feed);

            assertThat(winners).as(feed).hasSize(1);
            assertThat(locks.holder(feed)).map(LockHolder::holder).hasValue(winners.get(0));
        }
    }

    @Test
    void locksOfDifferentFeedsAreIndependent() {
        locks.tryAcquire("flats", "host-a/1/x", MINUTE);

        boolean other = locks.tryAcquire("houses", "host-b/2/y", MINUTE);
        locks.release("houses", "host-b/2/y");

        assertThat(other).isTrue();
        assertThat(locks.holder("flats")).map(LockHolder::holder).hasValue("host-a/1/x");
        assertThat(locks.holder("houses")).isEmpty();
    }

    /** Lets RACERS holders call tryAcquire on the feed at the same moment; returns those that got it. */
    private List<String> race(String feed) throws Exception {
        CountDownLatch ready = new CountDownLatch(RACERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> attempts = new ArrayList<>();
        for (int racer = 0; racer < RACERS; racer++) {
            String holder = "host-" + racer + "/" + racer + "/" + feed;
            attempts.add(racers.submit(() -> {
                ready.countDown();
                start.await();
                return locks.tryAcquire(feed, holder, MINUTE) ? holder : null;
            }));
        }
        ready.await();
        start.countDown();
        List<String> winners = new ArrayList<>();
        for (Future<String> attempt : attempts) {
            String winner = attempt.get();
            if (winner != null) {
                winners.add(winner);
            }
        }
        return winners;
    }
}
