package io.feedimport.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunOwnerTest {

    private final RunOwner here = RunOwner.current();

    @Test
    void anOwnerSurvivesTheRoundTripThroughTheRunLedger() {
        assertThat(RunOwner.parse(here.toString())).contains(here);
        assertThat(RunOwner.parse(here.of(17).toString()).orElseThrow().executionId()).isEqualTo(17);
        assertThat(RunOwner.parse("garbage")).isEmpty();
        assertThat(RunOwner.parse(null)).isEmpty();
    }

    @Test
    void aLiveProcessStillOwnsItsRun() {
        assertThat(here.isGoneFrom(here)).isFalse();
    }

    @Test
    void aProcessThatNoLongerExistsHasLeftItsRun() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        RunOwner dead = new RunOwner(here.host(), process.pid(), 1L, 0);

        assertThat(dead.isGoneFrom(here)).isTrue();
    }

    @Test
    void aReusedPidIsNotMistakenForTheOriginalProcess() {
        RunOwner earlier = new RunOwner(here.host(), here.pid(), here.startedMillis() - 60_000, 0);

        assertThat(earlier.isGoneFrom(here)).isTrue();
    }

    @Test
    void aRunOwnedByAnotherHostIsNeverTakenOver() {
        RunOwner elsewhere = new RunOwner("another-host", 1, 1, 0);

        assertThat(elsewhere.isGoneFrom(here)).isFalse();
    }
}
