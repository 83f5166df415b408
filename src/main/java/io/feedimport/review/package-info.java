/**
 * Review: the morning-after web page of a long-running process ({@code serve}, {@code daemon --port}): runs with
 * their
 * counts and progress, skip reports filterable by field and rule and exportable as CSV, parked records with a replay
 * button, and the same as JSON under {@code /api}. {@link io.feedimport.review.RunReview} answers what is shown,
 * {@link io.feedimport.review.ParkedReplays} does the page's only write. Only started in a servlet context, guarded
 * by
 * {@link io.feedimport.review.AccessGuard}.
 */
package io.feedimport.review;
