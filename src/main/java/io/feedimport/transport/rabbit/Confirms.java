package io.feedimport.transport.rabbit;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ShutdownSignalException;

/**
 * The confirm bookkeeping of one {@link ConfirmingPublisher#send}: which messages the broker confirmed, and which it
 * returned as unroutable; every other one goes again. The broker's confirms and returns arrive on the client's
 * thread, so every state change happens under this object's lock, and waiting threads are woken by it.
 */
final class Confirms {

    /** What the next round sends, and whether messages came back since the last one. */
    record Round(List<Integer> toSend, boolean returned) {
    }

    private final List<ConfirmingPublisher.Outgoing> messages;
    private final ConcurrentNavigableMap<Long, Integer> unconfirmed = new ConcurrentSkipListMap<>();
    private final BitSet confirmed = new BitSet();
    private final BitSet returned = new BitSet();
    private volatile String lastFailure;

    Confirms(List<ConfirmingPublisher.Outgoing> messages) {
        this.messages = messages;
    }

    String lastFailure() {
        return lastFailure;
    }

    void failed(String failure) {
        lastFailure = failure;
    }

    synchronized Round nextRound() {
        List<Integer> toSend = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            if (!confirmed.get(i)) {
                toSend.add(i);
            }
        }
        boolean wasReturned = !returned.isEmpty();
        returned.clear();
        return new Round(toSend, wasReturned);
    }

    synchronized void sending(long sequence, int index) {
        unconfirmed.put(sequence, index);
    }

    /** A round ended: confirms still missing will not come, their messages go in the next round. */
    synchronized void roundEnded() {
        unconfirmed.clear();
    }

    synchronized void waitForRoom(int maxInFlight, SendDeadline deadline, PublisherChannel channel) throws InterruptedException {
        while (unconfirmed.size() >= maxInFlight) {
            deadline.check(lastFailure);
            wait(100);
            if (!channel.isOpen()) {
                throw new AlreadyClosedException(new ShutdownSignalException(false, false, null, channel.channel()));
            }
        }
    }

    synchronized void waitForConfirms(Channel open, SendDeadline deadline) throws InterruptedException {
        while (!unconfirmed.isEmpty()) {
            deadline.check(lastFailure);
            if (!open.isOpen()) {
                throw new AlreadyClosedException(open.getCloseReason());
            }
            wait(100);
        }
    }

    synchronized void settle(long sequence, boolean multiple, boolean ack) {
        ConcurrentNavigableMap<Long, Integer> settled = multiple
                ? unconfirmed.headMap(sequence, true) : unconfirmed.subMap(sequence, true, sequence, true);
        for (int index : settled.values()) {
            // the return of a message comes before its confirm: a returned message is not delivered
            if (ack && !returned.get(index)) {
                confirmed.set(index);
            } else if (!ack) {
                lastFailure = "negative confirm from the broker";
            }
        }
        settled.clear();
        notifyAll();
    }

    synchronized void returned(AMQP.BasicProperties properties, String replyText) {
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).properties() == properties
                    || Objects.equals(messages.get(i).properties().getMessageId(), properties.getMessageId())) {
                returned.set(i);
                lastFailure = "returned " + replyText + " (message " + properties.getMessageId() + ")";
                return;
            }
        }
    }
}
