package io.feedimport.reference;

import io.feedimport.feed.LookupDefinition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.zaxxer.hikari.HikariDataSource;
import io.feedimport.feed.LookupDefinition.Normalize;
import io.feedimport.feed.LookupDefinition.OnMissing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Workers sharing reference data through the real Redis, over the real PostgreSQL; each worker has its own Redisson
 * client, near cache and connection pool, as on separate machines. Includes Redis outages: Redis is always running
 * again after each test.
 */
class ReferenceResolverRedisIT {

    private static final LookupDefinition AGENTS =
            new LookupDefinition("agents", "agent", "external_ref", "id", OnMissing.REJECT, Normalize.TRIM);
    private static final int AGENT_COUNT = 400;

    private final List<AutoCloseable> workers = new ArrayList<>();
    private HikariDataSource database;
    private JdbcTemplate jdbc;

    @BeforeEach
    void givenAgentsInPostgresAndAnEmptyRedisCache() {
        RedisServer.ensureRunning();
        database = PostgresSchema.fresh();
        jdbc = new JdbcTemplate(database);
        jdbc.execute("CREATE TABLE agent (id BIGINT PRIMARY KEY, external_ref VARCHAR(50) NOT NULL UNIQUE)");
        jdbc.batchUpdate("INSERT INTO agent (id, external_ref) VALUES (?, ?)",
                IntStream.rangeClosed(1, AGENT_COUNT)
                        .mapToObj(i -> new Object[] {(long) i, "A-" + i}).toList());
        worker(Duration.ofMinutes(10)).evict(AGENTS); // whatever an earlier run left in Redis
    }

    @AfterEach
    void restartRedisAndCloseWorkers() throws Exception {
        try {
            RedisServer.ensureRunning();
        } finally {
            for (AutoCloseable worker : workers) {
                worker.close();
            }
            database.close();
        }
    }

    private ReferenceResolver worker(Duration ttl) {
        RedisLookupCache cache = LookupCaches.redis("127.0.0.1", 6379, ttl);
        workers.add(cache);
        return new ReferenceResolver(new ReferenceTable(jdbc), cache);
    }

    @Test
    void givenAgentsLoadedByOneWorkerWhenAnotherWorkerResolvesThemThenRedisServesThemWithoutADatabaseLoad() {
        ReferenceResolver first = worker(Duration.ofMinutes(10));
        ReferenceResolver second = worker(Duration.ofMinutes(10));
        resolveAll(first, 1, 20);

        resolveAll(second, 1, 20);
        resolveAll(second, 1, 20);

        assertThat(first.stats().databaseLoads()).isEqualTo(20);
        CacheStats stats = second.stats();
        assertThat(stats.databaseLoads()).isZero();
        assertThat(stats.redisHits()).as("first pass from Redis, second from the near cache").isEqualTo(20);
        assertThat(stats.hits()).isEqualTo(40);
        assertThat(stats.redisFailures()).isZero();
    }

    @Test
    void givenAChangedAgentWhenTheTtlHasPassedThenEveryWorkerSeesTheChange() {
        Duration ttl = Duration.ofMillis(1500);
        ReferenceResolver first = worker(ttl);
        ReferenceResolver second = worker(ttl);
        assertThat(first.resolve(AGENTS, "A-1")).isEqualTo(Resolution.found(1));
        moveA1ToAgent(401);

        assertThat(second.resolve(AGENTS, "A-1")).as("still cached").isEqualTo(Resolution.found(1));
        assertThat(second.stats().databaseLoads()).isZero();
        RedisServer.sleep(ttl.toMillis() + 300);

        assertThat(second.resolve(AGENTS, "A-1")).isEqualTo(Resolution.found(401));
        assertThat(first.resolve(AGENTS, "A-1")).isEqualTo(Resolution.found(401));
    }

    @Test
    void givenAChangedAgentCachedByTwoWorkersWhenOneEvictsThenRedisAndEveryNearCacheForgetIt() {
        ReferenceResolver first = worker(Duration.ofMinutes(10));
        ReferenceResolver second = worker(Duration.ofMinutes(10));
        first.resolve(AGENTS, "A-1");
        second.resolve(AGENTS, "A-1"); // now in second's near cache too
        moveA1ToAgent(401);

        first.evict(AGENTS);

        assertThat(first.resolve(AGENTS, "A-1")).isEqualTo(Resolution.found(401));
        ReferenceResolver newcomer = worker(Duration.ofMinutes(10));
        assertThat(newcomer.resolve(AGENTS, "A-1")).isEqualTo(Resolution.found(401));
        // the eviction reaches other workers' near caches by Redis pub/sub: a moment, not a ttl
        await().atMost(Duration.ofSeconds(2))
                .until(() -> second.resolve(AGENTS, "A-1").equals(Resolution.found(401)));
    }

    @Test
    void givenRedisStoppedMidRunWhenResolvingThenTheDatabaseAnswersTheSameWithoutStallsAndRedisIsUsedAgainOnceBack() {
        ReferenceResolver warm = worker(Duration.ofMinutes(10));
        ReferenceResolver worker = worker(Duration.ofMinutes(10));
        resolveAll(warm, 1, 200);
        ListAppender<ILoggingEvent> warnings = captureWarnings();
        try {
            RedisServer.stop();

            long start = System.nanoTime();
            long slowest = 0;
            for (int i = 1; i <= 200; i++) {
                long before = System.nanoTime();
                assertThat(worker.resolve(AGENTS, " A-" + i + " ")).isEqualTo(Resolution.found(i));
                slowest = Math.max(slowest, System.nanoTime() - before);
            }
            Duration total = Duration.ofNanos(System.nanoTime() - start);

            assertThat(total).as("200 lookups during the outage").isLessThan(Duration.ofSeconds(3));
            assertThat(Duration.ofNanos(slowest)).as("slowest lookup").isLessThan(Duration.ofMillis(1500));
            CacheStats down = worker.stats();
            assertThat(down.databaseLoads()).isEqualTo(200);
            assertThat(down.redisFailures()).as("Redis tried once per down period, not per lookup").isBetween(1L, 3L);
            assertThat(warnings.list).as("warnings logged").hasSize(1);
            assertThat(warnings.list.get(0).getFormattedMessage())
                    .startsWith("Redis unavailable for reference lookups").doesNotContain("A-");
        } finally {
            RedisServer.ensureRunning();
            ((Logger) LoggerFactory.getLogger(RedisGuard.class)).detachAppender(warnings);
        }

        // Redis came back empty (shut down without saving): what one worker loads now, the other reads from Redis
        long failuresWhileDown = worker.stats().redisFailures();
        int[] next = {201};
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            String key = "A-" + next[0]++;
            worker.resolve(AGENTS, key);
            long before = warm.stats().redisHits();
            return warm.resolve(AGENTS, key).equals(Resolution.found(next[0] - 1))
                    && warm.stats().redisHits() == before + 1;
        });
        long loadsBefore = warm.stats().databaseLoads();
        resolveAll(worker, 350, 399);
        resolveAll(warm, 350, 399);
        assertThat(warm.stats().databaseLoads()).as("served by Redis again").isEqualTo(loadsBefore);
        assertThat(worker.stats().redisFailures()).as("no failures once back").isLessThanOrEqualTo(failuresWhileDown + 1);
    }

    @Test
    void givenRedisNotAnsweringDuringAnEvictionWhenItAnswersAgainThenTheEvictionIsReplayedForEveryWorker() {
        ReferenceResolver first = worker(Duration.ofMinutes(10));
        ReferenceResolver second = worker(Duration.ofMinutes(10));
        first.resolve(AGENTS, "A-1");
        second.resolve(AGENTS, "A-1");
        moveA1ToAgent(401);

        RedisServer.pause(1500);
        long start = System.nanoTime();
        first.evict(AGENTS);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("eviction while Redis hangs")
                .isLessThan(Duration.ofMillis(1500));
        assertThat(first.stats().redisFailures()).isEqualTo(1);
        assertThat(first.resolve(AGENTS, "A-1")).as("own near cache cleared at once").isEqualTo(Resolution.found(401));
        assertThat(second.resolve(AGENTS, "A-1")).as("the other worker, not told yet").isEqualTo(Resolution.found(1));

        // after the down period, first's next Redis call finds it answering and replays the eviction, announcing it
        int[] next = {2};
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).until(() -> {
            first.resolve(AGENTS, "A-" + next[0]++);
            return second.resolve(AGENTS, "A-1").equals(Resolution.found(401));
        });
        assertThat(worker(Duration.ofMinutes(10)).resolve(AGENTS, "A-1")).as("what Redis holds now")
                .isEqualTo(Resolution.found(401));
    }

    private void resolveAll(ReferenceResolver resolver, int from, int to) {
        for (int i = from; i <= to; i++) {
            assertThat(resolver.resolve(AGENTS, "A-" + i)).isEqualTo(Resolution.found(i));
        }
    }

    private void moveA1ToAgent(long id) {
        jdbc.update("UPDATE agent SET external_ref = 'A-1-old' WHERE id = 1");
        jdbc.update("INSERT INTO agent (id, external_ref) VALUES (?, 'A-1')", id);
    }

    private static ListAppender<ILoggingEvent> captureWarnings() {
        Logger logger = (Logger) LoggerFactory.getLogger(RedisGuard.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>() {
            @Override
            protected void append(ILoggingEvent event) {
                if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
                    super.append(event);
                }
            }
        };
        appender.start();
        logger.addAppender(appender);
        return appender;
    }
}
