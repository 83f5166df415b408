package io.feedimport.transport.rabbit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.rabbitmq.client.AMQP;
import io.feedimport.consume.Decision;
import io.feedimport.consume.Outcome;
import io.feedimport.consume.RetryPolicy;
import io.feedimport.publish.ParkingLot;
import io.feedimport.publish.RecordMessage;
import org.springframework.amqp.core.Message;

/**
 * Carries out the retry policy's decision for each message of a batch on the broker: a retry is a copy of the
 * message, with its next attempt number and the reason, sent to the retry queue of its delay, whose expiry brings
 * it back to the main queue (the broker does the waiting, not this worker); a parked record is stored for review and
 * a copy goes to the parking queue with the reason, the exception and the attempt count in headers. Acknowledged and
 * rejected records need nothing beyond the ack of the batch.
 *
 * <p>The attempt number travels in a header of our own, not in the broker's counts: RabbitMQ 4 ignores x-death
 * headers that clients set, and a quorum queue's delivery count also grows each time a held batch is put back,
 * which must spend no attempt.
 */
final class OutcomeRouting {

    private final FeedTopology topology;
    private final RecordEnvelope envelope;
    private final RetryPolicy policy;
    private final ParkingLot parkingLot;

    OutcomeRouting(FeedTopology topology, RecordEnvelope envelope, RetryPolicy policy, ParkingLot parkingLot) {
        this.topology = topology;
        this.envelope = envelope;
        this.policy = policy;
        this.parkingLot = parkingLot;
    }

    /**
     * Adds to {@code settle} what carries out the decision for {@code record}, delivered as {@code source}, and
     * returns the decision. The record is parked in the database before its copy is sent: should the send fail, the
     * batch comes back and parking it again changes nothing.
     */
    Decision route(RecordMessage record, Message source, Outcome outcome, List<ConfirmingPublisher.Outgoing> settle) {
        int attempt = RecordEnvelope.attempt(source.getMessageProperties().getHeaders());
        Decision decision = policy.decide(attempt, outcome);
        if (decision.kind() == Decision.Kind.RETRY) {
            settle.add(new ConfirmingPublisher.Outgoing(topology.retryExchange(), topology.retryRoute(decision.delay()),
                    envelope.properties(record, attempt + 1, Map.of(RecordEnvelope.REASON, decision.reason())), source.getBody()));
        } else if (decision.kind() == Decision.Kind.PARK) {
            parkingLot.park(record, decision.reason(), attempt);
            Map<String, Object> headers = new HashMap<>();
            headers.put(RecordEnvelope.REASON, decision.reason());
            headers.put(RecordEnvelope.EXCEPTION, exceptionOf(outcome.reason()));
            settle.add(new ConfirmingPublisher.Outgoing(topology.parkedExchange(), "",
                    envelope.properties(record, attempt, headers), source.getBody()));
        }
        return decision;
    }

    /** A parked copy of a message that cannot be read as a record: its headers kept, the problem added. */
    ConfirmingPublisher.Outgoing notARecord(Message message, IllegalArgumentException e) {
        Map<String, Object> headers = new HashMap<>(message.getMessageProperties().getHeaders());
        headers.put(RecordEnvelope.REASON, policy.notARecord(e.getMessage()).reason());
        headers.put(RecordEnvelope.EXCEPTION, e.getClass().getName() + ": " + e.getMessage());
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .deliveryMode(2).messageId(message.getMessageProperties().getMessageId()).headers(headers).build();
        return new ConfirmingPublisher.Outgoing(topology.parkedExchange(), "", properties, message.getBody());
    }

    /** The exception class of a reason such as "PSQLException: lock timeout", as consumers word them. */
    private static String exceptionOf(String reason) {
        int colon = reason == null ? -1 : reason.indexOf(": ");
        return colon > 0 ? reason.substring(0, colon) : "unknown";
    }
}
