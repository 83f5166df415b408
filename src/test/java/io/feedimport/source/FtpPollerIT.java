package io.feedimport.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.feedimport.migration.EngineMigrations;
import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.SourceDefinition;
import io.feedimport.report.RunStatus;
import io.feedimport.report.RunSummary;
import io.feedimport.source.FileLedger;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/** The poller against a real FTP server (Apache FtpServer) started in this JVM on loopback. */
class FtpPollerIT {

    static final String PASSWORD = "s3cret-ftp-" + System.nanoTime();

    @TempDir
    Path dir;

    Path home;
    int port;
    LoopbackFtpServer server;
    FileLedger ledger;
    final List<String> imported = new ArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        home = Files.createDirectories(dir.resolve("ftp-home"));
        Files.createDirectories(home.resolve("outgoing"));
        server = LoopbackFtpServer.start(home, "erp", PASSWORD);
        port = server.port();

        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:ftp-poller-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        EngineMigrations.migrate(h2);
        ledger = new FileLedger(new JdbcTemplate(h2), java.time.Clock.systemUTC());
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    @Test
    void aFileUploadedSlowlyIsNotTakenWhileItGrowsAndIsImportedWholeOnceComplete() throws Exception {
        FeedDefinition feed = feed("OFFERS_FTP_PASSWORD");
        // 16 KB a chunk: the server writes through its buffer, so the growth shows in its listing
        byte[] chunk = "<offer id=\"OF-000001\"><title>Къща</title></offer>\n".repeat(300).getBytes(StandardCharsets.UTF_8);
        int chunks = 60;
        CompletableFuture<Void> upload = CompletableFuture.runAsync(() -> uploadSlowly("export.xml", chunk, chunks));

        int pollsDuringUpload = 0;
        while (!upload.isDone()) {
            List<FileEvent> events = poller().poll(feed);
            assertThat(events).extracting(FileEvent::kind).doesNotContain(FileEvent.Kind.IMPORTED, FileEvent.Kind.FAILED);
            pollsDuringUpload++;
            Thread.sleep(700);
        }
        upload.join();
        List<FileEvent> events = List.of();
        for (int poll = 0; poll < 6 && imported.isEmpty(); poll++) {
            Thread.sleep(700);
            events = poller().poll(feed);
        }

        assertThat(pollsDuringUpload).as("the poller ran while the upload went on").isGreaterThanOrEqualTo(3);
        assertThat(events).extracting(FileEvent::kind).containsExactly(FileEvent.Kind.IMPORTED);
        assertThat(imported).hasSize(1);
        assertThat(imported.get(0).getBytes(StandardCharsets.UTF_8)).hasSize(chunk.length * chunks);
        assertThat(home.resolve("outgoing/archive/export.xml")).as("archived on the server").exists();
        assertThat(home.resolve("outgoing/export.xml")).doesNotExist();
        assertThat(poller().poll(feed)).extracting(FileEvent::kind).containsExactly(FileEvent.Kind.NOTHING);
    }

    @Test
    void withAQuietPeriodOnePollTakesAFileUntouchedForAnHourByItsExactTimeButNotOneJustUploaded() throws Exception {
        FeedDefinition feed = feed("OFFERS_FTP_PASSWORD");
        Path finished = Files.writeString(home.resolve("outgoing/finished.xml"), "<feed>whole</feed>");
        // the server lists the time of its local file: MLSD gives it to the second, in UTC
        Files.setLastModifiedTime(finished, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(Duration.ofHours(1))));
        Files.writeString(home.resolve("outgoing/uploading.xml"), "<feed>ha");

        List<FileEvent> events = poller().poll(feed);

        assertThat(events).extracting(FileEvent::file, FileEvent::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("finished.xml", FileEvent.Kind.IMPORTED),
                org.assertj.core.groups.Tuple.tuple("uploading.xml", FileEvent.Kind.WAITING));
        assertThat(imported).containsExactly("<feed>whole</feed>");
    }

    @Test
    void aWrongPasswordAMissingFolderAndAStoppedServerEachGiveOneClearLineWithoutTheSecret() throws Exception {
        FeedDefinition wrongPassword = feed("WRONG_PASSWORD");
        FeedDefinition missingFolder = feed("OFFERS_FTP_PASSWORD", "/nowhere");

        String login = single(poller().poll(wrongPassword));
        String folder = single(poller().poll(missingFolder));
        server.stop();
        String down = single(poller().poll(feed("OFFERS_FTP_PASSWORD")));

        String where = "ftp://erp@127.0.0.1:" + port;
        assertThat(login).startsWith(where + "/outgoing: cannot log in: ").containsIgnoringCase("login");
        assertThat(folder).isEqualTo(where + "/nowhere: no such folder on the server");
        assertThat(down).startsWith(where + "/outgoing: cannot log in: ").contains("Connection refused");
        assertThat(List.of(login, folder, down)).noneMatch(line -> line.contains(PASSWORD) || line.contains("\n"));
    }

    @Test
    void aServerThatRefusesTheArchiveStepImportsOnceAndSaysWhyTheFileStays() throws Exception {
        // a user who may read but not write: the ERP's folder is often shared like that
        BaseUser reader = new BaseUser();
        reader.setName("reader");
        reader.setPassword(PASSWORD);
        reader.setHomeDirectory(home.toString());
        server.add(reader);
        Files.writeString(home.resolve("outgoing/export.xml"), "<feed/>");
        FeedDefinition feed = feed("OFFERS_FTP_PASSWORD", "/outgoing", "reader");
        poller().poll(feed);
        Thread.sleep(1100);

        List<FileEvent> events = poller().poll(feed);
        Thread.sleep(1100);
        List<FileEvent> again = poller().poll(feed);

        assertThat(events).extracting(FileEvent::kind).containsExactly(FileEvent.Kind.IMPORTED, FileEvent.Kind.ERROR);
        assertThat(events.get(1).detail()).startsWith("ftp://reader@127.0.0.1:" + port + "/outgoing: cannot move export.xml to"
                + " /outgoing/archive").endsWith("Server replied with: 553 No permission to rename.");
        assertThat(again).extracting(FileEvent::kind).as("tried again, never imported again").containsExactly(FileEvent.Kind.ERROR);
        assertThat(imported).hasSize(1);
    }

    private String single(List<FileEvent> events) {
        assertThat(events).extracting(FileEvent::kind).containsExactly(FileEvent.Kind.ERROR);
        return events.get(0).detail();
    }

    private Poller poller() {
        DropFolders folders = new DropFolders(name -> switch (name) {
            case "OFFERS_FTP_PASSWORD" -> PASSWORD;
            case "WRONG_PASSWORD" -> "not-" + PASSWORD;
            default -> null;
        });
        return new Poller(folders::open, ledger, this::importFile, dir.resolve("incoming"));
    }

    private RunSummary importFile(FeedDefinition feed, Path file, String sha256) {
        try {
            imported.add(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new RunSummary(imported.size(), feed.name(), file.toString(), RunStatus.COMPLETED, 1, 0, 1, 0, 1, 0, 0, 0, 5,
                OffsetDateTime.now(), null);
    }

    private FeedDefinition feed(String passwordEnv) {
        return feed(passwordEnv, "/outgoing");
    }

    private FeedDefinition feed(String passwordEnv, String folder) {
        return feed(passwordEnv, folder, "erp");
    }

    private FeedDefinition feed(String passwordEnv, String folder, String user) {
        SourceDefinition source = new SourceDefinition(
                new SourceDefinition.Ftp("127.0.0.1", port, user, passwordEnv, folder, false, true), "*.xml",
                SourceDefinition.Readiness.STABLE, null, SourceDefinition.DEFAULT_IGNORE, SourceDefinition.After.ARCHIVE,
                "archive", "failed", Duration.ofSeconds(1), Duration.ofHours(1), Duration.ofMinutes(2));
        return new FeedDefinition("offers", dir.resolve("offers.yml"), null, List.of(), null, null, 500, null, source, null, null, null, true);
    }

    /** An ERP uploading a large export over a slow line: a chunk every 50 ms, each flushed to the server. */
    private void uploadSlowly(String name, byte[] chunk, int chunks) {
        FTPClient client = new FTPClient();
        try {
            client.connect("127.0.0.1", port);
            client.login("erp", PASSWORD);
            client.enterLocalPassiveMode();
            client.setFileType(FTP.BINARY_FILE_TYPE);
            try (OutputStream out = client.storeFileStream("/outgoing/" + name)) {
                for (int i = 0; i < chunks; i++) {
                    out.write(chunk);
                    out.flush();
                    Thread.sleep(50);
                }
            }
            if (!client.completePendingCommand()) {
                throw new IllegalStateException("upload not completed: " + client.getReplyString());
            }
            client.logout();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                client.disconnect();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
