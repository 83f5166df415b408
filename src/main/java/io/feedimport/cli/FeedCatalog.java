package io.feedimport.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FeedDefinitionLoader;

/** The feed definitions of a jobs folder ({@code --jobs DIR}, default {@code jobs}), found by feed name. */
record FeedCatalog(Path dir, List<FeedDefinition> feeds) {

    private static final String DEFAULT = "jobs";

    /** The folder {@code --jobs} names, or {@code jobs} when there is one: for commands that can do without definitions. */
    static Optional<FeedCatalog> ifAny(Arguments arguments) {
        return arguments.option("jobs") == null && !Files.isDirectory(Path.of(DEFAULT)) ? Optional.empty()
                : Optional.of(of(arguments));
    }

    static FeedCatalog of(Arguments arguments) {
        Path dir = Path.of(arguments.option("jobs") == null ? DEFAULT : arguments.option("jobs"));
        if (!Files.isDirectory(dir)) {
            throw new UsageException("no feed definitions folder " + dir + " (give one with --jobs DIR)");
        }
        List<FeedDefinition> feeds = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).sorted().toList()) {
                feeds.add(new FeedDefinitionLoader().load(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return new FeedCatalog(dir, feeds);
    }

    FeedDefinition named(String name) {
        return feeds.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new UnknownNameException("no feed named '" + name + "' in " + dir + " (feeds there: "
                        + String.join(", ", names()) + ")"));
    }

    List<String> names() {
        return feeds.stream().map(FeedDefinition::name).toList();
    }

    List<FeedDefinition> named(List<String> names) {
        return names.isEmpty() ? feeds : names.stream().map(this::named).toList();
    }

    /** The feeds {@code --feeds a,b} names, or every feed of the folder without the option. */
    List<FeedDefinition> chosen(Arguments arguments) {
        String option = arguments.option("feeds");
        return named(option == null ? List.of()
                : java.util.Arrays.stream(option.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
    }
}
