/**
 * CLI: command-line arguments in, exit codes and printed reports out. The only package that prints: what the engine's
 * stages report (a run's progress, the daemon's {@code ScheduleEvents}) becomes lines here. Holds the entry point
 * ({@link io.feedimport.cli.Main}); the long-running commands start the engine's context with their lifecycle beans
 * switched on and wait for a signal ({@code UntilStopped}), closing the context so the beans stop in order.
 * Exit codes: 0 the run completed and every record is accounted for; 1 the run failed or could not be
 * reconciled; 2 bad usage, bad feed definition or unreadable input.
 */
package io.feedimport.cli;
