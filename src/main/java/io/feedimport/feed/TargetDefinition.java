package io.feedimport.feed;

import java.util.List;

/** Where valid records land: the table, the upsert key and the field whose order decides which version wins. */
public record TargetDefinition(String table, List<String> key, String version) {

    public TargetDefinition {
        key = List.copyOf(key);
    }

    public boolean versioned() {
        return version != null;
    }
}
