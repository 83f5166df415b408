/**
 * Validate: a {@link io.feedimport.read.SourceRecord} in, a {@link io.feedimport.validate.CheckedRecord} out:
 * either the record's values in canonical typed form, or the list of {@link io.feedimport.validate.Violation}s
 * that make it skipped. Validation is a pure function of the record and the feed definition.
 */
package io.feedimport.validate;
