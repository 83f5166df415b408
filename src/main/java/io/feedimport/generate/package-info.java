/**
 * Generate: a seed and a record count in, a realistic feed file out, for demos, tests and benchmarks.
 */
package io.feedimport.generate;
