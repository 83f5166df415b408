package io.feedimport.feed;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Naming rules shared by definitions and the tables derived from them. */
public final class Names {

    static final Pattern FEED_NAME = Pattern.compile("[a-z][a-z0-9_-]{0,62}");
    static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,62}");
    static final Pattern SQL_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    /** Columns the engine adds to every entity table; a field may not map onto them. */
    public static final String RESERVED_PREFIX = "fi_";

    /**
     * Words H2 2.x or PostgreSQL reserve, which would fail as unquoted table or column names on one of them (H2 reserves
     * YEAR, MONTH, DAY, KEY and VALUE, which PostgreSQL accepts): refused up front so a feed runs on both.
     */
    static final Set<String> RESERVED = Set.of("all", "analyse", "analyze", "and", "any", "array", "as", "asc",
            "asymmetric", "authorization", "between", "binary", "both", "case", "cast", "check", "collate", "collation",
            "column", "concurrently", "constraint", "create", "cross", "current_catalog", "current_date", "current_path",
            "current_role", "current_schema", "current_time", "current_timestamp", "current_user", "day", "default",
            "deferrable", "desc", "distinct", "do", "else", "end", "except", "exists", "false", "fetch", "for", "foreign",
            "freeze", "from", "full", "grant", "group", "groups", "having", "hour", "if", "ilike", "in", "initially",
            "inner", "intersect", "intersects", "interval", "into", "is", "isnull", "join", "key", "lateral", "leading",
            "left", "like", "limit", "localtime", "localtimestamp", "minus", "minute", "month", "natural", "not",
            "notnull", "null", "offset", "on", "only", "or", "order", "outer", "over", "overlaps", "partition", "placing",
            "primary", "qualify", "range", "references", "regexp", "returning", "right", "row", "rownum", "rows",
            "second", "select", "session_user", "set", "similar", "some", "symmetric", "system_user", "table",
            "tablesample", "then", "to", "top", "trailing", "true", "uescape", "union", "unique", "unknown", "user",
            "using", "value", "values", "variadic", "verbose", "when", "where", "window", "with", "year", "_rowid_");

    private Names() {
    }

    static boolean reserved(String sqlName) {
        return RESERVED.contains(sqlName);
    }

    /** camelCase field names become snake_case columns so the same name works unquoted on H2 and PostgreSQL. */
    public static String column(String fieldName) {
        return fieldName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    static String defaultTable(String feedName) {
        return feedName.replace('-', '_');
    }
}
