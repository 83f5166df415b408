package io.feedimport.feed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Parses {@code lookups} and {@code cache}, and checks that every field's {@code lookup} names a declared one. */
final class LookupDefinitionParser {

    private static final Set<String> KEYS = Set.of("table", "key", "value", "onMissing", "normalize");

    private final YamlSection root;

    LookupDefinitionParser(YamlSection root) {
        this.root = root;
    }

    Map<String, LookupDefinition> lookups(List<FieldDefinition> fields) {
        Map<String, LookupDefinition> lookups = new LinkedHashMap<>();
        YamlSection section = root.section("lookups", false);
        if (section != null) {
            section.entries().keySet().forEach(name -> {
                YamlSection lookup = section.section(String.valueOf(name), true);
                if (lookup != null) {
                    LookupDefinition parsed = lookup(String.valueOf(name), lookup, section);
                    if (parsed != null) {
                        lookups.put(parsed.name(), parsed);
                    }
                }
            });
        }
        for (FieldDefinition field : fields) {
            if (field.lookup() != null && !lookups.containsKey(field.lookup()) && (section == null
                    || !section.entries().containsKey(field.lookup()))) {
                root.problem("fields." + field.name() + ".lookup", "'" + field.lookup() + "' is not declared under lookups"
                        + (lookups.isEmpty() ? "" : " (declared: " + String.join(", ", lookups.keySet()) + ")"));
            }
        }
        return lookups;
    }

    CacheDefinition cache() {
        YamlSection cache = root.section("cache", false);
        if (cache == null) {
            return CacheDefinition.DEFAULT;
        }
        cache.allowOnly(Set.of("ttl"));
        java.time.Duration ttl = Durations.parse(cache, "ttl");
        return ttl == null ? CacheDefinition.DEFAULT : new CacheDefinition(ttl);
    }

    private LookupDefinition lookup(String name, YamlSection lookup, YamlSection section) {
        if (!Names.FIELD_NAME.matcher(name).matches()) {
            section.problem(name, "lookup names are letters, digits and '_', starting with a letter");
        }
        lookup.allowOnly(KEYS);
        String table = sqlName(lookup, "table");
        String key = sqlName(lookup, "key");
        String value = sqlName(lookup, "value");
        LookupDefinition.OnMissing onMissing = choice(lookup, "onMissing", LookupDefinition.OnMissing.class,
                LookupDefinition.OnMissing.REJECT);
        LookupDefinition.Normalize normalize = choice(lookup, "normalize", LookupDefinition.Normalize.class,
                LookupDefinition.Normalize.NONE);
        if (table == null || key == null || value == null || onMissing == null || normalize == null) {
            return null;
        }
        return new LookupDefinition(name, table, key, value, onMissing, normalize);
    }

    private static String sqlName(YamlSection lookup, String key) {
        String text = lookup.string(key, true);
        if (text != null && !Names.SQL_NAME.matcher(text).matches()) {
            lookup.problem(key, "expected a lower-case SQL name (letters, digits, '_'), got '" + text + "'");
            return null;
        }
        return text;
    }

    private static <E extends Enum<E>> E choice(YamlSection lookup, String key, Class<E> type, E fallback) {
        String text = lookup.string(key, false);
        if (text == null) {
            return fallback;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().replace('_', '-').equalsIgnoreCase(text)) {
                return constant;
            }
        }
        lookup.problem(key, "expected one of " + String.join(", ", java.util.Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().replace('_', '-').toLowerCase(Locale.ROOT)).toList()) + ", got '" + text + "'");
        return null;
    }
}
