package io.feedimport.report;

import java.time.OffsetDateTime;

/** How far a run had got at a time: records read and, of them, skipped; the points of its progress chart. */
public record ProgressSample(OffsetDateTime at, long read, long skipped) {
}
