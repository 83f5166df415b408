package io.feedimport.transport.rabbit;

import java.util.HashMap;
import java.util.Map;

import com.rabbitmq.client.AMQP;
import io.feedimport.publish.RecordMessage;
import io.feedimport.support.JsonCodec;

/**
 * A record message on the wire: the values as a JSON body, written and read by {@link JsonCodec} as everywhere else
 * (so a message queued by an earlier release still reads), and feed, run, record number, key and version as headers,
 * so a message says what it is to anyone looking at a queue, and the attempt count travels in a header of our own
 * (RabbitMQ 4 ignores x-death headers that clients set). Persistent, with the message id that makes redelivery
 * recognisable.
 */
public final class RecordEnvelope {

    public static final String FEED = "fi-feed";
    public static final String RUN = "fi-run";
    public static final String RECORD = "fi-record";
    public static final String KEY = "fi-key";
    public static final String VERSION = "fi-version";
    public static final String FINGERPRINT = "fi-fingerprint";
    public static final String LINE = "fi-line";
    /** Present, and true, on a withdrawal of a snapshot run. */
    public static final String WITHDRAWAL = "fi-withdrawal";
    public static final String ATTEMPT = "fi-attempt";
    public static final String REASON = "fi-reason";
    public static final String EXCEPTION = "fi-exception";

    private static final int PERSISTENT = 2;

    private final String versionField;

    /** @param versionField the field holding the record's version, or null when the feed has none */
    public RecordEnvelope(String versionField) {
        this.versionField = versionField;
    }

    public byte[] body(RecordMessage message) {
        return JsonCodec.writeBytes(message.values());
    }

    public AMQP.BasicProperties properties(RecordMessage message, int attempt, Map<String, Object> extra) {
        Map<String, Object> headers = new HashMap<>(extra);
        headers.put(FEED, message.feed());
        headers.put(RUN, message.runId());
        headers.put(RECORD, message.recordNumber());
        headers.put(LINE, message.line());
        headers.put(ATTEMPT, attempt);
        if (message.key() != null) {
            headers.put(KEY, message.key());
        }
        if (message.fingerprint() != null) {
            headers.put(FINGERPRINT, message.fingerprint());
        }
        if (message.withdrawal()) {
            headers.put(WITHDRAWAL, true);
        }
        String version = versionField == null ? null : message.values().get(versionField);
        if (version != null) {
            headers.put(VERSION, version);
        }
        return new AMQP.BasicProperties.Builder()
                .contentType("application/json")
                .contentEncoding("UTF-8")
                .deliveryMode(PERSISTENT)
                .messageId(message.messageId())
                .headers(headers)
                .build();
    }

    /** @throws IllegalArgumentException when the message is not one of ours: it is parked, never dropped */
    public RecordMessage decode(Map<String, Object> headers, byte[] body) {
        if (headers == null || !headers.containsKey(RUN) || !headers.containsKey(RECORD) || !headers.containsKey(FEED)) {
            throw new IllegalArgumentException("message lacks the " + RUN + ", " + RECORD + " or " + FEED + " header");
        }
        Map<String, String> values;
        try {
            values = JsonCodec.values(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("message body is " + e.getMessage(), e);
        }
        Object key = headers.get(KEY);
        Object fingerprint = headers.get(FINGERPRINT);
        return new RecordMessage(number(headers.get(RUN)), String.valueOf(headers.get(FEED)), number(headers.get(RECORD)),
                (int) number(headers.getOrDefault(LINE, 0)), key == null ? null : key.toString(), values,
                fingerprint == null ? null : fingerprint.toString(), Boolean.TRUE.equals(headers.get(WITHDRAWAL)));
    }

    public static int attempt(Map<String, Object> headers) {
        Object attempt = headers == null ? null : headers.get(ATTEMPT);
        return attempt == null ? 1 : (int) number(attempt);
    }

    private static long number(Object value) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        return Long.parseLong(String.valueOf(value));
    }
}
