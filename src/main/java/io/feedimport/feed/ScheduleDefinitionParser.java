package io.feedimport.feed;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

import org.springframework.scheduling.support.CronExpression;

/** Parses the {@code schedule} key, a cron alone or a cron with its time zone, into a {@link ScheduleDefinition}. */
final class ScheduleDefinitionParser {

    private static final Set<String> SCHEDULE = Set.of("cron", "zone");

    private final YamlSection root;

    ScheduleDefinitionParser(YamlSection root) {
        this.root = root;
    }

    ScheduleDefinition schedule() {
        if (!root.has("schedule")) {
            return null;
        }
        if (root.entries().get("schedule") instanceof Map) {
            YamlSection schedule = root.section("schedule", true);
            schedule.allowOnly(SCHEDULE);
            String zone = schedule.string("zone", false);
            return new ScheduleDefinition(cron(schedule, "cron", schedule.string("cron", true)),
                    zone == null ? ScheduleDefinition.DEFAULT_ZONE : zone(schedule, zone));
        }
        return new ScheduleDefinition(cron(root, "schedule", root.string("schedule", true)), ScheduleDefinition.DEFAULT_ZONE);
    }

    private static String cron(YamlSection section, String key, String cron) {
        if (cron != null && !CronExpression.isValidExpression(cron)) {
            String unix = CronExpression.isValidExpression("0 " + cron) ? "; did you mean '0 " + cron + "'?" : "";
            section.problem(key, "expected a Spring cron of six fields, seconds first, such as \"0 0 2 * * *\" (02:00 every day),"
                    + " got '" + cron + "'" + unix);
        }
        return cron;
    }

    private static ZoneId zone(YamlSection schedule, String zone) {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            schedule.problem("zone", "unknown time zone '" + zone + "'; expected a region such as Europe/Sofia, or UTC");
            return ScheduleDefinition.DEFAULT_ZONE;
        }
    }
}
