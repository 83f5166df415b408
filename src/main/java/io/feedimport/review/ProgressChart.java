package io.feedimport.review;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import io.feedimport.report.ProgressSample;

/**
 * A run's progress as an SVG line chart: records read and skipped over the time since its first sample. Drawn on the
 * server as two polylines, so the page needs no script and no chart library.
 */
public record ProgressChart(int width, int height, String readPoints, String skippedPoints, long maxRead, String span,
                            int samples) {

    static final int WIDTH = 640;
    static final int HEIGHT = 180;
    private static final int MAX_POINTS = 600;

    /** @return the chart, or null when there are fewer than two samples to draw a line between */
    static ProgressChart of(List<ProgressSample> samples) {
        if (samples.size() < 2) {
            return null;
        }
        OffsetDateTime first = samples.get(0).at();
        double seconds = Math.max(1e-3, Duration.between(first, samples.get(samples.size() - 1).at()).toMillis() / 1000.0);
        long max = Math.max(1, samples.stream().mapToLong(ProgressSample::read).max().orElse(1));
        int step = Math.max(1, (samples.size() + MAX_POINTS - 1) / MAX_POINTS);
        StringBuilder read = new StringBuilder();
        StringBuilder skipped = new StringBuilder();
        for (int i = 0; i < samples.size(); i += step) {
            append(read, skipped, samples.get(i), first, seconds, max);
        }
        if ((samples.size() - 1) % step != 0) {
            append(read, skipped, samples.get(samples.size() - 1), first, seconds, max);
        }
        return new ProgressChart(WIDTH, HEIGHT, read.toString().trim(), skipped.toString().trim(), max,
                span(Duration.ofMillis((long) (seconds * 1000))), samples.size());
    }

    private static void append(StringBuilder read, StringBuilder skipped, ProgressSample sample, OffsetDateTime first,
                               double seconds, long max) {
        double x = Duration.between(first, sample.at()).toMillis() / 1000.0 / seconds * WIDTH;
        read.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y(sample.read(), max)));
        skipped.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y(sample.skipped(), max)));
    }

    private static double y(long value, long max) {
        return HEIGHT - (double) value / max * HEIGHT;
    }

    static String span(Duration duration) {
        long s = duration.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60)
                : String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
    }
}
