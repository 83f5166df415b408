package io.feedimport.consume;

import io.feedimport.reference.LookupCaches;
import org.redisson.Redisson;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where feeds' rate limits are kept: {@code feedimport.rate-limits=local} (the embedded default, one process) or
 * {@code redis} (the production profile: every worker shares each feed's limiter through
 * {@code spring.data.redis.host} and {@code port}).
 */
@Configuration(proxyBeanMethods = false)
public class RateLimitConfiguration {

    @Bean(destroyMethod = "close")
    RateLimits rateLimits(@Value("${feedimport.rate-limits:local}") String where,
                          @Value("${spring.data.redis.host:127.0.0.1}") String redisHost,
                          @Value("${spring.data.redis.port:6379}") int redisPort) {
        return switch (where) {
            case "local" -> RateLimits.local();
            // lazily connected, so a worker starts while Redis is down; its records wait for it (fail-closed)
            case "redis" -> RateLimits.shared(Redisson.create(LookupCaches.redissonConfig(redisHost, redisPort)));
            default -> throw new IllegalArgumentException("feedimport.rate-limits must be local or redis, got '" + where + "'");
        };
    }
}
