package io.feedimport.feed;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A feed as declared in one YAML file: what its records look like, the rules they obey and where they go.
 *
 * @param source   the YAML file the definition was loaded from
 * @param pickup   where the feed's files arrive and how they are picked up (the {@code source} key), or null when the
 *                 definition has no {@code source} key
 * @param schedule when the feed's import is due (the {@code schedule} key), or null when the definition has no
 *                 {@code schedule} key
 * @param lookups  the feed's lookups by name, resolving fields into ids of reference tables (empty when none)
 * @param cache    how long looked-up reference data may be served from the cache
 * @param delta    whether a record whose content is the one last stored for its key is left unsent (the
 *                 {@code delta} key, true unless set)
 * @param snapshot whether each file is the whole truth, so that keys it lacks are withdrawn ({@code mode: snapshot}),
 *                 or null for a feed that only upserts
 */
public record FeedDefinition(
        String name,
        Path source,
        FormatDefinition format,
        List<FieldDefinition> fields,
        TargetDefinition target,
        SkipLimit skipLimit,
        int chunkSize,
        DeliveryDefinition delivery,
        SourceDefinition pickup,
        ScheduleDefinition schedule,
        Map<String, LookupDefinition> lookups,
        CacheDefinition cache,
        boolean delta,
        SnapshotDefinition snapshot) {

    /** A feed that only upserts. */
    public FeedDefinition(String name, Path source, FormatDefinition format, List<FieldDefinition> fields,
                          TargetDefinition target, SkipLimit skipLimit, int chunkSize, DeliveryDefinition delivery,
                          SourceDefinition pickup, ScheduleDefinition schedule, Map<String, LookupDefinition> lookups,
                          CacheDefinition cache, boolean delta) {
        this(name, source, format, fields, target, skipLimit, chunkSize, delivery, pickup, schedule, lookups, cache, delta,
                null);
    }

    public FeedDefinition {
        fields = List.copyOf(fields);
        lookups = lookups == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(lookups));
        cache = cache == null ? CacheDefinition.DEFAULT : cache;
    }

    public Optional<FieldDefinition> field(String fieldName) {
        return fields.stream().filter(field -> field.name().equals(fieldName)).findFirst();
    }

    /**
     * Everything that decides how a record of the file is read, checked and stored, in a stable text: a run resumes
     * only under the same identity. Not the file the definition was loaded from, nor limits that cannot change results.
     */
    public String identity() {
        StringBuilder text = new StringBuilder(name).append('\n').append(format.identity());
        for (FieldDefinition f : fields) {
            text.append(f.name()).append('|').append(f.path()).append('|').append(f.type()).append('|').append(f.required())
                    .append('|').append(f.min()).append('|').append(f.max()).append('|').append(f.minLength())
                    .append('|').append(f.maxLength()).append('|').append(f.pattern() == null ? null : f.pattern().pattern())
                    .append('|').append(f.values()).append('|').append(f.format())
                    .append(f.sheetColumn() == null ? "" : "|column " + f.sheetColumn())
                    .append(f.sheetLetter() == null ? "" : "|letter " + f.sheetLetter())
                    .append(f.preparation().identity())
                    .append(f.computed() ? "|compute " + f.computation().expression() + " scale " + f.computation().scale() : "")
                    .append(f.lookup() == null ? "" : "|lookup " + f.lookup()).append('\n');
        }
        text.append(target.table()).append('|').append(target.key()).append('|').append(target.version());
        // a run started as a snapshot withdraws what it did not read: it never resumes as one that only upserts
        return snapshot == null ? text.toString() : text.append("|snapshot ").append(snapshot.withdraw()).toString();
    }

    public int indexOf(String fieldName) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(fieldName)) {
                return i;
            }
        }
        return -1;
    }
}
