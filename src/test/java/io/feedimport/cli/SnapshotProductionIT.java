package io.feedimport.cli;

import static io.feedimport.cli.FeedImportCliIT.number;
import static io.feedimport.cli.Postgres.count;
import static io.feedimport.cli.Postgres.sql;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;
import io.feedimport.withdraw.ExportNights;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The users' three nights in production: the packaged CLI with {@code --profile production}, a worker process, the
 * real RabbitMQ and PostgreSQL. Withdrawals travel through the broker to the worker like records; the night whose
 * export is cut at 30% is held, and released from the command line.
 */
class SnapshotProductionIT {

    static final String SCHEMA = "feedimport_snapshot_it";
    static final String FEED = "catalog_snapshot_it";
    static final ExportNights NIGHTS = new ExportNights(3000);

    @TempDir
    Path dir;

    CliProcess cli;
    Path job;
    Process worker;

    @BeforeEach
    void freshSchemaQueuesAndWorker() throws Exception {
        sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "CREATE SCHEMA " + SCHEMA);
        forgetQueues();
        Path jobs = Files.createDirectories(dir.resolve("jobs"));
        job = Files.writeString(jobs.resolve("catalog.yml"), ExportNights.definition(FEED, "softDelete", ""));
        cli = new CliProcess(dir.resolve("data"), dir, Map.of(
                "SPRING_DATASOURCE_URL", Postgres.SERVER + "?currentSchema=" + SCHEMA,
                "SPRING_DATASOURCE_USERNAME", "postgres",
                "SPRING_DATASOURCE_PASSWORD", "",
                "SPRING_RABBITMQ_PASSWORD", "guest"));
        CliProcess.Running running = cli.start("worker", "--jobs", jobs.toString(), "--profile", "production");
        worker = running.process();
        running.awaitErr("feedimport worker: consuming", Duration.ofSeconds(60));
    }

    @AfterEach
    void stopWorker() throws Exception {
        worker.destroyForcibly().waitFor();
        forgetQueues();
    }

    @Test
    void threeNightsThroughTheBrokerThenTheHeldNightIsReleased() throws Exception {
        String first = night("night-1.xml", NIGHTS.first());
        assertThat(first).contains("\"status\":\"COMPLETED\"", "\"reconciled\":true", "\"snapshot\":\"APPLIED\"");
        assertTarget(NIGHTS.first(), Set.of());

        String second = night("night-2.xml", NIGHTS.second());
        assertThat(second).contains("\"status\":\"COMPLETED\"", "\"reconciled\":true");
        assertThat(number(second, "published")).as("1% changed, 0.3% new").isEqualTo(30 + 9);
        assertThat(number(second, "withdrawn")).as("0.5% gone").isEqualTo(15);
        assertTarget(NIGHTS.second(), gone(NIGHTS.first(), NIGHTS.second()));

        CliProcess.Result cut = cli.run("run", job.toString(), "--file",
                ExportNights.write(dir.resolve("night-3.xml"), NIGHTS.cut(), false).toString(), "--profile", "production");
        long heldRun = 3;
        assertThat(cut.exitCode()).as(cut.out() + cut.err()).isEqualTo(1);
        assertThat(cut.out()).contains("run " + heldRun + " of feed " + FEED + ": HELD: read 898 records, 30% of the last"
                + " complete export (2,994); 2,096 withdrawals held. Apply them with: ")
                .containsPattern("Apply them with: \\S.* release " + heldRun + " .*\\(or drop them: \\S.* discard " + heldRun);
        assertTarget(NIGHTS.second(), gone(NIGHTS.first(), NIGHTS.second()));
        assertThat(cli.run("runs", "--profile", "production").out()).contains("2096 held");

        CliProcess.Result release = cli.run("release", String.valueOf(heldRun), "--jobs", job.getParent().toString(),
                "--profile", "production");
        assertThat(release.exitCode()).as(release.out() + release.err()).isZero();
        assertThat(release.out()).contains("withdrawn  2,096");
        Map<String, String> everSeen = new HashMap<>(NIGHTS.first());
        everSeen.putAll(NIGHTS.second());
        assertTarget(NIGHTS.cut(), gone(everSeen, NIGHTS.cut()));
        CliProcess.Result listed = cli.run("report", String.valueOf(heldRun), "--withdrawn", "--profile", "production");
        assertThat(listed.out()).contains(ExportNights.id(3001)).contains("2096 key(s) withdrawn");
    }

    private String night(String name, Map<String, String> items) throws Exception {
        CliProcess.Result result = cli.run("run", job.toString(), "--file",
                ExportNights.write(dir.resolve(name), items, false).toString(), "--json", "--profile", "production");
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        return result.lastLine();
    }

    private static void assertTarget(Map<String, String> live, Set<String> withdrawn) throws Exception {
        Map<String, String> liveRows = new HashMap<>();
        Set<String> withdrawnRows = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(Postgres.SERVER, "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT id, price, withdrawn_at FROM " + SCHEMA + "." + FEED)) {
            while (rs.next()) {
                if (rs.getObject(3) == null) {
                    liveRows.put(rs.getString(1), rs.getBigDecimal(2).setScale(2).toPlainString());
                } else {
                    withdrawnRows.add(rs.getString(1));
                }
            }
        }
        assertThat(liveRows).isEqualTo(live);
        assertThat(withdrawnRows).isEqualTo(withdrawn);
        assertThat(count("SELECT COUNT(*) FROM " + SCHEMA + ".fi_seen")).as("read keys are dropped once listed").isZero();
    }

    private static Set<String> gone(Map<String, String> before, Map<String, String> after) {
        Set<String> gone = new HashSet<>(before.keySet());
        gone.removeAll(after.keySet());
        return gone;
    }

    private static void forgetQueues() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        try (com.rabbitmq.client.Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            for (String queue : List.of("fi." + FEED, "fi." + FEED + ".parked")) {
                channel.queueDelete(queue);
            }
        }
    }
}
