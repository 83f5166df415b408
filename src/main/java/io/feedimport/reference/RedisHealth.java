package io.feedimport.reference;

import java.util.concurrent.TimeUnit;

import io.feedimport.support.Messages;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNodes;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether the Redis of the lookup cache answers a PING, through a Redisson client of its own with the cache's
 * short timeouts, made on the first check (a process that is never asked starts no client). Redis being down does
 * not stop imports (lookups fall back to the database), but it makes them slower, which is worth seeing.
 */
public final class RedisHealth implements HealthIndicator, AutoCloseable {

    static final String REASON = "reason";

    private final String host;
    private final int port;
    private RedissonClient client;

    public RedisHealth(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** redis://host:port, as reasons name the server. */
    public String address() {
        return "redis://" + host + ":" + port;
    }

    @Override
    public Health health() {
        try {
            if (client().getRedisNodes(RedisNodes.SINGLE).getInstance().ping(1, TimeUnit.SECONDS)) {
                return Health.up().withDetail("address", address()).build();
            }
            return Health.down().withDetail(REASON, address() + ": no answer to PING within 1 s").build();
        } catch (RuntimeException e) {
            return Health.down().withDetail(REASON, address() + ": " + firstSentence(e)).build();
        }
    }

    private synchronized RedissonClient client() {
        if (client == null) {
            client = Redisson.create(LookupCaches.redissonConfig(host, port));
        }
        return client;
    }

    /** Redisson's messages go on with tuning hints after the reason ("... Check connection with Redis node ..."). */
    private static String firstSentence(RuntimeException e) {
        String reason = Messages.firstLine(e);
        int hint = reason.indexOf(" Check ");
        return hint > 0 ? reason.substring(0, hint).strip() : reason;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.shutdown(0, 2, TimeUnit.SECONDS);
            client = null;
        }
    }
}
