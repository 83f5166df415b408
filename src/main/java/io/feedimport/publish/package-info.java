/**
 * Publish: valid records in, one {@link io.feedimport.publish.RecordMessage} per record out, handed to a transport
 * that confirms each one. A chunk of the import commits only after every message of it is confirmed, so a crash
 * can repeat messages but never lose one. The embedded default is the in-process transport.
 */
package io.feedimport.publish;
