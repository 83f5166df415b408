package io.feedimport.source;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;

import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;

/** A real FTP server (Apache FtpServer) in this JVM on a free loopback port, with one user who may write in its home. */
final class LoopbackFtpServer implements AutoCloseable {

    private final FtpServer server;
    private final UserManager users;
    private final int port;

    private LoopbackFtpServer(FtpServer server, UserManager users, int port) {
        this.server = server;
        this.users = users;
        this.port = port;
    }

    static LoopbackFtpServer start(Path home, String user, String password) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        FtpServerFactory factory = new FtpServerFactory();
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress("127.0.0.1");
        listener.setPort(port);
        factory.addListener("default", listener.createListener());
        UserManager users = new PropertiesUserManagerFactory().createUserManager();
        BaseUser writer = new BaseUser();
        writer.setName(user);
        writer.setPassword(password);
        writer.setHomeDirectory(home.toString());
        writer.setAuthorities(List.of(new WritePermission()));
        users.save(writer);
        factory.setUserManager(users);
        FtpServer server = factory.createServer();
        server.start();
        return new LoopbackFtpServer(server, users, port);
    }

    int port() {
        return port;
    }

    /** Adds a user, e.g. one without write permission. */
    void add(BaseUser user) throws FtpException {
        users.save(user);
    }

    void stop() {
        if (!server.isStopped()) {
            server.stop();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
