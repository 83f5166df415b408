package io.feedimport.support;

import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;

/**
 * The order in which the long-running parts of a process ({@code daemon}, {@code worker}, {@code serve}) start and
 * stop, as {@link SmartLifecycle} phases: the lowest starts first and stops last. Stopping goes from what takes in new
 * work to what finishes it, so nothing is left half done: pick-ups first, then the review page, then the workers;
 * the database and the broker's connections go after all of them, when the context destroys its beans.
 */
public final class LifecyclePhases {

    /**
     * Pick-ups and housekeeping (schedule/). They start new imports, so they start last, once the workers consume and
     * the page serves, and stop first: a pick-up under way finishes its import, which with RabbitMQ needs the workers
     * to consume what it publishes, while no new one begins.
     */
    public static final int PICKUPS = WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE + 512;

    /*
     * Between the two: Spring Boot's web server, the review page with its replays, health and metrics. It stops taking
     * requests at WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE and stops 1024 below that: after the pick-ups,
     * so health answers while they finish, and before the workers, since a replay publishes work for them.
     */

    /**
     * The RabbitMQ workers (transport/rabbit). They finish the work that pick-ups and replays publish, so they start
     * first and stop last, once neither sends them any more.
     */
    public static final int WORKERS = WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 2048;

    private LifecyclePhases() {
    }
}
