package io.feedimport.mapping;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FieldDefinition;
import io.feedimport.publish.RecordMessage;

/**
 * Maps a message of a feed to the typed row of the feed's target table; a field with a lookup is stored as the id of
 * the reference row its value names. The content hash is taken over the values as written, so a record is unchanged
 * when its text is, whatever its references resolve to.
 */
public final class RowMapper {

    private final List<FieldDefinition> fields;
    private final List<String> columns;
    private final int[] keyColumns;
    private final int versionColumn;
    private final FeedDefinition feed;
    private final LookupResolver lookups;

    /** The feed whose records this maps. */
    public FeedDefinition feed() {
        return feed;
    }

    public RowMapper(FeedDefinition feed) {
        this(feed, LookupResolver.NONE);
    }

    public RowMapper(FeedDefinition feed, LookupResolver lookups) {
        this.feed = feed;
        this.lookups = lookups;
        this.fields = feed.fields();
        this.columns = fields.stream().map(FieldDefinition::column).toList();
        this.keyColumns = feed.target().key().stream().mapToInt(feed::indexOf).toArray();
        this.versionColumn = feed.target().versioned() ? feed.indexOf(feed.target().version()) : -1;
    }

    public Row map(RecordMessage message) {
        Object[] values = new Object[fields.size()];
        MessageDigest digest = sha256();
        for (int i = 0; i < fields.size(); i++) {
            FieldDefinition field = fields.get(i);
            String text = message.values().get(field.name());
            if (text != null) {
                try {
                    values[i] = field.type().parse(text, null);
                } catch (IllegalArgumentException e) {
                    throw new MappingException(field.name() + " '" + text + "' is " + e.getMessage());
                }
                if (field.lookup() != null) {
                    try {
                        values[i] = lookups.resolve(feed.lookups().get(field.lookup()), text);
                    } catch (LookupRejectedException e) {
                        throw new LookupRejectedException(field.name(), text, e.getMessage());
                    }
                }
                digest.update(text.getBytes(StandardCharsets.UTF_8));
            }
            digest.update((byte) 0x1f);
        }
        for (int key : keyColumns) {
            if (values[key] == null) {
                throw new MappingException("key field " + fields.get(key).name() + " is missing");
            }
        }
        return new Row(columns, values, keyColumns, versionColumn, HexFormat.of().formatHex(digest.digest(), 0, 16));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }
}
