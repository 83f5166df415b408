package io.feedimport.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lock file of an embedded database whose owner was killed is removed before H2 would wait two seconds on it;
 * any sign of a live owner leaves it to H2.
 */
class StaleDatabaseLockTest {

    @TempDir
    Path dir;

    @Test
    void theLockOfAnOwnerKilledWithSigkillIsRemovedAndTheDatabaseOpens() throws Exception {
        Path database = dir.resolve("feedimport");
        Process owner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Holder.class.getName(), database.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(owner.getInputStream()));
            assertThat(out.readLine()).isEqualTo("open");
            assertThat(StaleDatabaseLock.release(database)).as("its owner serves it and holds its file").isFalse();
            assertThat(lockFile(database)).exists();
        } finally {
            owner.destroyForcibly(); // SIGKILL: nothing of H2 runs to clean up
            assertThat(owner.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(lockFile(database)).as("left behind by the kill").exists();
        assertThat(StaleDatabaseLock.release(database)).isTrue();
        assertThat(lockFile(database)).doesNotExist();
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + database + ";AUTO_SERVER=TRUE", "sa", "")) {
            assertThat(connection.createStatement().executeQuery("SELECT COUNT(*) FROM kept").next()).isTrue();
        }
    }

    @Test
    void aLockNamingAPortThatRefusesIsRemoved() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        Path database = lock("server=127.0.0.1:" + closed);

        assertThat(StaleDatabaseLock.release(database)).isTrue();
        assertThat(lockFile(database)).doesNotExist();
    }

    @Test
    void aLockWhoseDatabaseFileIsStillLockedByAProcessIsLeftToH2() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/locks")), "Linux lists its locks");
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        Path database = lock("server=127.0.0.1:" + closed);
        Path file = Files.writeString(Path.of(database + ".mv.db"), "H:2");
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE);
             java.nio.channels.FileLock held = channel.lock()) {

            assertThat(StaleDatabaseLock.release(database)).as("as H2 holds the file it has open").isFalse();
            assertThat(lockFile(database)).exists();
        }
        assertThat(StaleDatabaseLock.release(database)).isTrue();
    }

    @Test
    void aLockWhoseOwnerAnswersIsLeftToH2() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path database = lock("server=127.0.0.1:" + socket.getLocalPort());

            assertThat(StaleDatabaseLock.release(database)).isFalse();
            assertThat(lockFile(database)).exists();
        }
    }

    @Test
    void aLockWithoutAServerOrOfAnotherHostIsLeftToH2() throws IOException {
        Path noServer = lock("");
        Path elsewhere = lock("server=192.0.2.1:9092"); // TEST-NET: never this host

        assertThat(StaleDatabaseLock.release(noServer)).isFalse();
        assertThat(StaleDatabaseLock.release(elsewhere)).isFalse();
        assertThat(lockFile(noServer)).exists();
        assertThat(lockFile(elsewhere)).exists();
        assertThat(StaleDatabaseLock.release(dir.resolve("never-opened"))).isFalse();
    }

    @Test
    void onlyALocalDiskIsTrustedToShowEveryLockOnTheFile() {
        assertThat(java.util.List.of("ext4", "xfs", "btrfs", "tmpfs", "overlay", "NTFS", "apfs"))
                .allMatch(StaleDatabaseLock::onLocalDisk);
        assertThat(java.util.List.of("nfs", "nfs4", "cifs", "smb3", "fuse.sshfs", "9p", "ceph", "virtiofs", ""))
                .noneMatch(StaleDatabaseLock::onLocalDisk);
    }

    private Path lock(String server) throws IOException {
        Path database = dir.resolve("db-" + System.nanoTime());
        Files.writeString(lockFile(database), "#FileLock\nid=18c2a\nmethod=file\n" + server + "\n");
        return database;
    }

    private static Path lockFile(Path database) {
        return Path.of(database + ".lock.db");
    }

    /** Opens the database as the engine does, says so, and holds it until killed. */
    static final class Holder {

        public static void main(String[] args) throws Exception {
            Connection connection = DriverManager.getConnection("jdbc:h2:file:" + args[0] + ";AUTO_SERVER=TRUE", "sa", "");
            connection.createStatement().execute("CREATE TABLE kept (id INT)");
            connection.createStatement().execute("CHECKPOINT"); // on disk before the kill, as a committed chunk is
            System.out.println("open");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
