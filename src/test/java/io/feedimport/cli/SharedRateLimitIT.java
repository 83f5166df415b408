package io.feedimport.cli;

import static io.feedimport.cli.Postgres.count;
import static io.feedimport.cli.Postgres.sql;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code delivery.rateLimit} holds for the feed as a whole, as for a remote API allowing 60 requests per second:
 * two worker processes of two consumers each, the real RabbitMQ, Redis and PostgreSQL of this machine, and the rate
 * of stored records measured over 30 seconds.
 */
class SharedRateLimitIT {

    static final String SCHEMA = "feedimport_rate_it";
    static final int LIMIT = 60;
    static final Duration WINDOW = Duration.ofSeconds(30);

    // unique per run, so the queues and the Redis limiter of a concurrent run of another test cannot be ours
    final String feed = "offers_rate_it_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);

    @TempDir
    Path dir;

    final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopProcesses() throws Exception {
        for (Process process : started) {
            process.destroyForcibly().waitFor();
        }
        forgetQueues();
        new ProcessBuilder("redis-cli", "DEL", "feedimport:rate:" + feed, "{feedimport:rate:" + feed + "}:value",
                "{feedimport:rate:" + feed + "}:permits").start().waitFor();
    }

    @Test
    void twoWorkersOfTwoConsumersEachStoreAtTheFeedsRateTogether() throws Exception {
        // given a feed limited to 60 records/s and an export of far more records than 35 s of that
        sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "CREATE SCHEMA " + SCHEMA);
        Path jobs = Files.createDirectories(dir.resolve("jobs"));
        Files.writeString(jobs.resolve("offers.yml"), Files.readString(FeedImportCliIT.JOB)
                .replace("name: offers", "name: " + feed)
                .replace("  queue: classic", "  rateLimit: " + LIMIT + "/s\n  queue: classic"));
        CliProcess cli = new CliProcess(dir.resolve("data"), dir, Map.of(
                "SPRING_DATASOURCE_URL", Postgres.SERVER + "?currentSchema=" + SCHEMA,
                "SPRING_DATASOURCE_USERNAME", "postgres",
                "SPRING_DATASOURCE_PASSWORD", "",
                "SPRING_RABBITMQ_PASSWORD", "guest"));
        Path file = dir.resolve("offers.xml");
        assertThat(cli.run("generate", "offers", "--records", "4000", "--invalid-percent", "0", "--seed", "8",
                "--out", file.toString()).exitCode()).isZero();

        // when two workers of two consumers each take the feed's queue while the importer publishes it
        worker(cli, jobs);
        worker(cli, jobs);
        assertThat(consumers()).as("both workers consume, 2 consumers each").isEqualTo(4);
        started.add(cli.start("run", jobs.resolve("offers.yml").toString(), "--file", file.toString(), "--profile",
                "production").process());
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (stored() == 0) {
            assertThat(System.nanoTime()).as("nothing stored within 2 minutes").isLessThan(deadline);
            Thread.sleep(100);
        }
        Thread.sleep(5_000); // warm-up: the importer publishing, the workers' first batches

        long before = stored();
        long from = System.nanoTime();
        Thread.sleep(WINDOW.toMillis());
        long after = stored();
        double seconds = (System.nanoTime() - from) / 1e9;
        double rate = (after - before) / seconds;

        // then together they stored at the feed's rate, not at twice or four times it
        System.out.printf(Locale.ROOT, "SharedRateLimitIT: %d records stored in %.1f s by 2 workers x 2 consumers:"
                + " %.1f records/s (limit %d/s)%n", after - before, seconds, rate, LIMIT);
        assertThat(rate).as("records/s over " + WINDOW.toSeconds() + " s").isBetween(LIMIT * 0.9, LIMIT * 1.1);
        assertThat(after).as("the export outlasts the window, so the limit and not the file ends it").isLessThan(3900);
    }

    private void worker(CliProcess cli, Path jobs) throws Exception {
        CliProcess.Running worker = cli.start("worker", "--jobs", jobs.toString(), "--profile", "production");
        started.add(worker.process());
        worker.awaitErr("feedimport worker: consuming", Duration.ofSeconds(120));
    }

    private static long stored() {
        try {
            return count("SELECT COUNT(*) FROM " + SCHEMA + ".offer");
        } catch (Exception e) {
            return 0; // the table appears with the first worker
        }
    }

    private static ConnectionFactory broker() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        return factory;
    }

    private long consumers() throws Exception {
        try (com.rabbitmq.client.Connection connection = broker().newConnection(); Channel channel = connection.createChannel()) {
            return channel.queueDeclarePassive("fi." + feed).getConsumerCount();
        }
    }

    private void forgetQueues() throws Exception {
        try (com.rabbitmq.client.Connection connection = broker().newConnection(); Channel channel = connection.createChannel()) {
            for (String queue : List.of("fi." + feed, "fi." + feed + ".parked", "fi." + feed + ".retry.5000ms",
                    "fi." + feed + ".retry.10000ms", "fi." + feed + ".retry.20000ms", "fi." + feed + ".retry.40000ms")) {
                channel.queueDelete(queue);
            }
            for (String exchange : List.of("fi." + feed, "fi." + feed + ".parked", "fi." + feed + ".retry")) {
                channel.exchangeDelete(exchange);
            }
        }
    }
}
