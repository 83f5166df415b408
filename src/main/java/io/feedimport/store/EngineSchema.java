package io.feedimport.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Creates the tables feedimport needs when they are missing: Spring Batch's job repository (from the scripts
 * Spring Batch ships, which cannot be run twice) and the engine's own runs, skip report, outcomes and parked messages.
 */
public final class EngineSchema {

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;

    public EngineSchema(DataSource dataSource, SqlDialect dialect) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.dialect = dialect;
    }

    public void create() {
        if (!tableExists("batch_job_instance")) {
            String script = "org/springframework/batch/core/schema-" + (dialect == SqlDialect.H2 ? "h2" : "postgresql") + ".sql";
            new ResourceDatabasePopulator(new ClassPathResource(script)).execute(dataSource);
        }
        String text = dialect.longText();
        jdbc.execute("CREATE TABLE IF NOT EXISTS fi_run (run_id BIGINT PRIMARY KEY, feed VARCHAR(64) NOT NULL,"
                + " file " + text + " NOT NULL, fingerprint VARCHAR(100) NOT NULL, status VARCHAR(20) NOT NULL,"
                + " read_count BIGINT NOT NULL, skipped BIGINT NOT NULL, published BIGINT NOT NULL,"
                + " persisted BIGINT NOT NULL, unchanged BIGINT NOT NULL, outdated BIGINT NOT NULL, parked BIGINT NOT NULL,"
                + " started_at TIMESTAMP WITH TIME ZONE NOT NULL, ended_at TIMESTAMP WITH TIME ZONE,"
                + " duration_ms BIGINT NOT NULL, owner VARCHAR(200), message " + text + ")");
        // added with consumer-side rejections; databases created before it get the column here
        jdbc.execute("ALTER TABLE fi_run ADD COLUMN IF NOT EXISTS rejected BIGINT DEFAULT 0 NOT NULL");
        jdbc.execute("CREATE TABLE IF NOT EXISTS fi_skip (run_id BIGINT NOT NULL, record_no BIGINT NOT NULL,"
                + " seq INT NOT NULL, feed VARCHAR(64) NOT NULL, file " + text + " NOT NULL, line INT NOT NULL,"
                + " col INT NOT NULL, record_key VARCHAR(500), field VARCHAR(100) NOT NULL, rule VARCHAR(20) NOT NULL,"
                + " bad_value VARCHAR(500), message " + text + " NOT NULL, PRIMARY KEY (run_id, record_no, seq))");
        jdbc.execute("CREATE TABLE IF NOT EXISTS fi_outcome (run_id BIGINT NOT NULL, record_no BIGINT NOT NULL,"
                + " outcome VARCHAR(10) NOT NULL, PRIMARY KEY (run_id, record_no))");
        jdbc.execute("CREATE TABLE IF NOT EXISTS fi_parked (run_id BIGINT NOT NULL, record_no BIGINT NOT NULL,"
                + " feed VARCHAR(64) NOT NULL, line INT NOT NULL, record_key VARCHAR(500), attempts INT NOT NULL,"
                + " reason " + text + " NOT NULL, payload " + text + " NOT NULL,"
                + " parked_at TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY (run_id, record_no))");
    }

    private boolean tableExists(String table) {
        try (Connection connection = dataSource.getConnection();
             ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(),
                     SqlDialect.folded(connection.getMetaData(), table), null)) {
            return tables.next();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot inspect the database: " + e.getMessage(), e);
        }
    }
}
