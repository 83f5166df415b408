/**
 * The engine's Spring context: {@code FeedImportApplication} imports every stage's {@code @Configuration}. It imports
 * nothing from {@code cli}, which starts it; the entry point is {@code cli.Main}.
 */
package io.feedimport;
