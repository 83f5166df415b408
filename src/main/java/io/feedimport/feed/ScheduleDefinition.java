package io.feedimport.feed;

import java.time.ZoneId;

/**
 * When a feed's import is due: a Spring cron expression of six fields, seconds first ({@code 0 0 2 * * *} is 02:00
 * every day), read in {@code zone}.
 */
public record ScheduleDefinition(String cron, ZoneId zone) {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("UTC");
}
