/**
 * Monitoring: what the engine tells the outside world. In: the end of a run (its
 * {@link io.feedimport.report.RunSummary}, skip entries and feed definition), and counts and timings from every
 * stage. Out: events for an error tracker, and meters for Prometheus or StatsD.
 *
 * <p>{@link io.feedimport.monitoring.RunReporters#fromDsn} gives a Sentry reporter when a DSN is configured
 * ({@code SENTRY_DSN}) and a do-nothing one otherwise. Events are grouped so that one broken rule of one feed is one
 * Sentry issue, and carry file, record numbers, field and rule, never values of sensitive fields nor anything that
 * looks like an e-mail address or a phone number.
 *
 * <p>{@link io.feedimport.monitoring.FeedMetrics} gives each feed its {@link io.feedimport.monitoring.FeedMeters}
 * ({@code feedimport.records.*} counters, {@code feedimport.parse}, {@code .validate}, {@code .publish.confirm},
 * {@code .mapping}, {@code .upsert} timers) and {@code feedimport.queue.depth} gauges read from the transport's
 * {@link io.feedimport.monitoring.QueueDepths}; tags are feed, field, rule and queue, never record keys or values.
 * {@link io.feedimport.monitoring.TimeLimitedHealth} puts every health check under a deadline; the database's own
 * check
 * is wired here, in {@link io.feedimport.monitoring.MonitoringConfiguration}, the others by the stage that owns the
 * dependency.
 *
 * <p>It uses packages further down the data's path:
 * <ul>
 * <li>{@code io.feedimport.report}: the ended run's summary and skip entries, which are what an error tracker is told
 * about; monitoring serves every stage with meters, so it sits at the start of the path, while these are the plain
 * records report makes.</li>
 * </ul>
 */
package io.feedimport.monitoring;
