/**
 * Validate: a {@link io.feedimport.read.SourceRecord} in, a {@link io.feedimport.validate.CheckedRecord} out:
 * either the record's values in canonical typed form, or the list of {@link io.feedimport.validate.Violation}s
 * that make it skipped. Validation is a pure function of the record and the feed definition. The dry run
 * ({@link io.feedimport.validate.DryRun}: a file in, how many records would be skipped and whether the skip limit
 * holds
 * out) is read then validate and nothing after, so it lives here; it imports {@code read}, the stage before.
 */
package io.feedimport.validate;
