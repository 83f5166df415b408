package io.feedimport.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Record values as JSON: stored skip-report values written by earlier releases still read, in their field order. */
class JsonCodecTest {

    /** fi_skip_report.record_values as earlier releases stored it: a literal. */
    private static final String STORED = "{\"z\":\"last field first\",\"a\":\"Caf\u00e9 \\\"x\\\"\\u001F\",\"n\":null}";

    @Test
    void valuesStoredByAnEarlierReleaseReadInTheirOrder() {
        Map<String, String> values = JsonCodec.values(STORED);

        assertThat(values.keySet()).containsExactly("z", "a", "n");
        assertThat(values.get("a")).isEqualTo("Caf\u00e9 \"x\"\u001f");
        assertThat(values.get("n")).isNull();
    }

    @Test
    void valuesAreWrittenAsEarlierReleasesWroteThem() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("z", "last field first");
        values.put("a", "Caf\u00e9 \"x\"\u001f");
        values.put("n", null);

        assertThat(JsonCodec.write(values)).isEqualTo(STORED);
        assertThat(new String(JsonCodec.writeBytes(values), StandardCharsets.UTF_8)).isEqualTo(STORED);
    }

    @Test
    void aRecordStoredWithoutValuesHasNone() {
        assertThat(JsonCodec.values((String) null)).isEmpty();
    }

    @Test
    void aNumberOrBooleanAnotherWriterLeftReadsAsItsText() {
        assertThat(JsonCodec.values("{\"n\":12,\"b\":true}".getBytes(StandardCharsets.UTF_8)))
                .containsExactly(Map.entry("n", "12"), Map.entry("b", "true"));
    }

    @Test
    void bytesThatAreNotAnObjectAreNotValues() {
        assertThatThrownBy(() -> JsonCodec.values("\"text\"".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("not a JSON object");
        assertThatThrownBy(() -> JsonCodec.values(new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("not a JSON object");
        assertThatThrownBy(() -> JsonCodec.values("{".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not JSON: ");
    }
}
