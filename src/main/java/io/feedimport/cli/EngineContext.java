package io.feedimport.cli;

import io.feedimport.FeedImportApplication;
import io.feedimport.run.AbsoluteDataDirectory;
import io.feedimport.support.Messages;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the engine's Spring context for the commands that need the database, and only for them. */
final class EngineContext implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private EngineContext(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** @throws EngineUnavailableException when the engine cannot start, typically because its database is unreachable */
    static EngineContext start(Arguments arguments) {
        String profile = arguments.option(Arguments.PROFILE);
        try {
            return new EngineContext(new SpringApplicationBuilder(FeedImportApplication.class)
                    .profiles(profile == null ? new String[0] : profile.split(","))
                    .web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .registerShutdownHook(false)
                    .initializers(new AbsoluteDataDirectory())
                    .run());
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new EngineUnavailableException("cannot start: " + Messages.firstLine(root)
                    + " (details in the log file under feedimport.data-dir)", e);
        }
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
