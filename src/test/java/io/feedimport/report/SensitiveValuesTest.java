package io.feedimport.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SensitiveValuesTest {

    private static final SensitiveValues EMAIL_IS_SENSITIVE = new SensitiveValues(true, Set.of("id", "price", "email"),
            Set.of("email"), false);

    @Test
    void aFieldMarkedSensitiveIsHiddenAndTheOthersAreShown() {
        assertThat(EMAIL_IS_SENSITIVE.value("email", "ana@example.bg")).isEqualTo(SensitiveValues.MASK);
        assertThat(EMAIL_IS_SENSITIVE.value("price", "-3")).isEqualTo("-3");
        assertThat(EMAIL_IS_SENSITIVE.value("email", null)).as("a missing value stays missing").isNull();
        assertThat(EMAIL_IS_SENSITIVE.values(record("OF-1", "-3", "ana@example.bg")))
                .containsExactly(Map.entry("id", "OF-1"), Map.entry("price", "-3"), Map.entry("email", SensitiveValues.MASK));
    }

    @Test
    void aFieldTheFeedDoesNotDeclareAndEveryFieldOfAnUnknownFeedAreHidden() {
        assertThat(EMAIL_IS_SENSITIVE.value("column_of_a_rejection", "x")).isEqualTo(SensitiveValues.MASK);
        assertThat(SensitiveValues.UNKNOWN.value("price", "-3")).isEqualTo(SensitiveValues.MASK);
        assertThat(SensitiveValues.UNKNOWN.key("OF-1")).isEqualTo(SensitiveValues.MASK);
        assertThat(SensitiveValues.of(null)).isSameAs(SensitiveValues.UNKNOWN);
    }

    @Test
    void aMessageLosesTheHiddenValuesItQuotesAndKeepsTheRest() {
        String message = "lookup agent has no entry for ana@example.bg (price -3)";

        assertThat(EMAIL_IS_SENSITIVE.text(message, record("OF-1", "-3", "ana@example.bg")))
                .isEqualTo("lookup agent has no entry for [scrubbed] (price -3)");
    }

    @Test
    void aLineOfTheSkipReportHidesItsValueMessageAndRecordAndHidingTwiceChangesNothing() {
        SkippedRecord line = new SkippedRecord(new SkipEntry(1, "offers", "f.xml", 2, 3, 4, "OF-1", "email", "pattern",
                "ana[at]example.bg", "email ana[at]example.bg does not match"), record("OF-1", "5", "ana[at]example.bg"));

        SkippedRecord shown = EMAIL_IS_SENSITIVE.line(line);

        assertThat(shown.toString()).doesNotContain("ana[at]");
        assertThat(shown.entry().message()).isEqualTo("email [scrubbed] does not match");
        assertThat(shown.values()).containsEntry("price", "5");
        assertThat(EMAIL_IS_SENSITIVE.line(shown)).isEqualTo(shown);
    }

    private static Map<String, String> record(String id, String price, String email) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("id", id);
        values.put("price", price);
        values.put("email", email);
        return values;
    }
}
