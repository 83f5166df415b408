package io.feedimport.feed;

import java.time.Duration;
import java.util.Set;

/** Parses the {@code delivery} section: how records travel from the publisher to the consumers of a feed. */
final class DeliveryDefinitionParser {

    private static final Set<String> KEYS = Set.of("consumers", "prefetch", "maxRetries", "backoff", "backoffMax", "timeout",
            "rateLimit", "queue");

    private DeliveryDefinitionParser() {
    }

    static DeliveryDefinition parse(YamlSection delivery) {
        DeliveryDefinition d = DeliveryDefinition.DEFAULT;
        if (delivery == null) {
            return d;
        }
        delivery.allowOnly(KEYS);
        Duration backoff = orDefault(Durations.parse(delivery, "backoff"), d.backoff());
        Duration backoffMax = orDefault(Durations.parse(delivery, "backoffMax"), backoff.compareTo(d.backoffMax()) > 0 ? backoff : d.backoffMax());
        if (backoffMax.compareTo(backoff) < 0) {
            delivery.problem("backoffMax", "is shorter than backoff (" + backoff.toSeconds() + "s)");
        }
        Integer rate = null;
        String rateText = delivery.string("rateLimit", false);
        if (rateText != null) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*s\\s*").matcher(rateText);
            if (m.matches() && Integer.parseInt(m.group(1)) > 0) {
                rate = Integer.parseInt(m.group(1));
            } else {
                delivery.problem("rateLimit", "expected records per second such as 200/s, got '" + rateText + "'");
            }
        }
        String queue = delivery.string("queue", false);
        DeliveryDefinition.QueueType queueType = d.queueType();
        if (queue != null) {
            switch (queue) {
                case "classic" -> queueType = DeliveryDefinition.QueueType.CLASSIC;
                case "quorum" -> queueType = DeliveryDefinition.QueueType.QUORUM;
                default -> delivery.problem("queue", "expected classic or quorum, got '" + queue + "'");
            }
        }
        return new DeliveryDefinition(
                orDefault(delivery.integer("consumers", 1, 256), d.consumers()),
                orDefault(delivery.integer("prefetch", 1, 10_000), d.prefetch()),
                orDefault(delivery.integer("maxRetries", 0, 100), d.maxRetries()),
                backoff, backoffMax,
                orDefault(Durations.parse(delivery, "timeout"), d.timeout()),
                rate == null ? d.rateLimit() : rate, queueType);
    }

    private static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
