package io.feedimport.publish;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One valid record on its way to a consumer: the run and record it came from, and its field values in canonical
 * text keyed by field name, so the message stays meaningful outside this JVM (a broker, a parking lot). Its JSON
 * form ({@link io.feedimport.support.JsonCodec}) is its components in this order, and is stored with every parked
 * record: renaming or reordering them changes what replay and the review page read.
 *
 * @param fingerprint the fingerprint of the content (see {@link io.feedimport.delta.ContentFingerprints}) that the
 *                    consumer stores when it commits the record, or null (a message of an earlier release): then
 *                    nothing is stored and the record is sent again next time
 * @param withdrawal  true for a withdrawal of a snapshot run: its key, absent from the run's file, is to be withdrawn;
 *                    then {@code values} hold only the key's fields, and {@code recordNumber} follows the file's last
 */
public record RecordMessage(long runId, String feed, long recordNumber, int line, String key, Map<String, String> values,
                            String fingerprint,
                            @JsonInclude(JsonInclude.Include.NON_DEFAULT) Boolean withdrawal) {

    /** Absent (false) on a record, so a record's JSON stays the one earlier releases wrote and read. */
    public RecordMessage {
        values = java.util.Collections.unmodifiableMap(values);
        withdrawal = Boolean.TRUE.equals(withdrawal);
    }

    /** A record of the file. */
    public RecordMessage(long runId, String feed, long recordNumber, int line, String key, Map<String, String> values,
                         String fingerprint) {
        this(runId, feed, recordNumber, line, key, values, fingerprint, false);
    }

    /** A message without a content fingerprint. */
    public RecordMessage(long runId, String feed, long recordNumber, int line, String key, Map<String, String> values) {
        this(runId, feed, recordNumber, line, key, values, null, false);
    }

    /** Unique per record and run: what makes a redelivered message recognisable. */
    public String messageId() {
        return runId + ":" + recordNumber;
    }
}
