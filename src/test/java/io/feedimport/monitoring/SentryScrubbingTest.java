package io.feedimport.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.sentry.SentryEvent;
import io.sentry.protocol.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What counts as personal data when no feed definition says so, and the scrubbing every event passes last. */
class SentryScrubbingTest {

    @ParameterizedTest
    @ValueSource(strings = {"anna.schmidt@example.com", "Mail: j.doe+crm@mail.example.co.uk!", "+49 30 1234567",
            "+4930123456789", "(030) 123-4567", "0171/1234567", "555-123-4567", "01711234567", "0049301234567",
            "call 030 12345678 after 5"})
    void emailAddressesAndPhoneNumbersLookPersonal(String text) {
        assertThat(PersonalData.appearsIn(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1674", "1234567.89", "4006381333931", "100023456", "2024-01-15", "15/01/2024",
            "2024-01-15T10:30:00+02:00", "/data/incoming/offers-20240115-123456.xml", "SKU-00012345678",
            "price must be at least 0", "record 1234567 line 12", "rooms 1 2"})
    void numbersCodesDatesAndFileNamesDoNot(String text) {
        assertThat(PersonalData.appearsIn(text)).isFalse();
    }

    @Test
    void scrubbingReplacesOnlyThePersonalParts() {
        assertThat(PersonalData.scrub("row 7 of offers-2024-01-15.xml: ask anna@example.com or +49 30 1234567."))
                .isEqualTo("row 7 of offers-2024-01-15.xml: ask [scrubbed] or [scrubbed].");
    }

    @Test
    void aLongRecordKeyIsSearchedForAddressesInTimeLinearInItsLength() {
        // a backtracking search for the address pattern is quadratic here: 11 s for 40,000 letters, 200,000 is 25 times that
        String letters = "a".repeat(200_000);
        Duration guard = Duration.ofSeconds(5);

        assertThat(assertTimeoutPreemptively(guard, () -> PersonalData.appearsIn(letters))).isFalse();
        assertThat(assertTimeoutPreemptively(guard, () -> PersonalData.scrub(letters + " anna@example.com")))
                .endsWith("a [scrubbed]");
    }

    @Test
    void theLastLineOfDefenceScrubsMessageTagsAndNestedExtrasAndDropsTheUser() {
        SentryEvent event = new SentryEvent();
        Message message = new Message();
        message.setFormatted("failed near anna@example.com");
        event.setMessage(message);
        event.setTag("key", "0171/1234567");
        event.setExtra("examples", List.of(Map.of("value", "anna@example.com", "record", 3L)));
        event.setUser(new io.sentry.protocol.User());

        SentryEvent sent = new ScrubbingBeforeSend().execute(event, null);

        assertThat(sent.getMessage().getFormatted()).isEqualTo("failed near [scrubbed]");
        assertThat(sent.getTag("key")).isEqualTo("[scrubbed]");
        assertThat(sent.getExtra("examples")).isEqualTo(List.of(Map.of("value", "[scrubbed]", "record", 3L)));
        assertThat(sent.getUser()).isNull();
    }
}
