package io.feedimport.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import com.zaxxer.hikari.HikariDataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedCompactionTest {

    private static final int ROWS = 10_000;
    private static final long ONE_MB = 1 << 20;

    @TempDir
    Path dir;

    @Test
    void aFileMostlyGarbageIsRewrittenWithEveryRowKept() throws SQLException, java.io.IOException {
        JdbcDataSource database = database();
        writeGarbage(database, 20);
        long before = Files.size(dir.resolve("engine.mv.db"));

        Optional<EmbeddedCompaction.Compacted> compacted;
        // through the pool the engine has, which hands the connection the shutdown closed back to itself
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setDataSource(database);
            compacted = new EmbeddedCompaction(pool, 50, ONE_MB).compactIfMostlyGarbage();
        }

        assertThat(compacted).isPresent();
        assertThat(compacted.get().fillRatePercent()).isLessThan(50);
        assertThat(compacted.get().bytesBefore()).isEqualTo(before);
        assertThat(compacted.get().bytesAfter()).isLessThan(before / 4);
        // the pool may open the database again to refill itself, which writes a little
        assertThat(Files.size(dir.resolve("engine.mv.db"))).isLessThan(before / 4);
        assertThat(compacted.get().describe()).startsWith("compacted the embedded database from ").contains("% of it was live");
        assertThat(rowsAndLastValue(database())).isEqualTo(ROWS + ":" + "u".repeat(80));
        assertThat(dir.resolve("engine.trace.db")).as("H2 traced no error").doesNotExist();
    }

    @Test
    void aDenseFileIsLeftAlone() throws SQLException, java.io.IOException {
        JdbcDataSource database = database();
        writeGarbage(database, 0);
        long before = Files.size(dir.resolve("engine.mv.db"));

        assertThat(new EmbeddedCompaction(database, 50, 0).compactIfMostlyGarbage()).isEmpty();
        assertThat(Files.size(dir.resolve("engine.mv.db"))).isGreaterThanOrEqualTo(before);
    }

    @Test
    void lessGarbageThanTheMinimumIsLeftAlone() throws SQLException, java.io.IOException {
        JdbcDataSource database = database();
        writeGarbage(database, 20);
        long before = Files.size(dir.resolve("engine.mv.db"));

        assertThat(new EmbeddedCompaction(database, 50, 1024 * ONE_MB).compactIfMostlyGarbage()).isEmpty();
        assertThat(new EmbeddedCompaction(database, 0, 0).compactIfMostlyGarbage()).as("0 switches it off").isEmpty();
        assertThat(Files.size(dir.resolve("engine.mv.db"))).isGreaterThanOrEqualTo(before);
    }

    @Test
    void aDatabaseAnotherProcessReachesOverTheNetworkIsLeftOpen() throws SQLException {
        JdbcDataSource database = database();
        writeGarbage(database, 20);
        // what AUTO_SERVER gives a second process: a session of this database through a TCP server
        Server server = Server.createTcpServer("-tcpPort", "0", "-baseDir", dir.toString(), "-ifExists").start();
        try (Connection local = database.getConnection();
             Connection remote = DriverManager.getConnection("jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/engine", "sa", "")) {
            assertThat(new EmbeddedCompaction(database, 50, ONE_MB).compactIfMostlyGarbage()).isEmpty();
            try (Statement statement = remote.createStatement(); ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM t")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).as("the other process's session still works").isEqualTo(ROWS);
            }
        } finally {
            server.stop();
        }
    }

    @Test
    void aDatabaseInMemoryIsNotAFileToCompact() throws SQLException {
        JdbcDataSource memory = new JdbcDataSource();
        memory.setURL("jdbc:h2:mem:compaction-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        memory.setUser("sa");
        writeGarbage(memory, 20);

        assertThat(new EmbeddedCompaction(memory, 100, 0).compactIfMostlyGarbage()).isEmpty();
    }

    /** The engine's own URL; no background compaction, so that the garbage written is the garbage found. */
    private JdbcDataSource database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("engine") + ";AUTO_SERVER=TRUE;AUTO_COMPACT_FILL_RATE=0");
        h2.setUser("sa");
        return h2;
    }

    /** A table of {@link #ROWS} rows stored once, then rewritten and checkpointed {@code rewrites} times. */
    private static void writeGarbage(JdbcDataSource database, int rewrites) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (k BIGINT PRIMARY KEY, v VARCHAR(100))");
            statement.execute("INSERT INTO t SELECT X * 7919 % 1000003, REPEAT('a', 80) FROM SYSTEM_RANGE(1, " + ROWS + ")");
            statement.execute("CHECKPOINT");
            for (int i = 1; i <= rewrites; i++) {
                statement.execute("UPDATE t SET v = REPEAT('" + (char) ('a' + i) + "', 80)");
                statement.execute("CHECKPOINT");
            }
        }
    }

    private static String rowsAndLastValue(JdbcDataSource database) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*), MAX(v) FROM t")) {
            rs.next();
            return rs.getInt(1) + ":" + rs.getString(2);
        }
    }
}
