/**
 * Schedule: feed definitions with a {@code source} (and a {@code schedule}) in, pick-ups over time out. Decides
 * when a feed's drop folder is polled (every {@code pollEvery}, or at its cron times), makes sure one feed is never
 * picked up twice at once across processes and machines, backs off from a failing folder, and records every
 * pick-up, including the ones that found nothing. For a process that runs for weeks it also prunes, once a day, what
 * old runs kept per record.
 */
package io.feedimport.schedule;
