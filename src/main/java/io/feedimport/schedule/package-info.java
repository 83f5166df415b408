/**
 * Schedule: feed definitions with a {@code source} (and a {@code schedule}) in, pick-ups over time out. Decides
 * when a feed's drop folder is polled (every {@code pollEvery}, or at its cron times), makes sure one feed is never
 * picked up twice at once across processes and machines, backs off from a failing folder, and records every
 * pick-up, including the ones that found nothing. For a process that runs for weeks it also prunes, once a day, what
 * old runs kept per record. The daemon and its housekeeping are lifecycle beans, made only when
 * {@code feedimport.daemon.enabled} is set (the {@code daemon} command sets it); they print nothing, but tell
 * {@link io.feedimport.schedule.ScheduleEvents}, which the CLI prints. It imports the stages after it that it drives:
 * {@code source} (a pick-up polls a folder and reports its file events) and {@code run} (housekeeping prunes old runs
 * and says what it removed).
 */
package io.feedimport.schedule;
