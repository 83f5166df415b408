/**
 * CLI: command-line arguments in, exit codes and printed reports out. The only package that prints.
 * Exit codes: 0 the run completed and every record is accounted for; 1 the run failed or could not be
 * reconciled; 2 bad usage, bad feed definition or unreadable input.
 */
package io.feedimport.cli;
