package io.feedimport.monitoring;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.feedimport.support.Messages;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether the engine's database hands out a connection that answers. Spring Boot's own check would do the same, but
 * reports a refused connection as "Failed to obtain JDBC Connection"; this one reports the driver's reason
 * ("Connection to 127.0.0.1:5432 refused"), which is what an operator needs.
 */
public final class DatabaseHealth implements HealthIndicator {

    private static final int VALID_WITHIN_SECONDS = 2;

    private final DataSource dataSource;

    public DatabaseHealth(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Health health() {
        try (Connection connection = dataSource.getConnection()) {
            String database = connection.getMetaData().getDatabaseProductName();
            if (connection.isValid(VALID_WITHIN_SECONDS)) {
                return Health.up().withDetail("database", database).build();
            }
            return Health.down().withDetail("reason", database + ": the connection did not answer within "
                    + VALID_WITHIN_SECONDS + " s").build();
        } catch (SQLException | RuntimeException e) {
            return Health.down().withDetail("reason", Messages.firstLine(driverReason(e))).build();
        }
    }

    /**
     * Pools and Spring wrap the driver's reason ("Connection is not available", ...), and the driver wraps the
     * network's ("Connection refused", without saying where): the innermost SQL exception is the one to show.
     */
    private static Throwable driverReason(Throwable failure) {
        Throwable reason = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException) {
                reason = cause;
            }
        }
        return reason;
    }
}
