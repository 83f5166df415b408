package io.feedimport.feed;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One declared lookup: raw values of a feed field are keys of {@code table.keyColumn}, and the target row stores the
 * matching {@code valueColumn}, an integer id (BIGINT). Table and column names are checked here to be plain SQL
 * identifiers, so they can be put into SQL as they are.
 */
public record LookupDefinition(String name, String table, String keyColumn, String valueColumn, OnMissing onMissing,
        Normalize normalize) {

    /** What to do when no row has the key. */
    public enum OnMissing { REJECT, NULL, CREATE }

    /** How a raw value becomes a key; LOWERCASE_TRIM also collapses inner whitespace runs to one space. */
    public enum Normalize { NONE, TRIM, LOWERCASE_TRIM }

    private static final Pattern IDENTIFIER = Pattern.compile("^[a-z_][a-z0-9_]*$");
    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9_.-]+$");
    // Unicode white space, so a no-break space copied out of a spreadsheet counts as space too
    private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern EDGE_SPACES = Pattern.compile("^\\s+|\\s+$", Pattern.UNICODE_CHARACTER_CLASS);

    public LookupDefinition {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("lookup name '" + name + "' must be letters, digits, '_', '.' or '-'");
        }
        identifier(name, "table", table);
        identifier(name, "key", keyColumn);
        identifier(name, "value", valueColumn);
        Objects.requireNonNull(onMissing, () -> "lookup " + name + ": onMissing is required");
        normalize = normalize == null ? Normalize.NONE : normalize;
    }

    private static void identifier(String lookup, String what, String value) {
        if (value == null || !IDENTIFIER.matcher(value).matches()) {
            throw new IllegalArgumentException("lookup " + lookup + ": " + what + " '" + value
                    + "' is not a plain SQL identifier (lower-case letters, digits and '_', not starting with a digit)");
        }
    }

    /** The key to look up for a raw value; null stays null. */
    public String normalized(String raw) {
        if (raw == null) {
            return null;
        }
        return switch (normalize) {
            case NONE -> raw;
            case TRIM -> EDGE_SPACES.matcher(raw).replaceAll("");
            case LOWERCASE_TRIM -> SPACES.matcher(EDGE_SPACES.matcher(raw).replaceAll("")).replaceAll(" ")
                    .toLowerCase(Locale.ROOT);
        };
    }

    /**
     * What the cache keys this lookup's entries by: the table and its two columns, not the lookup's name, so lookups of
     * several feeds over the same table share entries and evictions, and two feeds' same-named lookups never mix.
     */
    public String cacheName() {
        return table + "." + keyColumn + "." + valueColumn;
    }
}
