package io.feedimport.withdraw;

import java.util.Map;

/**
 * One key a snapshot run withdraws.
 *
 * @param seq       its place in the run's list, from 1; it travels as record number {@code read + seq}
 * @param key       the key as the skip report shows keys (fields joined by '|')
 * @param keyValues the key's fields in canonical text, by field name
 */
public record Withdrawal(long seq, String key, Map<String, String> keyValues) {
}
