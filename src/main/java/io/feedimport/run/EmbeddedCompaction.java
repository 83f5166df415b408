package io.feedimport.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites the embedded database file when a run left it mostly garbage, as the last thing the command that ran the
 * run does. H2 never updates a page in place: a run that stores a million fingerprints under random keys rewrites the
 * same pages about once a second, and leaves a file of 2.3 GB that holds 0.4 GB. H2 reclaims that in the background
 * whenever the database is open and quiet, so every later command paid for it: the next unchanged night spent a third
 * of its CPU samples moving the first night's pages (22-32 s against 17-21 s once compacted, 1M records, measured in
 * turns), and {@code runs} took 4.8-5.0 s instead of 3.2-3.4 s. {@code SHUTDOWN COMPACT} copies what is live into a
 * new file in one sequential pass (6.2-6.4 s for that file), so the run that made the garbage pays for it, once.
 *
 * <p>Only when this process owns the database (no session over the network, which is how another process shares it
 * through {@code AUTO_SERVER}: compacting closes the database under it) and when there is enough garbage for the pass
 * to pay for itself. The data source's pooled connections are closed by the shutdown; the command ends right after.
 */
public final class EmbeddedCompaction {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedCompaction.class);
    private static final String H2_FILE = "jdbc:h2:file:";
    /** org.h2.api.ErrorCode.DATABASE_CALLED_AT_SHUTDOWN */
    private static final int DATABASE_CALLED_AT_SHUTDOWN = 90121;

    private final DataSource dataSource;
    private final int belowFillRate;
    private final long minGarbageBytes;

    /**
     * @param belowFillRate compact when less than this percentage of the file's chunks is live (0 never compacts)
     * @param minGarbageBytes and when at least this many bytes of it are garbage
     */
    public EmbeddedCompaction(DataSource dataSource, int belowFillRate, long minGarbageBytes) {
        if (belowFillRate < 0 || belowFillRate > 100) {
            throw new IllegalArgumentException("feedimport.compact.below-fill-rate must be between 0 and 100, got "
                    + belowFillRate);
        }
        this.dataSource = dataSource;
        this.belowFillRate = belowFillRate;
        this.minGarbageBytes = minGarbageBytes;
    }

    /** @return what was compacted; empty when the database is not an embedded file, is shared, or is dense enough */
    public Optional<Compacted> compactIfMostlyGarbage() {
        if (belowFillRate == 0) {
            return Optional.empty();
        }
        Connection connection = null;
        boolean shutDown = false;
        try {
            connection = dataSource.getConnection();
            String url = connection.getMetaData().getURL();
            if (url == null || !url.startsWith(H2_FILE)) {
                return Optional.empty();
            }
            Map<String, Long> info = storeInfo(connection);
            long size = info.getOrDefault("info.FILE_SIZE", 0L);
            long fillRate = info.getOrDefault("info.CHUNKS_FILL_RATE", 100L);
            long garbage = size * (100 - fillRate) / 100;
            if (fillRate >= belowFillRate || garbage < minGarbageBytes || sharedOverTheNetwork(connection)) {
                return Optional.empty();
            }
            Path file = Path.of(databasePath(url) + ".mv.db");
            long started = System.nanoTime();
            try (Statement statement = connection.createStatement()) {
                // the pool resets this connection when it is given back, which a closed database refuses, and H2
                // writes each refusal to a trace file beside the database: nothing went wrong, so nothing is written
                statement.execute("SET TRACE_LEVEL_FILE 0");
                shutDown = true;
                statement.execute("SHUTDOWN COMPACT");
            } catch (SQLException e) {
                // H2 answers its own shutdown with "database is already closed" once the new file is in place
                if (!shutDown || e.getErrorCode() != DATABASE_CALLED_AT_SHUTDOWN) {
                    throw e;
                }
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            return Optional.of(new Compacted(size, Files.exists(file) ? Files.size(file) : -1, (int) fillRate, took));
        } catch (SQLException | java.io.IOException | RuntimeException e) {
            // the run is complete and its outcome committed: a failed compaction only leaves the garbage to H2
            log.warn("could not compact the embedded database: {}", e.toString());
            return Optional.empty();
        } finally {
            release(connection, shutDown);
        }
    }

    private static void release(Connection connection, boolean shutDown) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            if (!shutDown) {
                log.warn("could not give back a connection to the embedded database: {}", e.toString());
            }
        }
    }

    private static Map<String, Long> storeInfo(Connection connection) throws SQLException {
        Map<String, Long> info = new HashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                "SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                        + " WHERE SETTING_NAME IN ('info.FILE_SIZE', 'info.CHUNKS_FILL_RATE')")) {
            while (rs.next()) {
                info.put(rs.getString(1), Long.parseLong(rs.getString(2)));
            }
        }
        return info;
    }

    /** A process that reached the database through another's {@code AUTO_SERVER} is itself a network session. */
    private static boolean sharedOverTheNetwork(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE SERVER IS NOT NULL")) {
            return rs.next() && rs.getLong(1) > 0;
        }
    }

    private static String databasePath(String url) {
        int options = url.indexOf(';');
        return options < 0 ? url.substring(H2_FILE.length()) : url.substring(H2_FILE.length(), options);
    }

    /** The file's size before and after, how much of it was live, and how long the rewrite took. */
    public record Compacted(long bytesBefore, long bytesAfter, int fillRatePercent, Duration took) {

        public String describe() {
            return String.format(java.util.Locale.ROOT, "compacted the embedded database from %s to %s in %.1f s"
                    + " (%d%% of it was live)", megabytes(bytesBefore), megabytes(bytesAfter),
                    took.toMillis() / 1000.0, fillRatePercent);
        }

        private static String megabytes(long bytes) {
            return String.format(java.util.Locale.ROOT, "%.0f MB", bytes / 1e6);
        }
    }
}
