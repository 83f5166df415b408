package io.feedimport.source;

import java.time.Duration;
import java.util.function.UnaryOperator;

import io.feedimport.feed.SourceDefinition;

/** Opens the drop folder a feed's {@code source} names, with the FTP password read from the environment. */
public final class DropFolders {

    private final UnaryOperator<String> environment;

    /** @param environment looks up an environment variable by name (System::getenv outside tests) */
    public DropFolders(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    public DropFolder open(SourceDefinition source) {
        return open(source, FtpDropFolder.TIMEOUT);
    }

    /** @param ftpTimeout how long an FTP server may take to accept the connection and to answer each command */
    public DropFolder open(SourceDefinition source, Duration ftpTimeout) {
        if (source.location() instanceof SourceDefinition.Ftp ftp) {
            String password = ftp.passwordEnv() == null ? null : environment.apply(ftp.passwordEnv());
            if (ftp.passwordEnv() != null && password == null) {
                throw new DropFolderException("ftp://" + ftp.user() + "@" + ftp.host() + ":" + ftp.port() + ftp.dir()
                        + ": the password is to come from the environment variable " + ftp.passwordEnv() + ", which is not set");
            }
            return new FtpDropFolder(ftp, password, ftpTimeout);
        }
        return new LocalDropFolder(((SourceDefinition.Local) source.location()).dir());
    }
}
