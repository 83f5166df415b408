/**
 * Report: the counts of a run ({@link io.feedimport.report.RunSummary}) and its skip report, as text for people,
 * JSON for scripts and CSV for spreadsheets. Its records, the skip report ({@link
 * io.feedimport.report.SkipReportStore})
 * and the consumers' rejections ({@link io.feedimport.report.Rejections}), are wired by
 * {@link io.feedimport.report.ReportConfiguration}.
 *
 * <p>It uses packages further down the data's path:
 * <ul>
 * <li>{@code io.feedimport.publish}: a consumer's rejection arrives as the {@link
 * io.feedimport.publish.RecordMessage} it refused, and goes into the same skip report as the records validation
 * refused.</li>
 * </ul>
 */
package io.feedimport.report;
