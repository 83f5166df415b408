package io.feedimport.cli;

import java.util.ArrayList;
import java.util.List;

import io.feedimport.FeedImportApplication;
import io.feedimport.feed.Feeds;
import io.feedimport.run.AbsoluteDataDirectory;
import io.feedimport.run.EmbeddedCompaction;
import io.feedimport.run.StaleDatabaseLock;
import io.feedimport.support.Messages;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the engine's Spring context for the commands that need the database, and only for them. */
final class EngineContext implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private EngineContext(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** @throws EngineUnavailableException when the engine cannot start, typically because its database is unreachable */
    static EngineContext start(Arguments arguments) {
        return start(arguments, Feeds.NONE, null, List.of(), context -> { });
    }

    /**
     * Starts the engine for a long-running command: with {@code listening}, it also serves the review page and the
     * actuator endpoints there; {@code feeds} are the definitions the command was given. Its long-running parts are
     * lifecycle beans, which start with the context and stop when it is closed.
     *
     * @param switches properties ({@code name=value}) that switch those parts on, such as
     *                 {@link io.feedimport.schedule.ScheduleConfiguration#DAEMON}
     * @param setUp    runs once the profiles and their settings are known, before any bean is made: it registers what
     *                 the command hands the engine, or refuses with a {@link UsageException} what it cannot do there
     */
    static EngineContext start(Arguments arguments, Feeds feeds, Listening listening, List<String> switches,
                               ApplicationContextInitializer<ConfigurableApplicationContext> setUp) {
        String profile = arguments.option(Arguments.PROFILE);
        // command-line properties outrank application.yml, whose default keeps every other command off the web
        List<String> properties = new ArrayList<>();
        if (listening != null) {
            properties.addAll(List.of("--spring.main.web-application-type=servlet", "--server.address=" + listening.address(),
                    "--server.port=" + listening.port()));
        }
        switches.forEach(property -> properties.add("--" + property));
        try {
            return new EngineContext(new SpringApplicationBuilder(FeedImportApplication.class)
                    .profiles(profile == null ? new String[0] : profile.split(","))
                    .web(listening == null ? WebApplicationType.NONE : WebApplicationType.SERVLET)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .registerShutdownHook(false)
                    .initializers(new AbsoluteDataDirectory(), new StaleDatabaseLock(),
                            context -> context.getBeanFactory().registerSingleton("feeds", feeds), setUp)
                    .run(properties.toArray(String[]::new)));
        } catch (UsageException e) {
            throw e;
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            if (listening != null && root instanceof java.net.BindException) {
                throw new EngineUnavailableException("cannot serve on " + listening.address() + ":" + listening.port() + ": "
                        + root.getMessage() + " (another process listens there: choose another --port)", e);
            }
            throw new EngineUnavailableException("cannot start: " + Messages.firstLine(root)
                    + " (details in the log file under feedimport.data-dir)", e);
        }
    }

    /**
     * For a set-up: refuses a command that consumes RabbitMQ queues in a process whose transport is another. Said
     * before anything starts, so a daemon never picks up a file it then has no workers for.
     */
    static void requireBroker(ConfigurableApplicationContext context, String why) {
        if (!"rabbitmq".equals(context.getEnvironment().getProperty("feedimport.transport"))) {
            throw new UsageException(why);
        }
    }

    /** The port the web server listens on, when one was started (useful with {@code --port 0}). */
    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /**
     * For a command that imported and is about to end: rewrites the embedded database if its imports left it mostly
     * garbage, and says so on {@code err}, since it makes the command take longer. Nothing may use the database after.
     */
    void compactEmbeddedDatabase(java.io.PrintStream err) {
        bean(EmbeddedCompaction.class).compactIfMostlyGarbage().ifPresent(done -> err.println("feedimport: " + done.describe()));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
