/**
 * Bench: reference measurements run by scripts/bench.sh, never by tests. The bare pass is the yardstick the
 * engine's parse-and-validate speed is compared with.
 */
package io.feedimport.bench;
