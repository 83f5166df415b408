package io.feedimport.cli;

import java.nio.file.Path;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FeedDefinitionLoader;

/** The {@code JOB.yml --file FILE} pair most commands take; the definition is loaded (and refused) before the file is opened. */
record FeedAndFile(FeedDefinition feed, Path file) {

    static FeedAndFile of(Arguments arguments) {
        Path job = Path.of(arguments.positional(0, "feed definition (jobs/NAME.yml)"));
        arguments.expectPositionals(1);
        Path file = arguments.requiredPath("file");
        return new FeedAndFile(new FeedDefinitionLoader().load(job), file);
    }
}
