package io.feedimport.source;

import java.nio.file.Path;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.report.RunSummary;

/** Imports one local file of a feed to its end (or resumes it), as {@code feedimport run} does. */
@FunctionalInterface
public interface FileImport {

    RunSummary importFile(FeedDefinition feed, Path file);
}
