package io.feedimport.source;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.feedimport.feed.SourceDefinition;
import io.feedimport.support.Messages;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPFile;
import org.springframework.integration.ftp.session.AbstractFtpSessionFactory;
import org.springframework.integration.ftp.session.DefaultFtpSessionFactory;
import org.springframework.integration.ftp.session.DefaultFtpsSessionFactory;
import org.springframework.integration.ftp.session.FtpSession;

/**
 * A drop folder on an FTP or explicit FTPS server, through Spring Integration's FTP sessions. One session (one
 * login) per poll, opened on first use. Messages name the server as {@code ftp://user@host:port/dir}: never the
 * password, which comes from the environment variable the feed names.
 */
public final class FtpDropFolder implements DropFolder {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final SourceDefinition.Ftp ftp;
    private final AbstractFtpSessionFactory<? extends FTPClient> sessions;
    private FtpSession session;

    public FtpDropFolder(SourceDefinition.Ftp ftp, String password) {
        this(ftp, password, TIMEOUT);
    }

    /** @param timeout for connecting, and for each reply and data transfer after that */
    public FtpDropFolder(SourceDefinition.Ftp ftp, String password, Duration timeout) {
        this.ftp = ftp;
        int timeoutMs = (int) timeout.toMillis();
        this.sessions = ftp.secure() ? new DefaultFtpsSessionFactory() : new DefaultFtpSessionFactory();
        sessions.setHost(ftp.host());
        sessions.setPort(ftp.port());
        sessions.setUsername(ftp.user());
        sessions.setPassword(password == null ? "" : password);
        sessions.setClientMode(ftp.passive() ? FTPClient.PASSIVE_LOCAL_DATA_CONNECTION_MODE : FTPClient.ACTIVE_LOCAL_DATA_CONNECTION_MODE);
        sessions.setFileType(FTPClient.BINARY_FILE_TYPE);
        sessions.setConnectTimeout(timeoutMs);
        sessions.setDefaultTimeout(timeoutMs);
        sessions.setDataTimeout(timeoutMs);
    }

    @Override
    public String describe() {
        return "ftp" + (ftp.secure() ? "s" : "") + "://" + ftp.user() + "@" + ftp.host() + ":" + ftp.port() + ftp.dir();
    }

    /**
     * Lists with MLSD when the server offers it (RFC 3659: exact times in UTC), else with LIST, whose times are
     * minutes in the server's own time zone, parsed as if they were this machine's: such times only tell a change
     * from one poll to the next, never how old a file is.
     */
    @Override
    public List<DroppedFile> list() {
        try {
            FTPClient client = session().getClientInstance();
            boolean exact = client.hasFeature("MLST");
            FTPFile[] entries = exact ? client.mlistDir(ftp.dir()) : session().list(ftp.dir());
            if (entries == null || entries.length == 0 && !session().exists(ftp.dir())) {
                throw new DropFolderException(describe() + ": no such folder on the server");
            }
            List<DroppedFile> files = new ArrayList<>();
            for (FTPFile entry : entries) {
                if (entry != null && entry.isFile()) {
                    Instant modified = entry.getTimestamp() == null ? Instant.EPOCH : entry.getTimestamp().toInstant();
                    files.add(new DroppedFile(entry.getName(), entry.getSize(), modified,
                            exact && entry.getTimestamp() != null));
                }
            }
            return files;
        } catch (IOException e) {
            throw failure("cannot list the folder", e);
        }
    }

    @Override
    public void read(String name, OutputStream target) {
        try {
            session().read(path(name), target);
        } catch (IOException e) {
            throw failure("cannot download " + name, e);
        }
    }

    @Override
    public void moveTo(String name, String folder) {
        String destination = folder.startsWith("/") ? folder : path(folder);
        try {
            if (!session().exists(destination)) {
                session().mkdir(destination);
            }
            session().rename(path(name), destination + "/" + name);
        } catch (IOException e) {
            throw failure("cannot move " + name + " to " + destination, e);
        }
    }

    @Override
    public void delete(String name) {
        try {
            if (!session().remove(path(name))) {
                throw new DropFolderException(describe() + ": cannot delete " + name + ": the server refused ("
                        + session().getClientInstance().getReplyString().trim() + ")");
            }
        } catch (IOException e) {
            throw failure("cannot delete " + name, e);
        }
    }

    @Override
    public void close() {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    private String path(String name) {
        return (ftp.dir().endsWith("/") ? ftp.dir() : ftp.dir() + "/") + name;
    }

    private FtpSession session() {
        if (session == null || !session.isOpen()) {
            try {
                session = sessions.getSession();
            } catch (RuntimeException e) {
                throw failure("cannot log in", e);
            }
        }
        return session;
    }

    /** The reason the server or the network gave, innermost first; commons-net never puts the password in it. */
    private DropFolderException failure(String what, Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = Messages.firstLine(root);
        return new DropFolderException(describe() + ": " + what + ": " + reason, e);
    }
}
