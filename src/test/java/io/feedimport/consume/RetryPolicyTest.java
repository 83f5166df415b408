package io.feedimport.consume;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;

import io.feedimport.feed.DeliveryDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The retry policy as a table: given a policy, the attempt number and what happened, then this is decided. */
class RetryPolicyTest {

    /** A feed on a broker: 2 retries after the first delivery, 100 ms doubling up to 150 ms. */
    private static final RetryPolicy FEED = RetryPolicy.of(new DeliveryDefinition(2, 100, 2, Duration.ofMillis(100),
            Duration.ofMillis(150), Duration.ofSeconds(120), 0, DeliveryDefinition.QueueType.CLASSIC));
    /** The embedded transport with 3 attempts: 50 ms tripling up to 2 s. */
    private static final RetryPolicy IN_PROCESS = RetryPolicy.inProcess(3);
    private static final RuntimeException OUTAGE = new DatabaseUnavailableException(new IllegalStateException("refused"));

    static Stream<Arguments> outcomes() {
        return Stream.of(
                //        policy      attempt  the consumer said               decided
                Arguments.of(FEED, 1, Outcome.ack(), Decision.ack()),
                Arguments.of(FEED, 3, Outcome.ack(), Decision.ack()),
                Arguments.of(FEED, 1, Outcome.reject("too long"), Decision.reject("too long")),
                Arguments.of(FEED, 3, Outcome.reject("too long"), Decision.reject("too long")),
                Arguments.of(FEED, 1, Outcome.retry("locked"), Decision.retry(ms(100), "locked")),
                Arguments.of(FEED, 2, Outcome.retry("locked"), Decision.retry(ms(150), "locked")),
                Arguments.of(FEED, 3, Outcome.retry("locked"), Decision.park("gave up after 3 attempts: locked")),
                Arguments.of(FEED, 7, Outcome.retry("locked"), Decision.park("gave up after 7 attempts: locked")),
                Arguments.of(IN_PROCESS, 1, Outcome.retry("locked"), Decision.retry(ms(50), "locked")),
                Arguments.of(IN_PROCESS, 2, Outcome.retry("locked"), Decision.retry(ms(150), "locked")),
                Arguments.of(IN_PROCESS, 3, Outcome.retry("locked"), Decision.park("gave up after 3 attempts: locked")),
                Arguments.of(IN_PROCESS, 1, Outcome.reject("too long"), Decision.reject("too long")));
    }

    @ParameterizedTest(name = "{0}, attempt {1}, {2} -> {3}")
    @MethodSource("outcomes")
    void aRecordIsRetriedWithAGrowingDelayUntilItsAttemptsAreSpentThenParked(RetryPolicy policy, int attempt,
                                                                              Outcome outcome, Decision decided) {
        assertThat(policy.decide(attempt, outcome)).isEqualTo(decided);
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                //        policy      attempt  the consumer threw   decided
                Arguments.of(FEED, 1, OUTAGE, Decision.hold(Duration.ofSeconds(2), "database unavailable: refused")),
                Arguments.of(FEED, 3, OUTAGE, Decision.hold(Duration.ofSeconds(2), "database unavailable: refused")),
                Arguments.of(FEED, 99, new IllegalStateException("no table offer"),
                        Decision.hold(Duration.ofSeconds(2), "no table offer")),
                Arguments.of(IN_PROCESS, 1, OUTAGE, Decision.retry(ms(50), "database unavailable: refused")),
                Arguments.of(IN_PROCESS, 2, new IllegalStateException("no table offer"), Decision.retry(ms(150), "no table offer")),
                Arguments.of(IN_PROCESS, 3, new IllegalStateException("no table offer"), Decision.fail("no table offer")));
    }

    /** A broker holds a failing batch as long as it takes; the embedded transport's caller waits, so it gives up. */
    @ParameterizedTest(name = "{0}, attempt {1}, {2} -> {3}")
    @MethodSource("failures")
    void aConsumerThatThrowsHasItsBatchHeldOnABrokerAndRetriedThenFailedInProcess(RetryPolicy policy, int attempt,
                                                                                 RuntimeException thrown, Decision decided) {
        assertThat(policy.decide(attempt, thrown)).isEqualTo(decided);
    }

    static Stream<Arguments> delays() {
        DeliveryDefinition delivery = new DeliveryDefinition(4, 50, 3, Duration.ofSeconds(30), Duration.ofMinutes(2),
                Duration.ofSeconds(120), 200, DeliveryDefinition.QueueType.QUORUM);
        return Stream.of(
                //        delivery  after attempt  delay
                Arguments.of(delivery, 1, Duration.ofSeconds(30)),
                Arguments.of(delivery, 2, Duration.ofSeconds(60)),
                Arguments.of(delivery, 3, Duration.ofSeconds(120)),
                Arguments.of(delivery, 4, Duration.ofSeconds(120)),
                Arguments.of(delivery, 60, Duration.ofSeconds(120)));
    }

    @ParameterizedTest(name = "after attempt {1}: {2}")
    @MethodSource("delays")
    void aFeedsBackoffDoublesAfterEachAttemptUpToItsMaximum(DeliveryDefinition delivery, int attempt, Duration delay) {
        assertThat(RetryPolicy.of(delivery).delayAfter(attempt)).isEqualTo(delay);
    }

    @ParameterizedTest(name = "maxRetries {0}: parked on attempt {1}")
    @CsvSource({"0, 1", "1, 2", "3, 4"})
    void aFeedsMaxRetriesCountsTheDeliveriesAfterTheFirst(int maxRetries, int parkedOn) {
        RetryPolicy policy = RetryPolicy.of(new DeliveryDefinition(1, 1, maxRetries, ms(10), ms(10), ms(10), 0,
                DeliveryDefinition.QueueType.CLASSIC));
        for (int attempt = 1; attempt < parkedOn; attempt++) {
            assertThat(policy.decide(attempt, Outcome.retry("x")).kind()).isEqualTo(Decision.Kind.RETRY);
        }
        assertThat(policy.decide(parkedOn, Outcome.retry("x")).kind()).isEqualTo(Decision.Kind.PARK);
    }

    @Test
    void aMessageThatIsNotARecordIsParkedAtOnce() {
        assertThat(FEED.notARecord("message lacks the fi-run header"))
                .isEqualTo(Decision.park("not a record message: message lacks the fi-run header"));
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }
}
