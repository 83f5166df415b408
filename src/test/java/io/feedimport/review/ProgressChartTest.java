package io.feedimport.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.feedimport.report.ProgressSample;
import org.junit.jupiter.api.Test;

class ProgressChartTest {

    private static final OffsetDateTime START = OffsetDateTime.of(2026, 11, 29, 2, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void aSingleSampleIsNoLine() {
        assertThat(ProgressChart.of(List.of())).isNull();
        assertThat(ProgressChart.of(List.of(new ProgressSample(START, 0, 0)))).isNull();
    }

    @Test
    void timeRunsAcrossTheWidthAndRecordsUpTheHeightWithTheMostReadAtTheTop() {
        ProgressChart chart = ProgressChart.of(List.of(new ProgressSample(START, 0, 0),
                new ProgressSample(START.plusSeconds(5), 500, 10), new ProgressSample(START.plusSeconds(10), 1000, 40)));

        assertThat(chart.maxRead()).isEqualTo(1000);
        assertThat(chart.readPoints()).isEqualTo("0.0,180.0 320.0,90.0 640.0,0.0");
        assertThat(chart.skippedPoints()).isEqualTo("0.0,180.0 320.0,178.2 640.0,172.8");
        assertThat(chart.span()).isEqualTo("10.0s");
    }

    @Test
    void aLongRunIsThinnedToAFewHundredPointsKeepingItsLastOne() {
        List<ProgressSample> samples = new ArrayList<>();
        for (int second = 0; second <= 7_200; second++) {
            samples.add(new ProgressSample(START.plusSeconds(second), second * 100L, 0));
        }

        ProgressChart chart = ProgressChart.of(samples);

        String[] points = chart.readPoints().split(" ");
        assertThat(points.length).isBetween(500, 601);
        assertThat(points[points.length - 1]).isEqualTo("640.0,0.0");
        assertThat(chart.span()).isEqualTo("2h00m");
        assertThat(chart.samples()).isEqualTo(7_201);
    }

    @Test
    void spansReadInTheirLargestUnit() {
        assertThat(ProgressChart.span(Duration.ofMillis(1_250))).isEqualTo("1.3s");
        assertThat(ProgressChart.span(Duration.ofSeconds(125))).isEqualTo("2m05s");
        assertThat(ProgressChart.span(Duration.ofMinutes(61))).isEqualTo("1h01m");
    }
}
