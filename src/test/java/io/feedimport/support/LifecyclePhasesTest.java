package io.feedimport.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.support.GenericApplicationContext;

class LifecyclePhasesTest {

    /** Boot's web server stops 1024 phases after it stopped taking requests (WebServerStartStopLifecycle). */
    static final int WEB_SERVER = WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 1024;

    @Test
    void pickUpsStopBeforeTheReviewPageWhichStopsBeforeTheWorkers() {
        assertThat(LifecyclePhases.PICKUPS).isGreaterThan(WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE)
                .isLessThan(SmartLifecycle.DEFAULT_PHASE);
        assertThat(LifecyclePhases.WORKERS).isLessThan(WEB_SERVER);
    }

    @Test
    void aContextStartsTheWorkersFirstAndStopsThemLast() {
        List<String> said = new ArrayList<>();
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            context.registerBean("pickups", SmartLifecycle.class, () -> new Part("pickups", LifecyclePhases.PICKUPS, said));
            context.registerBean("web", SmartLifecycle.class, () -> new Part("web", WEB_SERVER, said));
            context.registerBean("workers", SmartLifecycle.class, () -> new Part("workers", LifecyclePhases.WORKERS, said));
            context.refresh();
        }

        assertThat(said).containsExactly("start workers", "start web", "start pickups", "stop pickups", "stop web",
                "stop workers");
    }

    private static final class Part implements SmartLifecycle {
        private final String name;
        private final int phase;
        private final List<String> said;
        private boolean running;

        Part(String name, int phase, List<String> said) {
            this.name = name;
            this.phase = phase;
            this.said = said;
        }

        @Override
        public void start() {
            said.add("start " + name);
            running = true;
        }

        @Override
        public void stop() {
            said.add("stop " + name);
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public int getPhase() {
            return phase;
        }
    }
}
