package io.feedimport.transport.rabbit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.impl.LongStringHelper;
import io.feedimport.publish.RecordMessage;
import org.junit.jupiter.api.Test;

/** A record message on the wire reads as earlier releases wrote it, so messages queued before an upgrade still pass. */
class RecordEnvelopeTest {

    /** The body as earlier releases published it: a literal, byte for byte. */
    private static final String BODY = "{\"id\":\"K1\",\"name\":\"Caf\u00e9 \\\"Bar\\\"\\n2nd\",\"price\":null,\"ctl\":\"a\\u0001b\\bc\\u001Fd\"}";

    private final RecordEnvelope envelope = new RecordEnvelope("updated");

    @Test
    void aMessageQueuedByAnEarlierReleaseReadsAsItsRecord() {
        // string headers come back from the broker as LongStrings, numbers as they were sent
        Map<String, Object> headers = new HashMap<>();
        headers.put("fi-feed", LongStringHelper.asLongString("offers"));
        headers.put("fi-run", 12L);
        headers.put("fi-record", 345L);
        headers.put("fi-line", 67);
        headers.put("fi-attempt", 2);
        headers.put("fi-key", LongStringHelper.asLongString("K1"));

        RecordMessage message = envelope.decode(headers, BODY.getBytes(StandardCharsets.UTF_8));

        assertThat(message).isEqualTo(new RecordMessage(12, "offers", 345, 67, "K1", values()));
        assertThat(message.values().keySet()).containsExactly("id", "name", "price", "ctl");
        assertThat(RecordEnvelope.attempt(headers)).isEqualTo(2);
    }

    @Test
    void aMessageIsPublishedAsEarlierReleasesPublishedIt() {
        RecordMessage message = new RecordMessage(12, "offers", 345, 67, "K1", values());

        assertThat(new String(envelope.body(message), StandardCharsets.UTF_8)).isEqualTo(BODY);
        AMQP.BasicProperties properties = envelope.properties(message, 1, Map.of());
        assertThat(properties.getHeaders()).containsEntry("fi-feed", "offers").containsEntry("fi-run", 12L)
                .containsEntry("fi-record", 345L).containsEntry("fi-line", 67).containsEntry("fi-attempt", 1)
                .containsEntry("fi-key", "K1").doesNotContainKey("fi-version").doesNotContainKey("fi-fingerprint");
        assertThat(properties.getMessageId()).isEqualTo("12:345");
        assertThat(properties.getContentType()).isEqualTo("application/json");
        assertThat(properties.getDeliveryMode()).isEqualTo(2);
    }

    @Test
    void theContentFingerprintTravelsInAHeaderForTheWorkerToStore() {
        RecordMessage message = new RecordMessage(12, "offers", 345, 67, "K1", values(), "0123456789abcdef0123456789abcdef");

        AMQP.BasicProperties properties = envelope.properties(message, 1, Map.of());

        assertThat(properties.getHeaders()).containsEntry("fi-fingerprint", "0123456789abcdef0123456789abcdef");
        assertThat(new String(envelope.body(message), StandardCharsets.UTF_8)).as("the body stays the values").isEqualTo(BODY);
        assertThat(envelope.decode(properties.getHeaders(), envelope.body(message))).isEqualTo(message);
    }

    @Test
    void aWithdrawalSaysSoInAHeaderAndARecordDoesNot() {
        RecordMessage withdrawal = new RecordMessage(12, "offers", 1_001, 0, "K1", Map.of("id", "K1"), null, true);
        RecordMessage record = new RecordMessage(12, "offers", 345, 67, "K1", values(), null);

        AMQP.BasicProperties properties = envelope.properties(withdrawal, 1, Map.of());

        assertThat(properties.getHeaders()).containsEntry("fi-withdrawal", true);
        assertThat(envelope.decode(properties.getHeaders(), envelope.body(withdrawal))).isEqualTo(withdrawal);
        assertThat(envelope.properties(record, 1, Map.of()).getHeaders()).doesNotContainKey("fi-withdrawal");
    }

    @Test
    void aMessageThatIsNotARecordSaysWhy() {
        Map<String, Object> headers = Map.of("fi-feed", "offers", "fi-run", 1L, "fi-record", 2L);

        assertThatThrownBy(() -> envelope.decode(Map.of("fi-feed", "offers"), "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("message lacks the fi-run, fi-record or fi-feed header");
        assertThatThrownBy(() -> envelope.decode(headers, "[1]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("message body is not a JSON object");
        assertThatThrownBy(() -> envelope.decode(headers, "{\"id\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("message body is not JSON: ");
    }

    private static Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("id", "K1");
        values.put("name", "Caf\u00e9 \"Bar\"\n2nd");
        values.put("price", null);
        values.put("ctl", "a\u0001b\bc\u001fd");
        return values;
    }
}
