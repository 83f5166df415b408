package io.feedimport.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/** The one line a failed run says: never only Spring Batch's wrapper. */
class ImportRunnerTest {

    @Test
    void aFailureOfFeedimportsOwnIsSaidInItsWords() {
        RuntimeException failure = new RuntimeException("Unable to process chunk", new IllegalStateException("wrapped",
                new SkipLimitExceededException("offers.xml: record 41 is invalid record number 11, over the limit")));

        assertThat(ImportRunner.oneLine(failure)).isEqualTo("offers.xml: record 41 is invalid record number 11, over the limit");
    }

    @Test
    void anyOtherFailureSaysWhatTheDatabaseOrBrokerSaidBeneathTheWrapper() {
        RuntimeException failure = new RuntimeException("Unable to process chunk", new RuntimeException(
                "PreparedStatementCallback; uncategorized SQLException\nfor SQL [SELECT ...]",
                new SQLException("General error: \"Chunk 1977 not found\"\nat org.h2...")));

        assertThat(ImportRunner.oneLine(failure)).isEqualTo("Unable to process chunk: General error: \"Chunk 1977 not found\"");
        assertThat(ImportRunner.oneLine(new IllegalStateException("alone"))).isEqualTo("alone");
        assertThat(ImportRunner.oneLine(new RuntimeException(new java.io.IOException("Broken pipe"))))
                .as("a wrapper whose message is its cause").isEqualTo("java.io.IOException: Broken pipe");
    }
}
