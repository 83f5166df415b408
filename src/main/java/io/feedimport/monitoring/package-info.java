/**
 * Monitoring: the end of a run in (its {@link io.feedimport.report.RunSummary}, its skip entries and the feed's
 * definition), events for an error tracker out. {@link io.feedimport.monitoring.RunReporters#fromDsn} gives a
 * Sentry reporter when a DSN is configured ({@code SENTRY_DSN}) and a do-nothing one otherwise. Events are grouped
 * so that one broken rule of one feed is one Sentry issue, and carry file, record numbers, field and rule, never
 * values of sensitive fields nor anything that looks like an e-mail address or a phone number.
 */
package io.feedimport.monitoring;
