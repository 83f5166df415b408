package io.feedimport.transport.rabbit;

import java.time.Duration;
import java.util.List;

import io.feedimport.consume.EntityConsumers;
import io.feedimport.consume.RateLimits;
import io.feedimport.feed.Feeds;
import io.feedimport.monitoring.FeedMetrics;
import io.feedimport.monitoring.TimeLimitedHealth;
import io.feedimport.publish.ParkedQueue;
import io.feedimport.publish.ParkingLot;
import io.feedimport.publish.PublisherFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.amqp.health.RabbitHealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The production transport, selected by {@code feedimport.transport=rabbitmq} (the {@code production} profile sets
 * it). Connection settings are Spring Boot's {@code spring.rabbitmq.*}, from the environment
 * ({@code SPRING_RABBITMQ_HOST}, {@code SPRING_RABBITMQ_PASSWORD}, {@code SPRING_RABBITMQ_SSL_ENABLED}, ...).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "feedimport.transport", havingValue = "rabbitmq")
public class RabbitConfiguration {

    @Bean
    PublisherFactory rabbitPublisherFactory(CachingConnectionFactory connections,
                                            @Value("${feedimport.rabbitmq.max-in-flight:1000}") int maxInFlight,
                                            @Value("${feedimport.rabbitmq.publish-deadline:5m}") Duration deadline) {
        return new RabbitPublisherFactory(connections.getRabbitConnectionFactory(), maxInFlight, deadline);
    }

    @Bean
    ParkedQueue rabbitParkedQueue(CachingConnectionFactory connections) {
        return new RabbitParkedQueue(connections.getRabbitConnectionFactory());
    }

    /** Only in a process that consumes ({@code worker}, {@code daemon --workers}): the command names the feeds. */
    @Bean
    @ConditionalOnProperty(name = WorkerPool.FEEDS)
    WorkerPool workerPool(CachingConnectionFactory connections, EntityConsumers consumers, ParkingLot parkingLot,
                          FeedMetrics metrics, RateLimits rateLimits, Feeds feeds,
                          @Value("${" + WorkerPool.FEEDS + "}") List<String> consumed) {
        return new WorkerPool(connections, consumers, parkingLot, metrics, rateLimits,
                feeds.all().stream().filter(feed -> consumed.contains(feed.name())).toList());
    }

    /**
     * Spring Boot's broker check (asks the server its version), with a deadline. Only with this transport: Boot's
     * own is switched off in application.yml, since it would report an embedded process down for a broker it never
     * uses.
     */
    @Bean
    TimeLimitedHealth rabbitHealthIndicator(RabbitTemplate rabbit, @Value("${feedimport.health.timeout:3s}") Duration timeout) {
        return new TimeLimitedHealth("rabbitmq", new RabbitHealthIndicator(rabbit), timeout);
    }

    /** What the queue-depth gauges show in production: the feeds' queues on the broker. */
    @Bean(destroyMethod = "close")
    RabbitQueueDepths rabbitQueueDepths(CachingConnectionFactory connections) {
        return new RabbitQueueDepths(connections.getRabbitConnectionFactory());
    }
}
