package io.feedimport.transport.rabbit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.LongStream;

import com.rabbitmq.client.ConnectionFactory;
import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FeedDefinitionLoader;
import io.feedimport.feed.Feeds;
import io.feedimport.monitoring.FeedMetrics;
import io.feedimport.publish.RecordMessage;
import io.feedimport.publish.RecordPublisher;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queue-depth gauges of a feed against the real broker, with nobody consuming. */
class RabbitQueueDepthsIT {

    @TempDir
    Path dir;

    FeedDefinition feed;
    SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void defineFeed() throws Exception {
        String name = "depth_it_" + Long.toString(System.nanoTime(), 36);
        Path yaml = dir.resolve("feed.yml");
        Files.writeString(yaml, """
                name: %s
                format: { type: xml, record: /feed/offer }
                fields:
                  id: { path: "@id", type: string }
                target: { key: [id] }
                delivery: { maxRetries: 2, backoff: 100ms, backoffMax: 150ms }
                """.formatted(name));
        feed = new FeedDefinitionLoader().load(yaml);
    }

    @AfterEach
    void forget() throws Exception {
        Broker.forget(FeedTopology.of(feed));
    }

    @Test
    void theMainQueueGaugeShowsEveryMessageWaitingForAConsumer() throws Exception {
        publish(37);

        try (RabbitQueueDepths depths = new RabbitQueueDepths(Broker.connections(), Duration.ofMillis(100))) {
            new FeedMetrics(registry, depths, new Feeds(java.util.List.of(feed)));

            assertThat(eventually("main", 37)).isEqualTo(37);
            assertThat(depth("retry")).isZero();
            assertThat(depth("error")).isZero();
        }
    }

    @Test
    void aFeedWhoseQueuesWereNeverDeclaredHasNothingWaiting() throws Exception {
        try (RabbitQueueDepths depths = new RabbitQueueDepths(Broker.connections(), Duration.ofMillis(100))) {
            new FeedMetrics(registry, depths, new Feeds(java.util.List.of(feed)));

            assertThat(eventually("main", 0)).isZero();
        }
    }

    @Test
    void aBrokerOutOfReachMakesTheGaugesUnknownWithoutSlowingTheScrape() throws Exception {
        ConnectionFactory nowhere = Broker.connections();
        nowhere.setPort(1);
        try (RabbitQueueDepths depths = new RabbitQueueDepths(nowhere, Duration.ofMillis(100))) {
            new FeedMetrics(registry, depths, new Feeds(java.util.List.of(feed)));

            long started = System.nanoTime();
            for (int scrape = 0; scrape < 20; scrape++) {
                assertThat(depth("main")).isNaN();
                Thread.sleep(50);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        }
    }

    private double eventually(String queue, double expected) throws InterruptedException {
        double depth = depth(queue);
        for (int i = 0; i < 100 && depth != expected; i++) {
            Thread.sleep(50);
            depth = depth(queue);
        }
        return depth;
    }

    private double depth(String queue) {
        return registry.get("feedimport.queue.depth").tags("feed", feed.name(), "queue", queue).gauge().value();
    }

    private void publish(int count) {
        try (RecordPublisher publisher = new RabbitPublisherFactory(Broker.connections(), 1000, Duration.ofSeconds(30)).open(feed)) {
            publisher.publish(LongStream.rangeClosed(1, count).mapToObj(n -> new RecordMessage(1, feed.name(), n, (int) n,
                    "K-" + n, Map.of("id", "K-" + n))).toList());
        }
    }
}
