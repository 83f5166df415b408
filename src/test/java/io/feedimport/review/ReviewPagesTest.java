package io.feedimport.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ReviewPagesTest {

    @Test
    void aReplayPressedOnARunsPageReturnsToThatRunsParkedRecords() {
        assertThat(ReviewPages.returnTo("run", 7)).isEqualTo("/runs/7#parked");
        assertThat(ReviewPages.returnTo(null, 7)).isEqualTo("/runs/7#parked");
    }

    @Test
    void aReplayPressedOnTheParkedPageReturnsToTheSameFilterAndPage() {
        assertThat(ReviewPages.returnTo("/parked?run&feed=offers&offset=50", 7)).isEqualTo("/parked?run&feed=offers&offset=50");
        assertThat(ReviewPages.returnTo("/parked", 7)).isEqualTo("/parked");
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example/parked", "https://evil.example/parked", "/parked/../runs", "/parked?x=<script>",
            "/parked?next=https://evil.example", "/parkedx", " /parked"})
    void anyOtherPlaceIsIgnoredSoACraftedFormCannotSendTheReviewerAway(String back) {
        assertThat(ReviewPages.returnTo(back, 7)).isEqualTo("/runs/7#parked");
    }
}
