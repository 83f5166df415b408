package io.feedimport.feed;

import java.util.List;
import java.util.Optional;

/**
 * The feed definitions a long-running process was started with ({@code serve}, {@code daemon}, {@code worker}), for
 * the parts of it that act on a feed by name: the review page replaying a parked record, the FTP health check.
 */
public record Feeds(List<FeedDefinition> all) {

    public static final Feeds NONE = new Feeds(List.of());

    public Feeds {
        all = List.copyOf(all);
    }

    public Optional<FeedDefinition> named(String name) {
        return all.stream().filter(feed -> feed.name().equals(name)).findFirst();
    }
}
