package io.feedimport.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import io.feedimport.reference.RedisHealth;
import io.feedimport.monitoring.DatabaseHealth;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.amqp.health.RabbitHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The health checks of the database, RabbitMQ and Redis as the engine wires them (each under a deadline), against
 * the real local servers and against a port where nothing listens: UP, or DOWN with one line saying what and why,
 * always within the deadline.
 */
class DependencyHealthIT {

    static final Duration LIMIT = Duration.ofSeconds(3);
    static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String NOWHERE = "jdbc:postgresql://127.0.0.1:1/test";

    @Test
    void theDatabaseIsUpWhenPostgresAnswersAndDownWithTheDriversReasonWhenNothingListens() throws Exception {
        try (TimeLimitedHealth up = database(new DriverManagerDataSource(POSTGRES, "postgres", ""));
             TimeLimitedHealth down = database(new DriverManagerDataSource(NOWHERE, "postgres", ""))) {

            Health health = up.health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("database", "PostgreSQL");
            assertDownWithin(down, "Connection to 127.0.0.1:1 refused");
        }
    }

    @Test
    void aDatabasePoolThatWaitsForAConnectionIsDownAtTheDeadlineNotAfterThePoolsTimeout() throws Exception {
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl(NOWHERE);
            pool.setUsername("postgres");
            pool.setInitializationFailTimeout(-1);
            pool.setConnectionTimeout(30_000);
            try (TimeLimitedHealth health = database(pool)) {
                assertDownWithin(health, "database: no answer within 3000 ms");
            }
        }
    }

    @Test
    void rabbitMqIsUpWhenTheBrokerAnswersAndDownWithTheReasonWhenNothingListens() throws Exception {
        CachingConnectionFactory broker = connections(5672);
        CachingConnectionFactory nowhere = connections(1);
        try (TimeLimitedHealth up = rabbit(broker); TimeLimitedHealth down = rabbit(nowhere)) {

            Health health = up.health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsKey("version");
            assertDownWithin(down, "Connection refused");
        } finally {
            broker.destroy();
            nowhere.destroy();
        }
    }

    @Test
    void redisIsUpWhenItAnswersAPingAndDownNamingTheServerWhenNothingListens() throws Exception {
        RedisHealth real = new RedisHealth("127.0.0.1", 6379);
        RedisHealth closed = new RedisHealth("127.0.0.1", 1);
        try (TimeLimitedHealth up = new TimeLimitedHealth(real.address(), real, LIMIT);
             TimeLimitedHealth down = new TimeLimitedHealth(closed.address(), closed, LIMIT)) {

            assertThat(up.health().getStatus()).isEqualTo(Status.UP);
            String reason = assertDownWithin(down, "redis://127.0.0.1:1: ");
            assertThat(reason).doesNotContain("Check");
        }
    }

    private static TimeLimitedHealth database(javax.sql.DataSource dataSource) {
        return new TimeLimitedHealth("database", new DatabaseHealth(dataSource), LIMIT);
    }

    private static TimeLimitedHealth rabbit(CachingConnectionFactory connections) {
        return new TimeLimitedHealth("rabbitmq", new RabbitHealthIndicator(new RabbitTemplate(connections)), LIMIT);
    }

    private static CachingConnectionFactory connections(int port) {
        CachingConnectionFactory connections = new CachingConnectionFactory("127.0.0.1", port);
        connections.setUsername("guest");
        connections.setPassword("guest");
        return connections;
    }

    /** Asserts DOWN, within the deadline and a little, with a one-line reason containing the text; returns it. */
    private static String assertDownWithin(HealthIndicator indicator, String text) {
        long started = System.nanoTime();
        Health health = indicator.health();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(LIMIT.plusSeconds(1));
        assertThat(health.getStatus()).as(health.toString()).isEqualTo(Status.DOWN);
        String reason = String.valueOf(health.getDetails().get("reason"));
        assertThat(reason).contains(text).doesNotContain("\n").doesNotContain("\tat ");
        return reason;
    }
}
