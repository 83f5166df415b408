/**
 * Read: a feed file in, {@link io.feedimport.read.SourceRecord}s out, one at a time and in constant memory.
 * Each record carries its number and position in the file so every later error can point back at it.
 * Input that cannot be read becomes an {@link io.feedimport.read.InputException} with a one-line message.
 */
package io.feedimport.read;
