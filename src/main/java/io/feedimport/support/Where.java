package io.feedimport.support;

import java.util.ArrayList;
import java.util.List;

/** A WHERE clause of the filters that were given (a null value is no filter), with their arguments in order. */
public final class Where {

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> args = new ArrayList<>();

    /** Adds {@code condition}, with one {@code ?} for {@code value}, unless the value is null. */
    public Where and(String condition, Object value) {
        if (value != null) {
            conditions.add(condition);
            args.add(value);
        }
        return this;
    }

    public String sql() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    public Object[] args() {
        return args.toArray();
    }
}
