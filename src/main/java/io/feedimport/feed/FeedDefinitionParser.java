package io.feedimport.feed;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns the YAML mapping of a definition into a {@link FeedDefinition}, recording every problem it finds. */
final class FeedDefinitionParser {

    private static final Set<String> TOP = Set.of("name", "description", "format", "fields", "target", "skipLimit", "chunkSize",
            "delivery", "lookups", "cache", "source", "schedule");
    private static final Set<String> DELIVERY = Set.of("consumers", "prefetch", "maxRetries", "backoff", "backoffMax", "timeout",
            "rateLimit", "queue");
    private static final Set<String> FORMAT = Set.of("type", "record", "encoding", "namespaces", "limits");
    private static final Set<String> LIMITS = Set.of("maxDepth", "maxAttributes", "maxTextLength", "maxAttributeSize");
    private static final Set<String> TARGET = Set.of("table", "key", "version");
    static final int DEFAULT_CHUNK_SIZE = 500;

    private final YamlSection root;

    FeedDefinitionParser(YamlSection root) {
        this.root = root;
    }

    FeedDefinition parse(Path source) {
        root.allowOnly(TOP);
        String name = root.string("name", true);
        if (name != null && !Names.FEED_NAME.matcher(name).matches()) {
            root.problem("name", "expected lower-case letters, digits, '-' or '_', starting with a letter, got '" + name + "'");
        }
        FormatDefinition format = format(root.section("format", true));
        List<FieldDefinition> fields = new FieldDefinitionParser(root, format == null ? Map.of() : format.namespaces(),
                format != null && format.isSheet()).parse(root.section("fields", true));
        TargetDefinition target = target(root.section("target", true), name, fields);
        checkDepth(format, fields);
        SkipLimit skipLimit = skipLimit(root.string("skipLimit", false));
        Integer chunkSize = root.integer("chunkSize", 1, 10_000);
        DeliveryDefinition delivery = delivery(root.section("delivery", false));
        SourceDefinition pickup = new SourceDefinitionParser(root, source).source();
        ScheduleDefinition schedule = new ScheduleDefinitionParser(root).schedule();
        LookupDefinitionParser lookupParser = new LookupDefinitionParser(root);
        Map<String, LookupDefinition> lookups = lookupParser.lookups(fields);
        return new FeedDefinition(name, source, format, fields, target, skipLimit,
                chunkSize == null ? DEFAULT_CHUNK_SIZE : chunkSize, delivery, pickup, schedule, lookups, lookupParser.cache());
    }

    private FormatDefinition format(YamlSection format) {
        if (format == null) {
            return null;
        }
        String type = format.string("type", true);
        if (FormatDefinition.XLSX.equals(type) || FormatDefinition.XLS.equals(type)) {
            return new SheetFormatParser(format).parse(type);
        }
        format.allowOnly(FORMAT);
        if (type != null && !type.equals(FormatDefinition.XML)) {
            format.problem("type", "'" + type + "' is not supported; expected xml, xlsx or xls");
        }
        Map<String, String> namespaces = namespaces(format.section("namespaces", false));
        List<PathStep> record = ElementPaths.parse(format, "record", format.string("record", true), true, namespaces);
        String encoding = format.string("encoding", false);
        if (encoding == null) {
            encoding = FormatDefinition.AUTO;
        } else if (!encoding.equalsIgnoreCase(FormatDefinition.AUTO) && !Charset.isSupported(encoding)) {
            format.problem("encoding", "unknown character set '" + encoding + "'; expected auto or a name such as UTF-8, ISO-8859-1, windows-1251");
        }
        XmlLimits limits = limits(format.section("limits", false));
        return record == null ? null : new FormatDefinition(type, record, encoding, namespaces, limits, null, 0, SheetLimits.DEFAULT);
    }

    /** A depth limit below the deepest declared path would make every file of the feed "malformed". */
    private void checkDepth(FormatDefinition format, List<FieldDefinition> fields) {
        if (format == null || format.isSheet()) {
            return;
        }
        int deepest = format.record().size() + fields.stream()
                .mapToInt(field -> (int) field.steps().stream().filter(step -> !step.attribute()).count()).max().orElse(0);
        if (format.limits().maxDepth() < deepest) {
            root.problem("format", "limits.maxDepth is " + format.limits().maxDepth() + " but the record path and field paths reach depth "
                    + deepest);
        }
    }

    private Map<String, String> namespaces(YamlSection section) {
        Map<String, String> namespaces = new LinkedHashMap<>();
        if (section != null) {
            section.entries().forEach((prefix, uri) -> {
                if (uri == null || uri instanceof Map || uri instanceof List) {
                    section.problem(String.valueOf(prefix), "expected a namespace URI");
                } else {
                    namespaces.put(String.valueOf(prefix), String.valueOf(uri));
                }
            });
        }
        return namespaces;
    }

    private XmlLimits limits(YamlSection limits) {
        if (limits == null) {
            return XmlLimits.DEFAULT;
        }
        limits.allowOnly(LIMITS);
        XmlLimits d = XmlLimits.DEFAULT;
        return new XmlLimits(
                orDefault(limits.integer("maxDepth", 2, 10_000), d.maxDepth()),
                orDefault(limits.integer("maxAttributes", 1, 100_000), d.maxAttributes()),
                orDefault(limits.integer("maxTextLength", 1, Integer.MAX_VALUE), d.maxTextLength()),
                orDefault(limits.integer("maxAttributeSize", 1, Integer.MAX_VALUE), d.maxAttributeSize()));
    }

    private TargetDefinition target(YamlSection target, String feedName, List<FieldDefinition> fields) {
        if (target == null) {
            return null;
        }
        target.allowOnly(TARGET);
        String table = target.string("table", false);
        if (table == null && feedName != null) {
            table = Names.defaultTable(feedName);
        }
        if (table != null && (!Names.SQL_NAME.matcher(table).matches() || table.startsWith(Names.RESERVED_PREFIX))) {
            target.problem("table", "expected a lower-case SQL name (letters, digits, '_'), not starting with "
                    + Names.RESERVED_PREFIX + ", got '" + table + "'");
        } else if (table != null && Names.reserved(table)) {
            target.problem("table", "'" + table + "' is a reserved SQL word in H2 or PostgreSQL; choose another table name");
        }
        List<String> key = target.strings("key", true);
        if (key != null && key.isEmpty()) {
            target.problem("key", "expected at least one field");
        }
        if (key != null && key.stream().distinct().count() < key.size()) {
            target.problem("key", "names a field more than once");
        }
        if (key != null) {
            for (String field : key) {
                if (fields.stream().noneMatch(f -> f.name().equals(field))) {
                    target.problem("key", "'" + field + "' is not a field of this feed");
                } else if (fields.stream().anyMatch(f -> f.name().equals(field) && f.lookup() != null)) {
                    target.problem("key", "'" + field + "' has a lookup; a key identifies the entity as the file writes it");
                }
            }
        }
        String version = target.string("version", false);
        if (version != null) {
            FieldDefinition field = fields.stream().filter(f -> f.name().equals(version)).findFirst().orElse(null);
            if (field == null) {
                target.problem("version", "'" + version + "' is not a field of this feed");
            } else if (!field.type().isOrdered() && field.type() != FieldType.STRING) {
                target.problem("version", "field '" + version + "' is " + field.type().yamlName()
                        + "; expected an integer, decimal, date, datetime or string field");
            }
        }
        return key == null ? null : new TargetDefinition(table, key, version);
    }

    private DeliveryDefinition delivery(YamlSection delivery) {
        DeliveryDefinition d = DeliveryDefinition.DEFAULT;
        if (delivery == null) {
            return d;
        }
        delivery.allowOnly(DELIVERY);
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

    private SkipLimit skipLimit(String text) {
        if (text == null) {
            return SkipLimit.NONE;
        }
        String trimmed = text.trim();
        try {
            if (trimmed.endsWith("%")) {
                BigDecimal percent = new BigDecimal(trimmed.substring(0, trimmed.length() - 1).trim());
                if (percent.signum() >= 0 && percent.compareTo(BigDecimal.valueOf(100)) <= 0) {
                    return new SkipLimit(null, percent);
                }
            } else {
                long count = Long.parseLong(trimmed);
                if (count >= 0) {
                    return new SkipLimit(count, null);
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        root.problem("skipLimit", "expected a number of records (e.g. 50) or a percentage (e.g. 5%), got '" + text + "'");
        return SkipLimit.NONE;
    }
}
