package io.feedimport.mapping;

import java.util.List;

/** The typed values of one entity row in column order, with the positions of its key and version columns. */
public record Row(List<String> columns, Object[] values, int[] keyColumns, int versionColumn, String hash) {

    public Object version() {
        return versionColumn < 0 ? null : values[versionColumn];
    }
}
