package io.feedimport.reference;

import java.time.Duration;

import io.feedimport.monitoring.TimeLimitedHealth;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wires lookups: reference tables read through the engine's database, cached in the process
 * ({@code feedimport.lookup-cache=local}, the embedded default) or in Redis ({@code redis}, the production profile;
 * {@code spring.data.redis.host} and {@code port} say where), or not at all ({@code none}, for comparisons).
 */
@Configuration(proxyBeanMethods = false)
public class ReferenceConfiguration {

    @Bean(destroyMethod = "close")
    FeedLookups feedLookups(JdbcTemplate jdbc,
                            @Value("${feedimport.lookup-cache:local}") String cache,
                            @Value("${spring.data.redis.host:127.0.0.1}") String redisHost,
                            @Value("${spring.data.redis.port:6379}") int redisPort) {
        ReferenceTable table = new ReferenceTable(jdbc);
        return switch (cache) {
            case "local" -> new FeedLookups(table, LookupCaches::local);
            case "none" -> new FeedLookups(table, LookupCaches::none);
            case "redis" -> new FeedLookups(table, ttl -> LookupCaches.redis(redisHost, redisPort, ttl));
            default -> throw new IllegalArgumentException("feedimport.lookup-cache must be local, redis or none, got '" + cache + "'");
        };
    }

    /** Only where lookups are cached in Redis: elsewhere Redis is nobody's dependency. */
    @Bean
    @ConditionalOnProperty(name = "feedimport.lookup-cache", havingValue = "redis")
    TimeLimitedHealth redisHealthIndicator(@Value("${spring.data.redis.host:127.0.0.1}") String redisHost,
                                           @Value("${spring.data.redis.port:6379}") int redisPort,
                                           @Value("${feedimport.health.timeout:3s}") Duration timeout) {
        RedisHealth redis = new RedisHealth(redisHost, redisPort);
        return new TimeLimitedHealth(redis.address(), redis, timeout);
    }
}
