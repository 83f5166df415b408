/**
 * Source: a feed's drop folder (local or FTP) in, ready and not-yet-imported files out, each downloaded whole to a
 * local work folder and handed to the import. A file ledger in the database remembers every file seen, so a file is
 * picked up only once it is complete, imported once, and tidied up after.
 */
package io.feedimport.source;
