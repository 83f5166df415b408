/**
 * Schedule: feed definitions with a {@code source} (and a {@code schedule}) in, pick-ups over time out. Decides
 * when a feed's drop folder is polled (every {@code pollEvery}, or at its cron times), makes sure one feed is never
 * picked up twice at once across processes and machines, backs off from a failing folder, and records every
 * pick-up, including the ones that found nothing. For a process that runs for weeks it also prunes, once a day, what
 * old runs kept per record. The daemon and its housekeeping are lifecycle beans, made only when
 * {@code feedimport.daemon.enabled} is set (the {@code daemon} command sets it); they print nothing, but tell
 * {@link io.feedimport.schedule.ScheduleEvents}, which the CLI prints.
 *
 * <p>It uses packages further down the data's path:
 * <ul>
 * <li>{@code io.feedimport.source}: a pick-up polls the feed's drop folder and reports the file events it found;</li>
 * <li>{@code io.feedimport.run}: housekeeping prunes the details old runs kept per record, and says what it
 * removed.</li>
 * </ul>
 */
package io.feedimport.schedule;
