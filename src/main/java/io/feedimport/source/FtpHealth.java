package io.feedimport.source;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.feed.Feeds;
import io.feedimport.feed.SourceDefinition;
import io.feedimport.support.Messages;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether each FTP drop folder of the process's feeds can be reached: log in and list the folder, with a short
 * timeout. The details say, per feed, where it is ({@code ftp://user@host:port/dir}) or why it cannot be reached;
 * never the password, which only the FTP session sees. Feeds with local folders, or none, are not listed.
 */
public final class FtpHealth implements HealthIndicator {

    private final Feeds feeds;
    private final DropFolders folders;
    private final Duration timeout;

    public FtpHealth(Feeds feeds, DropFolders folders, Duration timeout) {
        this.feeds = feeds;
        this.folders = folders;
        this.timeout = timeout;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        String firstFailure = null;
        for (FeedDefinition feed : feeds.all()) {
            SourceDefinition source = feed.pickup();
            if (source == null || !(source.location() instanceof SourceDefinition.Ftp)) {
                continue;
            }
            String outcome;
            try (DropFolder folder = folders.open(source, timeout)) {
                int files = folder.list().size();
                outcome = "UP " + folder.describe() + " (" + files + " files)";
            } catch (RuntimeException e) {
                // DropFolderException says where and why in one line, without the password
                outcome = "DOWN " + Messages.firstLine(e);
                firstFailure = firstFailure == null ? "feed " + feed.name() + ": " + Messages.firstLine(e) : firstFailure;
            }
            details.put(feed.name(), outcome);
        }
        if (details.isEmpty()) {
            return Health.up().withDetail("feeds", "no FTP drop folders").build();
        }
        if (firstFailure != null) {
            return Health.down().withDetail("reason", firstFailure).withDetails(details).build();
        }
        return Health.up().withDetails(details).build();
    }
}
