package io.feedimport.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import io.feedimport.support.JsonCodec;
import org.junit.jupiter.api.Test;

/**
 * A record message's JSON is stored with every parked record and read back by replay and the review page: rows
 * written by earlier releases must still read, and what is written now must read the same in them.
 */
class RecordMessageJsonTest {

    /**
     * As the hand-written writer of earlier releases stored it in fi_parked.payload: a literal, byte for byte. It
     * escaped a backspace as a six-character escape where Jackson writes a short one, and hex digits in lower case
     * where Jackson writes upper case: the same text to any JSON reader, and the only bytes in which the forms differ.
     */
    private static final String STORED = "{\"runId\":12,\"feed\":\"offers\",\"recordNumber\":345,\"line\":67,\"key\":\"K\\\"1\","
            + "\"values\":{\"id\":\"K\\\"1\",\"name\":\"Caf\u00e9 \\\\ \\\"Bar\\\"\\n2nd line\\ttab\",\"price\":null,"
            + "\"ctl\":\"a\\u0001b\\u0008c\\u000cd\\u001fe\"}}";

    @Test
    void aPayloadStoredByAnEarlierReleaseReadsAsItsMessage() {
        RecordMessage message = JsonCodec.read(STORED, RecordMessage.class);

        assertThat(message.runId()).isEqualTo(12);
        assertThat(message.feed()).isEqualTo("offers");
        assertThat(message.recordNumber()).isEqualTo(345);
        assertThat(message.line()).isEqualTo(67);
        assertThat(message.key()).isEqualTo("K\"1");
        assertThat(message.fingerprint()).as("sent again next time: nothing claims its content is stored").isNull();
        assertThat(message.values()).containsExactly(Map.entry("id", "K\"1"),
                Map.entry("name", "Caf\u00e9 \\ \"Bar\"\n2nd line\ttab"), entry("price", null), Map.entry("ctl", "a\u0001b\bc\fd\u001fe"));
    }

    @Test
    void aMessageIsWrittenAsEarlierReleasesWroteItWithItsContentFingerprintLast() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("id", "K\"1");
        values.put("name", "Caf\u00e9 \\ \"Bar\"\n2nd line\ttab");
        values.put("price", null);
        RecordMessage message = new RecordMessage(12, "offers", 345, 67, "K\"1", values, "0123456789abcdef0123456789abcdef");

        String written = JsonCodec.write(message);

        assertThat(written).isEqualTo("{\"runId\":12,\"feed\":\"offers\",\"recordNumber\":345,\"line\":67,\"key\":\"K\\\"1\","
                + "\"values\":{\"id\":\"K\\\"1\",\"name\":\"Caf\u00e9 \\\\ \\\"Bar\\\"\\n2nd line\\ttab\",\"price\":null},"
                + "\"fingerprint\":\"0123456789abcdef0123456789abcdef\"}");
        assertThat(JsonCodec.read(written, RecordMessage.class)).isEqualTo(message);
    }

    @Test
    void aMessageWithoutAKeyKeepsItsNullKey() {
        RecordMessage message = new RecordMessage(1, "f", 2, 3, null, Map.of("a", "b"));

        assertThat(JsonCodec.write(message)).isEqualTo("{\"runId\":1,\"feed\":\"f\",\"recordNumber\":2,\"line\":3,\"key\":null,"
                + "\"values\":{\"a\":\"b\"},\"fingerprint\":null}");
        assertThat(JsonCodec.read(JsonCodec.write(message), RecordMessage.class)).isEqualTo(message);
    }

    @Test
    void aWithdrawalIsMarkedAndAParkedOneReadsBackAsAWithdrawal() {
        RecordMessage withdrawal = new RecordMessage(1, "f", 1_001, 0, "K", Map.of("id", "K"), null, true);

        assertThat(JsonCodec.write(withdrawal)).isEqualTo("{\"runId\":1,\"feed\":\"f\",\"recordNumber\":1001,\"line\":0,"
                + "\"key\":\"K\",\"values\":{\"id\":\"K\"},\"fingerprint\":null,\"withdrawal\":true}");
        assertThat(JsonCodec.read(JsonCodec.write(withdrawal), RecordMessage.class).withdrawal()).isTrue();
    }

    private static Map.Entry<String, String> entry(String key, String value) {
        return new java.util.AbstractMap.SimpleEntry<>(key, value);
    }
}
