package io.feedimport.feed;

/**
 * Bounds the XML parser enforces, so a hostile or broken file fails fast instead of exhausting memory.
 * Text length is per text node; a record with a longer field fails the file with a clear size error.
 */
public record XmlLimits(int maxDepth, int maxAttributes, int maxTextLength, int maxAttributeSize) {

    public static final XmlLimits DEFAULT = new XmlLimits(64, 256, 1 << 20, 64 * 1024);
}
