/**
 * Source: a feed's drop folder (local or FTP) in, ready and not-yet-imported files out, each downloaded whole to a
 * local work folder and handed to the import. A file ledger in the database remembers every file seen, so a file is
 * picked up only once it is complete, imported once, and tidied up after.
 *
 * <p>It uses packages further down the data's path:
 * <ul>
 * <li>{@code io.feedimport.run}: {@link io.feedimport.source.SourceConfiguration} hands each complete file to the
 * import runner; the poller itself only knows {@link io.feedimport.source.FileImport};</li>
 * <li>{@code io.feedimport.report}: the summary of the run a file became, whose status decides whether the file is
 * tidied as imported or as failed.</li>
 * </ul>
 */
package io.feedimport.source;
