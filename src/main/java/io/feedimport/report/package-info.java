/**
 * Report: the counts of a run ({@link io.feedimport.report.RunSummary}) and its skip report, as text for people,
 * JSON for scripts and CSV for spreadsheets. Its records, the skip report ({@link io.feedimport.report.SkipReportStore})
 * and the consumers' rejections ({@link io.feedimport.report.Rejections}), are wired by
 * {@link io.feedimport.report.ReportConfiguration}.
 */
package io.feedimport.report;
