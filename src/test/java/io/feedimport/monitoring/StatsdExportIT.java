package io.feedimport.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.feedimport.FeedImportApplication;
import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.FeedDefinitionLoader;
import io.feedimport.report.RunStatus;
import io.feedimport.report.RunSummary;
import io.feedimport.run.ImportRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A one-shot run pushing its metrics to StatsD, switched on by configuration alone: the lines the real StatsD
 * registry sends arrive on a UDP socket of the test, on loopback.
 */
class StatsdExportIT {

    @TempDir
    Path data;

    @Test
    void aRunWithStatsdSwitchedOnPushesItsCountsBeforeTheProcessEnds() throws Exception {
        try (DatagramSocket statsd = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            statsd.setSoTimeout(200);
            RunSummary run;
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(FeedImportApplication.class)
                    .web(WebApplicationType.NONE)
                    .run("--feedimport.data-dir=" + data, "--management.statsd.metrics.export.enabled=true",
                            "--management.statsd.metrics.export.host=127.0.0.1",
                            "--management.statsd.metrics.export.port=" + statsd.getLocalPort(),
                            "--management.statsd.metrics.export.flavor=datadog")) {
                run = context.getBean(ImportRunner.class).run(feed(), Files.copy(
                        Path.of("src/test/resources/feeds/small-offers.xml"), data.resolve("pushed.xml")));
            }
            // closing the context is what a one-shot command does last; what was buffered must be sent by then
            List<String> lines = receive(statsd);

            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
            String feed = "statistic:count,feed:pushed";
            assertThat(sum(lines, "feedimport.records.read", feed)).isEqualTo(run.read());
            assertThat(sum(lines, "feedimport.records.published", feed)).isEqualTo(run.published());
            assertThat(sum(lines, "feedimport.records.persisted", feed)).isEqualTo(run.persisted());
            assertThat(sum(lines, "feedimport.records.skipped", feed + ",field:price,rule:min")).isEqualTo(1);
            assertThat(lines).anyMatch(line -> line.matches("feedimport\\.upsert:[0-9.]+\\|ms\\|#feed:pushed"));
            assertThat(lines).contains("feedimport.queue.depth:0|g|#statistic:value,feed:pushed,queue:main");
        }
    }

    /** A counter's increments, each sent as a line of its own as it happens (DogStatsD format). */
    private static long sum(List<String> lines, String counter, String tags) {
        String prefix = counter + ":";
        String suffix = "|c|#" + tags;
        return lines.stream().filter(line -> line.startsWith(prefix) && line.endsWith(suffix))
                .mapToLong(line -> Long.parseLong(line.substring(prefix.length(), line.length() - suffix.length())))
                .sum();
    }

    private static List<String> receive(DatagramSocket socket) throws IOException {
        List<String> lines = new ArrayList<>();
        byte[] buffer = new byte[65_536];
        while (true) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                return lines;
            }
            new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8).lines().forEach(lines::add);
        }
    }

    private FeedDefinition feed() throws IOException {
        Path yaml = Files.writeString(data.resolve("pushed.yml"), Files.readString(Path.of("jobs/offers-xml.yml"))
                .replace("name: offers", "name: pushed").replace("table: offer", "table: pushed")
                .replace("skipLimit: 10%", "skipLimit: 50%"));
        return new FeedDefinitionLoader().load(yaml);
    }
}
