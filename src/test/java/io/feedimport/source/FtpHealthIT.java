package io.feedimport.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.Feeds;
import io.feedimport.feed.SourceDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** The FTP health check against a real FTP server (Apache FtpServer) started in this JVM on loopback. */
class FtpHealthIT {

    static final String PASSWORD = "s3cret-health-" + System.nanoTime();
    static final Map<String, String> ENVIRONMENT = Map.of("ERP_PASSWORD", PASSWORD, "WRONG_PASSWORD", "not-" + PASSWORD);

    @TempDir
    Path dir;

    int port;
    LoopbackFtpServer server;

    @BeforeEach
    void startServer() throws Exception {
        Path home = Files.createDirectories(dir.resolve("ftp-home"));
        Files.createDirectories(home.resolve("outgoing"));
        Files.writeString(home.resolve("outgoing/export.xml"), "<feed/>");
        server = LoopbackFtpServer.start(home, "erp", PASSWORD);
        port = server.port();
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    @Test
    void aFolderThatCanBeListedIsUpAndSaysWhereItIs() {
        Health health = health(feed("offers", "ERP_PASSWORD", port));

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("offers", "UP ftp://erp@127.0.0.1:" + port + "/outgoing (1 files)");
    }

    @Test
    void aWrongPasswordIsDownNamingTheFeedAndServerButNeverThePassword() {
        Health health = health(feed("offers", "ERP_PASSWORD", port), feed("contacts", "WRONG_PASSWORD", port));

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("offers")).asString().startsWith("UP ");
        assertThat(health.getDetails().get("contacts")).asString()
                .startsWith("DOWN ftp://erp@127.0.0.1:" + port + "/outgoing: cannot log in: ");
        assertThat(health.getDetails().get("reason")).asString()
                .startsWith("feed contacts: ftp://erp@127.0.0.1:" + port + "/outgoing: cannot log in");
        assertThat(health.toString()).doesNotContain(PASSWORD).doesNotContain("\n");
    }

    @Test
    void aServerThatIsNotThereIsDownWithinTheTimeout() {
        server.stop();

        long started = System.nanoTime();
        Health health = health(feed("offers", "ERP_PASSWORD", port));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("offers")).asString().contains("Connection refused");
    }

    @Test
    void feedsWithoutAnFtpFolderHaveNothingToCheck() {
        assertThat(health().getStatus()).isEqualTo(Status.UP);
    }

    private Health health(FeedDefinition... feeds) {
        return new FtpHealth(new Feeds(List.of(feeds)), new DropFolders(ENVIRONMENT::get), Duration.ofSeconds(2)).health();
    }

    private FeedDefinition feed(String name, String passwordEnv, int serverPort) {
        SourceDefinition source = new SourceDefinition(
                new SourceDefinition.Ftp("127.0.0.1", serverPort, "erp", passwordEnv, "/outgoing", false, true), "*.xml",
                SourceDefinition.Readiness.STABLE, null, SourceDefinition.DEFAULT_IGNORE, SourceDefinition.After.ARCHIVE,
                "archive", "failed", Duration.ofSeconds(1), Duration.ofHours(1));
        return new FeedDefinition(name, dir.resolve(name + ".yml"), null, List.of(), null, null, 500, null, source, null,
                null, null, true);
    }
}
