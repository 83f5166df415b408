package io.feedimport.source;

import java.nio.file.Path;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.report.RunSummary;

/** Imports one local file of a feed to its end (or resumes it), as {@code feedimport run} does. */
@FunctionalInterface
public interface FileImport {

    /** @param sha256 the checksum of the file's bytes computed while downloading it: the run's identity */
    RunSummary importFile(FeedDefinition feed, Path file, String sha256);
}
