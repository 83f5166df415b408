package io.feedimport.cli;

import static io.feedimport.cli.FeedImportCliIT.number;
import static io.feedimport.cli.Postgres.count;
import static io.feedimport.cli.Postgres.sql;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production path as users run it: the packaged CLI with {@code --profile production}, an importer and separate
 * worker processes, the real RabbitMQ and PostgreSQL of this machine. Workers die, the broker goes away, records fail
 * every attempt: every record is still accounted for, once.
 */
class ProductionDeliveryIT {

    static final String SCHEMA = "feedimport_prod_it";
    static final String FEED = "offers_prod_it";
    static final int RECORDS = 60_000;

    @TempDir
    static Path shared;

    static Path file;
    static long valid;

    @TempDir
    Path dir;

    Path jobs;
    CliProcess cli;
    final List<Process> started = new ArrayList<>();

    @BeforeAll
    static void generate() throws Exception {
        file = shared.resolve("offers-60k.xml");
        CliProcess.Result generated = new CliProcess(shared.resolve("data"), shared).run("generate", "offers", "--records",
                String.valueOf(RECORDS), "--invalid-percent", "2", "--seed", "11", "--out", file.toString());
        Matcher invalid = Pattern.compile("\\(([\\d,]+) invalid\\)").matcher(generated.out());
        assertThat(invalid.find()).as(generated.out()).isTrue();
        valid = RECORDS - Long.parseLong(invalid.group(1).replace(",", ""));
    }

    @BeforeEach
    void freshSchemaQueuesAndJobs() throws Exception {
        sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "CREATE SCHEMA " + SCHEMA);
        jobs = Files.createDirectories(dir.resolve("jobs"));
        String definition = Files.readString(FeedImportCliIT.JOB).replace("name: offers", "name: " + FEED)
                .replace("backoff: 5s", "backoff: 200ms").replace("backoffMax: 1m", "backoffMax: 400ms")
                .replace("maxRetries: 3", "maxRetries: 2").replace("pollEvery: 10s", "pollEvery: 1s");
        Files.writeString(jobs.resolve("offers.yml"), definition);
        forgetQueues();
        cli = new CliProcess(dir.resolve("data"), dir, Map.of(
                "SPRING_DATASOURCE_URL", Postgres.SERVER + "?currentSchema=" + SCHEMA,
                "SPRING_DATASOURCE_USERNAME", "postgres",
                "SPRING_DATASOURCE_PASSWORD", "",
                "SPRING_RABBITMQ_PASSWORD", "guest"));
    }

    @AfterEach
    void stopProcesses() throws Exception {
        for (Process process : started) {
            process.destroyForcibly().waitFor();
        }
        forgetQueues();
    }

    @Test
    void twoWorkersShareTheQueueAndKillingOneMidRunLosesNothing() throws Exception {
        CliProcess.Running first = worker();
        CliProcess.Running second = worker();
        assertThat(consumers()).as("both workers consume, 2 consumers each").isEqualTo(4);

        CliProcess.Running importer = importer();
        awaitStored(5_000);
        new ProcessBuilder("kill", "-9", String.valueOf(first.process().pid())).start().waitFor();
        assertThat(first.process().waitFor()).isEqualTo(137);

        CliProcess.Result result = finish(importer);
        assertEveryValidRecordStoredOnce(result);
        assertThat(second.process().isAlive()).isTrue();
    }

    @Test
    void aSecondImportOfTheSameExportSendsNothingThroughTheBrokerAndNeedsNoWorker() throws Exception {
        CliProcess.Running worker = worker();
        assertEveryValidRecordStoredOnce(finish(importer()));
        worker.process().destroy();
        assertThat(worker.process().waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("worker stopped").isTrue();

        // no worker consumes now: a record sent would stay queued, and the run could not reconcile
        CliProcess.Result again = finish(importer());

        String json = again.lastLine();
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(json).contains("\"status\":\"COMPLETED\"", "\"reconciled\":true");
        assertThat(number(json, "read")).isEqualTo(RECORDS);
        assertThat(number(json, "published")).isZero();
        assertThat(number(json, "unchangedAtSource")).isEqualTo(valid);
        assertThat(number(json, "unchanged")).isEqualTo(valid);
        assertThat(queueDepth("fi." + FEED)).isZero();
        assertThat(count("SELECT COUNT(*) FROM " + SCHEMA + ".fi_outcome WHERE run_id = " + number(json, "runId"))).isZero();
        assertThat(count("SELECT COUNT(*) FROM " + SCHEMA + ".fi_fingerprint")).as("one per key stored").isEqualTo(valid);
    }

    @Test
    void theBrokerStoppingForTwentySecondsMidImportOnlyDelaysTheRun() throws Exception {
        worker();
        CliProcess.Running importer = importer();
        awaitStored(5_000);

        rabbitmqctl("stop_app");
        try {
            Thread.sleep(20_000);
        } finally {
            rabbitmqctl("start_app");
        }

        CliProcess.Result result = finish(importer);
        assertEveryValidRecordStoredOnce(result);
    }

    @Test
    void theDatabaseGoingAwayFromTheWorkerForTwentySecondsParksNothingAndOnlyDelaysTheRun() throws Exception {
        try (TcpProxy database = TcpProxy.to(5432)) {
            // only the worker goes through the proxy, and it gives up on a connection after 1s instead of 30s, so
            // the outage outlasts its whole retry budget (200ms, 400ms) many times over
            CliProcess workerSide = new CliProcess(dir.resolve("worker-data"), dir, Map.of(
                    "SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:" + database.port() + "/test?currentSchema=" + SCHEMA,
                    "SPRING_DATASOURCE_USERNAME", "postgres",
                    // not SPRING_DATASOURCE_HIKARI_CONNECTION_TIMEOUT: relaxed binding reads that as a nested property
                    // "connection", calls getConnection() on the pool and seals it before it is configured
                    "SPRING_APPLICATION_JSON", "{\"spring.datasource.hikari.connection-timeout\": 1000}"));
            worker(workerSide);
            CliProcess.Running importer = importer();
            awaitStored(5_000);

            database.cut();
            try {
                Thread.sleep(20_000);
            } finally {
                database.restore();
            }

            CliProcess.Result result = finish(importer);
            assertEveryValidRecordStoredOnce(result);
            assertThat(Files.readString(dir.resolve("worker-data/feedimport.log")))
                    .as("the worker saw the outage").contains("database unavailable");
        }
    }

    @Test
    void aDaemonWithWorkersPicksUpADroppedExportAndDeliversItThroughTheBroker() throws Exception {
        // the sample definition's source is ../drop/offers, relative to the jobs folder
        Path drop = Files.createDirectories(dir.resolve("drop/offers"));
        CliProcess.Running daemon = cli.start("daemon", "--workers", "--jobs", jobs.toString(), "--profile", "production");
        started.add(daemon.process());

        Files.copy(file, drop.resolve("export.xml"));
        daemon.awaitErr("export.xml: imported as run 1", Duration.ofMinutes(3));

        assertThat(daemon.errSoFar()).contains("consuming their queues", "imported as run 1: " + RECORDS + " read, "
                + (RECORDS - valid) + " skipped, " + valid + " persisted, 0 unchanged, 0 parked");
        assertThat(count("SELECT COUNT(DISTINCT id) FROM " + SCHEMA + ".offer")).isEqualTo(valid);
        assertThat(drop.resolve("archive/export.xml")).exists();
    }

    @Test
    void redisStoppingMidImportSendsLookupsToTheDatabaseAndTheRunEndsTheSame() throws Exception {
        // the feed with lookups: agents and cities become rows of their own tables, created as they first appear;
        // a ttl of 1s keeps the workers' near caches from riding out the outage, so lookups do reach for Redis
        Files.writeString(jobs.resolve("offers.yml"), Files.readString(Path.of("jobs/offers-lookups.yml"))
                .replace("name: offers_ref", "name: " + FEED).replace("table: offer_ref", "table: offer")
                .replace("ttl: 10m", "ttl: 1s"));
        worker();
        CliProcess.Running importer = importer();
        awaitStored(5_000);

        redis("redis-cli", "-h", "127.0.0.1", "-p", "6379", "shutdown", "nosave");
        try {
            Thread.sleep(8_000);
        } finally {
            redis("scripts/services.sh", "--only", "redis");
        }

        CliProcess.Result result = finish(importer);
        assertEveryValidRecordStoredOnce(result);
        assertThat(count("SELECT COUNT(*) FROM " + SCHEMA + ".agent")).as("30 agents in the generated feed").isEqualTo(30);
        assertThat(count("SELECT COUNT(*) FROM " + SCHEMA + ".city")).as("20 cities").isEqualTo(20);
        assertThat(count("SELECT COUNT(*) FROM " + SCHEMA + ".offer o LEFT JOIN " + SCHEMA + ".city c ON c.id = o.city"
                + " WHERE c.id IS NULL")).as("every offer points at its city").isZero();
        assertThat(Files.readString(dir.resolve("data/feedimport.log")))
                .as("the worker noticed").contains("Redis unavailable for reference lookups");
    }

    private static void redis(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        // shutdown answers with a closed connection, so only the restart's exit code says anything
        if (command[0].startsWith("scripts/")) {
            assertThat(process.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
        } else {
            process.waitFor();
        }
    }

    @Test
    void recordsFailingEveryAttemptAreParkedWithTheirReasonAndReplayBringsThemHome() throws Exception {
        // a serialization failure is what PostgreSQL reports for conflicting transactions: transient, so retried
        sql("CREATE TABLE " + SCHEMA + ".offer_guard (blocked BOOLEAN)",
                "INSERT INTO " + SCHEMA + ".offer_guard VALUES (true)",
                "CREATE FUNCTION " + SCHEMA + ".refuse_some() RETURNS trigger AS $$ BEGIN"
                        + " IF NEW.id LIKE '%77' AND (SELECT blocked FROM " + SCHEMA + ".offer_guard) THEN"
                        + " RAISE EXCEPTION 'offer % conflicts with a concurrent update', NEW.id USING ERRCODE = '40001';"
                        + " END IF; RETURN NEW; END $$ LANGUAGE plpgsql");
        worker();
        // the table exists once a worker started; the trigger refuses every offer whose id ends in 77
        sql("CREATE TRIGGER refuse_some BEFORE INSERT ON " + SCHEMA + ".offer FOR EACH ROW EXECUTE FUNCTION "
                + SCHEMA + ".refuse_some()");

        CliProcess.Result result = finish(importer());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        long parked = number(result.lastLine(), "parked");
        assertThat(parked).isBetween(valid / 200, valid / 50);
        assertThat(number(result.lastLine(), "persisted") + parked).isEqualTo(valid);
        assertThat(result.err()).contains("parked " + parked + " record(s)", "feedimport.jar parked " + FEED + " --run 1 --profile production",
                "feedimport.jar replay " + FEED + " --run 1 --profile production");
        CliProcess.Result list = cli.run("parked", FEED, "--profile", "production");
        assertThat(list.out()).contains("gave up after 3 attempts: PSQLException: ERROR: offer OF-", "conflicts with a concurrent update")
                .contains(parked + " parked");
        assertThat(queueDepth("fi." + FEED + ".parked")).as("the parking queue holds a copy of each").isEqualTo(parked);

        sql("UPDATE " + SCHEMA + ".offer_guard SET blocked = false");
        CliProcess.Result replay = cli.run("replay", FEED, "--run", "1", "--jobs", jobs.toString(), "--profile", "production");

        assertThat(replay.exitCode()).as(replay.out() + replay.err()).isZero();
        assertThat(replay.out()).contains("replayed " + parked + " parked record(s)", "persisted " + valid + ", unchanged 0, parked 0");
        assertThat(count("SELECT COUNT(*) FROM " + SCHEMA + ".offer")).isEqualTo(valid);
        assertThat(count("SELECT COUNT(*) FROM " + SCHEMA + ".fi_parked")).isZero();
        assertThat(queueDepth("fi." + FEED + ".parked")).isZero();
        assertThat(cli.run("runs", "--profile", "production").out()).contains(String.valueOf(valid));
    }

    @Test
    void aWrongBrokerPasswordFailsTheRunAtOnceAndTheSecretAppearsNowhere() throws Exception {
        String canary = "s3cret-canary-" + System.nanoTime();
        CliProcess wrong = new CliProcess(dir.resolve("data"), dir, Map.of(
                "SPRING_DATASOURCE_URL", Postgres.SERVER + "?currentSchema=" + SCHEMA, "SPRING_DATASOURCE_USERNAME", "postgres",
                "SPRING_RABBITMQ_PASSWORD", canary));

        CliProcess.Result result = wrong.run("run", jobs.resolve("offers.yml").toString(), "--file", file.toString(),
                "--json", "--profile", "production");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("the broker refused the login");
        assertThat(result.out() + result.err()).doesNotContain(canary);
        assertThat(Files.readString(dir.resolve("data/feedimport.log"))).doesNotContain(canary);
    }

    private void assertEveryValidRecordStoredOnce(CliProcess.Result result) throws Exception {
        String json = result.lastLine();
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(json).contains("\"status\":\"COMPLETED\"", "\"reconciled\":true");
        assertThat(number(json, "read")).isEqualTo(RECORDS);
        assertThat(number(json, "published")).isEqualTo(valid);
        assertThat(number(json, "persisted") + number(json, "unchanged")).isEqualTo(valid);
        assertThat(number(json, "parked")).isZero();
        assertThat(count("SELECT COUNT(*) FROM " + SCHEMA + ".offer")).isEqualTo(valid);
        assertThat(count("SELECT COUNT(DISTINCT id) FROM " + SCHEMA + ".offer")).isEqualTo(valid);
        assertThat(count("SELECT COUNT(*) FROM " + SCHEMA + ".fi_outcome WHERE run_id = 1")).isEqualTo(valid);
    }

    private CliProcess.Running worker() throws Exception {
        return worker(cli);
    }

    private CliProcess.Running worker(CliProcess cli) throws Exception {
        CliProcess.Running worker = cli.start("worker", "--jobs", jobs.toString(), "--profile", "production");
        started.add(worker.process());
        worker.awaitErr("feedimport worker: consuming", Duration.ofSeconds(60));
        return worker;
    }

    private CliProcess.Running importer() throws Exception {
        CliProcess.Running importer = cli.start("run", jobs.resolve("offers.yml").toString(), "--file", file.toString(),
                "--json", "--profile", "production");
        started.add(importer.process());
        return importer;
    }

    private static CliProcess.Result finish(CliProcess.Running importer) throws Exception {
        assertThat(importer.process().waitFor(5, java.util.concurrent.TimeUnit.MINUTES)).as("importer finished").isTrue();
        return importer.result();
    }

    private void awaitStored(long records) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (storedSoFar() < records) {
            assertThat(System.nanoTime()).as("fewer than " + records + " records stored within 2 minutes").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static long storedSoFar() {
        try {
            return count("SELECT COUNT(*) FROM " + SCHEMA + ".offer");
        } catch (Exception e) {
            return 0;
        }
    }

    private static void rabbitmqctl(String command) throws Exception {
        Process process = new ProcessBuilder("rabbitmqctl", command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as("rabbitmqctl " + command + ": " + output).isZero();
    }

    private static ConnectionFactory broker() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        return factory;
    }

    private static long consumers() throws Exception {
        try (com.rabbitmq.client.Connection connection = broker().newConnection(); Channel channel = connection.createChannel()) {
            return channel.queueDeclarePassive("fi." + FEED).getConsumerCount();
        }
    }

    private static long queueDepth(String queue) throws Exception {
        try (com.rabbitmq.client.Connection connection = broker().newConnection(); Channel channel = connection.createChannel()) {
            return channel.queueDeclarePassive(queue).getMessageCount();
        }
    }

    private static void forgetQueues() throws Exception {
        try (com.rabbitmq.client.Connection connection = broker().newConnection(); Channel channel = connection.createChannel()) {
            for (String queue : List.of("fi." + FEED, "fi." + FEED + ".parked", "fi." + FEED + ".retry.200ms",
                    "fi." + FEED + ".retry.400ms")) {
                channel.queueDelete(queue);
            }
        }
    }
}
