package io.feedimport.run;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Removes the lock file an embedded database kept from a process killed with {@code kill -9}. H2 takes such a file
 * over by writing its own mark and waiting two seconds to see whether an owner answers: two seconds more before a
 * resumed run's first record. The engine opens H2 with {@code AUTO_SERVER}, so its lock file names the port where the
 * owner serves the database. The file is removed only when the database sits on a local disk, that port is on this
 * host and refuses connections, and no process visible here holds a lock on the database file. In every other case
 * (a network or unknown file system, a lock file without a server, an owner on another host, an answer, a lock still
 * held, a file rewritten meanwhile) it is left to H2's own protocol.
 *
 * <p>"This host" is as far as this process can see: H2 writes {@code localhost} for a port of any interface, and a
 * process in another container that shares the disk hides its port and, from Linux 4.15, its locks. Such an owner
 * still holds the kernel's lock on the database file, which H2 takes on opening it, so the run fails to open the
 * database rather than share it. A network file system may not carry that lock to other hosts, hence the local disk.
 */
public final class StaleDatabaseLock implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Logger log = LoggerFactory.getLogger(StaleDatabaseLock.class);
    private static final int CONNECT_TIMEOUT_MILLIS = 250;
    /** As Java names them ({@code FileStore.type()}) on Linux, macOS and Windows; any other is taken as remote. */
    private static final Set<String> LOCAL_FILE_SYSTEMS = Set.of("ext2", "ext3", "ext4", "xfs",
            "btrfs", "zfs", "f2fs", "jfs", "reiserfs", "tmpfs", "overlay", "apfs", "hfs", "ntfs", "refs");

    /** Before the data source opens: for the embedded database of {@code spring.datasource.url}, if it is one. */
    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String url = context.getEnvironment().getProperty("spring.datasource.url");
        String prefix = "jdbc:h2:file:";
        if (url != null && url.startsWith(prefix)) {
            int options = url.indexOf(';');
            release(Path.of(options < 0 ? url.substring(prefix.length()) : url.substring(prefix.length(), options)));
        }
    }

    /**
     * @param database the database's path as H2 is given it, without {@code .mv.db}
     * @return whether a stale lock file was removed
     */
    static boolean release(Path database) {
        Path lock = Path.of(database + ".lock.db");
        try {
            if (!Files.isRegularFile(lock)) {
                return false;
            }
            FileTime written = Files.getLastModifiedTime(lock);
            Properties owner = read(lock);
            String server = owner.getProperty("server");
            if (!"file".equals(owner.getProperty("method", "file")) || server == null || server.lastIndexOf(':') < 0) {
                return false;
            }
            InetAddress host = InetAddress.getByName(server.substring(0, server.lastIndexOf(':')));
            int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
            Path file = Path.of(database + ".mv.db");
            if (!onLocalDisk(Files.getFileStore(lock).type()) || !onThisHost(host) || answers(host, port)
                    || lockedHere(file)) {
                return false;
            }
            if (!written.equals(Files.getLastModifiedTime(lock)) || !owner.equals(read(lock))) {
                return false; // another process is taking the database over as we look
            }
            Files.delete(lock);
            log.info("removed {}: its owner, serving on {}, is no longer running", lock, server);
            return true;
        } catch (IOException | RuntimeException e) {
            log.debug("left {} to H2", lock, e);
            return false;
        }
    }

    private static Properties read(Path lock) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(lock)) {
            properties.load(in);
        }
        return properties;
    }

    /** Whether a file system of this type is a disk of this host, whose locks every process on it sees. */
    static boolean onLocalDisk(String type) {
        return LOCAL_FILE_SYSTEMS.contains(type.toLowerCase(Locale.ROOT));
    }

    private static boolean onThisHost(InetAddress host) throws IOException {
        return host.isLoopbackAddress() || host.isAnyLocalAddress() || NetworkInterface.getByInetAddress(host) != null;
    }

    /** Whether something listens on the port; a timeout counts as an answer, as nothing can be said of the owner. */
    private static boolean answers(InetAddress host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (ConnectException refused) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * Whether a process of this host holds a lock on the file, as H2 does on its database file while it has it open:
     * Linux lists every such lock in {@code /proc/locks}, by inode. Where there is no such list, only the port tells.
     */
    private static boolean lockedHere(Path file) throws IOException {
        Path locks = Path.of("/proc/locks");
        if (!Files.isRegularFile(file) || !Files.isReadable(locks)) {
            return false;
        }
        String inode = ":" + Files.getAttribute(file, "unix:ino");
        List<String> held = Files.readAllLines(locks);
        // "1: POSIX  ADVISORY  WRITE 4242 fd:01:1234567 0 EOF": the device's major:minor, then the inode
        return held.stream().flatMap(line -> Arrays.stream(line.trim().split("\\s+")))
                .anyMatch(field -> field.endsWith(inode) && field.chars().filter(c -> c == ':').count() == 2);
    }
}
