package io.feedimport.migration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Gives a test's database the engine's tables as the product does: the migrations under db/migration, with the
 * {@code spring.flyway} settings of application.yml read from that file, so tests cannot drift from what Boot runs.
 */
public final class EngineMigrations {

    private EngineMigrations() {
    }

    public static MigrateResult migrate(DataSource dataSource) {
        return flyway(dataSource).migrate();
    }

    /** Migrates up to a version only, as a database left by the release that ended there. */
    public static MigrateResult migrate(DataSource dataSource, String version) {
        return configuration(dataSource).target(version).load().migrate();
    }

    public static Flyway flyway(DataSource dataSource) {
        return configuration(dataSource).load();
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration configuration(DataSource dataSource) {
        PropertySource<?> settings = applicationYaml();
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(setting(settings, "locations").replace("{vendor}", vendor(dataSource)))
                .baselineOnMigrate(Boolean.parseBoolean(setting(settings, "baseline-on-migrate")))
                .baselineVersion(setting(settings, "baseline-version"));
    }

    /** The vendor as Boot names it in {@code {vendor}}: h2, postgresql. */
    private static String vendor(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return DatabaseDriver.fromJdbcUrl(connection.getMetaData().getURL()).getId();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to the test database: " + e.getMessage(), e);
        }
    }

    private static PropertySource<?> applicationYaml() {
        try {
            return new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml")).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String setting(PropertySource<?> settings, String key) {
        Object value = settings.getProperty("spring.flyway." + key);
        if (value == null) {
            throw new IllegalStateException("application.yml has no spring.flyway." + key);
        }
        return value.toString();
    }
}
