package io.feedimport.transport.rabbit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.rabbitmq.client.ConnectionFactory;
import io.feedimport.feed.FeedDefinition;
import io.feedimport.publish.PublisherFactory;
import io.feedimport.publish.RecordMessage;
import io.feedimport.publish.RecordPublisher;

/**
 * Publishes a run's records to its feed's main exchange, one persistent message per record, confirmed before the
 * chunk commits. Consumers are workers, in this process or any other.
 */
public final class RabbitPublisherFactory implements PublisherFactory {

    private final ConnectionFactory connections;
    private final int maxInFlight;
    private final Duration deadline;

    /** @param deadline how long a chunk may wait for the broker, outages included, before the run fails */
    public RabbitPublisherFactory(ConnectionFactory connections, int maxInFlight, Duration deadline) {
        this.connections = connections;
        this.maxInFlight = maxInFlight;
        this.deadline = deadline;
    }

    @Override
    public RecordPublisher open(FeedDefinition feed) {
        FeedTopology topology = FeedTopology.of(feed);
        RecordEnvelope envelope = new RecordEnvelope(feed.target().version());
        ConfirmingPublisher publisher = new ConfirmingPublisher(connections, "feedimport-importer-" + feed.name(),
                maxInFlight, deadline, topology.declarer());
        return new RecordPublisher() {
            @Override
            public void publish(List<RecordMessage> messages) {
                List<ConfirmingPublisher.Outgoing> outgoing = new ArrayList<>(messages.size());
                for (RecordMessage message : messages) {
                    outgoing.add(new ConfirmingPublisher.Outgoing(topology.exchange(), topology.routingKey(),
                            envelope.properties(message, 1, Map.of()), envelope.body(message)));
                }
                publisher.send(outgoing);
            }

            @Override
            public void close() {
                publisher.close();
            }
        };
    }
}
