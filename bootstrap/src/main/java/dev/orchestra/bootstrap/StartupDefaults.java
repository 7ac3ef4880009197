package dev.orchestra.bootstrap;

import dev.orchestra.domain.shared.StoreFull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Defaults written at start-up (templates, preferences). A full store must not keep the service from
 * starting: reads still work and health says why, so the defaults wait for the next start.
 */
final class StartupDefaults {
    private static final Logger LOG = LoggerFactory.getLogger(StartupDefaults.class);

    private StartupDefaults() {
    }

    static void create(String what, Runnable create) {
        try {
            create.run();
        } catch (StoreFull e) {
            LOG.warn("{} not created at start-up: {}; they are created at the next start", what, e.getMessage());
        }
    }
}
