/**
 * Report: the counts of a run ({@link io.feedimport.report.RunSummary}) and its skip report, as text for people,
 * JSON for scripts and CSV for spreadsheets.
 */
package io.feedimport.report;
