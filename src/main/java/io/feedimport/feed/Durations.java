package io.feedimport.feed;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in a definition: 500ms, 30s, 10m, 2h. */
final class Durations {

    private static final Pattern DURATION = Pattern.compile("\\s*(\\d{1,9})\\s*(ms|s|m|h)\\s*");

    private Durations() {
    }

    /** The duration under {@code key}, null when absent; a problem is recorded when it cannot be read. */
    static Duration parse(YamlSection section, String key) {
        String text = section.string(key, false);
        if (text == null) {
            return null;
        }
        Matcher m = DURATION.matcher(text);
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            section.problem(key, "expected a positive duration such as 500ms, 30s, 10m or 2h, got '" + text + "'");
            return null;
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }
}
