package io.feedimport.feed;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns the YAML mapping of a definition into a {@link FeedDefinition}, recording every problem it finds. */
final class FeedDefinitionParser {

    private static final Set<String> TOP = Set.of("name", "description", "format", "fields", "target", "skipLimit", "chunkSize",
            "delivery", "lookups", "cache", "source", "schedule", "delta", "mode", "withdraw", "guard");
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
        YamlSection formatSection = root.section("format", true);
        FormatDefinition format = formatSection == null ? null : FormatSections.parse(formatSection);
        List<FieldDefinition> fields = new FieldDefinitionParser(root, format == null ? Map.of() : format.namespaces(),
                format != null && format.isSheet()).parse(root.section("fields", true));
        computedInputs(root, fields);
        TargetDefinition target = target(root.section("target", true), name, fields);
        if (format != null) {
            format.problemWith(fields).ifPresent(problem -> root.problem("format", problem));
        }
        SkipLimit skipLimit = skipLimit(root.string("skipLimit", false));
        Integer chunkSize = root.integer("chunkSize", 1, 10_000);
        DeliveryDefinition delivery = DeliveryDefinitionParser.parse(root.section("delivery", false));
        SourceDefinition pickup = new SourceDefinitionParser(root, source).source();
        ScheduleDefinition schedule = new ScheduleDefinitionParser(root).schedule();
        LookupDefinitionParser lookupParser = new LookupDefinitionParser(root);
        Map<String, LookupDefinition> lookups = lookupParser.lookups(fields);
        boolean delta = !root.has("delta") || root.bool("delta");
        SnapshotDefinition snapshot = new SnapshotDefinitionParser(root).snapshot();
        return new FeedDefinition(name, source, format, fields, target, skipLimit,
                chunkSize == null ? DEFAULT_CHUNK_SIZE : chunkSize, delivery, pickup, schedule, lookups, lookupParser.cache(),
                delta, snapshot);
    }

    /** A computed field reads fields of the file: not itself, not another computed one, whose order would matter. */
    private static void computedInputs(YamlSection root, List<FieldDefinition> fields) {
        Map<String, FieldDefinition> byName = new java.util.HashMap<>();
        fields.forEach(f -> byName.put(f.name(), f));
        for (FieldDefinition field : fields) {
            if (!field.computed()) {
                continue;
            }
            for (String input : field.computation().inputs()) {
                FieldDefinition read = byName.get(input);
                if (read == null) {
                    root.problem("fields." + field.name() + ".compute", "'" + input + "' is not a field of this feed");
                } else if (read.computed()) {
                    root.problem("fields." + field.name() + ".compute", "'" + input + "' is computed itself; compute from"
                            + " fields read from the file");
                } else if (read.sensitive() && !field.sensitive()) {
                    root.problem("fields." + field.name() + ".compute", "reads the sensitive field '" + input + "', so its"
                            + " value is sensitive too: add sensitive: true");
                }
            }
        }
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
            for (String name : key) {
                FieldDefinition field = fields.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
                if (field == null) {
                    target.problem("key", "'" + name + "' is not a field of this feed");
                } else if (field.lookup() != null) {
                    target.problem("key", "'" + name + "' has a lookup; a key identifies the entity as the file writes it");
                } else if (field.computed()) {
                    target.problem("key", "'" + name + "' is computed; a key identifies the entity as the file writes it");
                } else if (field.preparation().defaultValue() != null) {
                    target.problem("key", "'" + name + "' has a default; every record without a key would be one entity");
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
