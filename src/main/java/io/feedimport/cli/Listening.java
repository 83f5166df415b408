package io.feedimport.cli;

import java.util.Set;

/**
 * Where a long-running command serves its review page and actuator endpoints: {@code --port N} (0 for any free
 * port) and {@code --bind ADDRESS}, loopback unless told otherwise, so nothing is exposed by accident.
 */
record Listening(String address, int port) {

    static final String PORT = "port";
    static final String BIND = "bind";
    static final Set<String> OPTIONS = Set.of(PORT, BIND);

    /** The address and port the arguments ask for, or null when they give no port and serving is optional. */
    static Listening of(Arguments arguments, Integer defaultPort) {
        String bind = arguments.option(BIND);
        if (arguments.option(PORT) == null && defaultPort == null) {
            if (bind != null) {
                throw new UsageException("--bind needs --port: without a port nothing is served");
            }
            return null;
        }
        int port = arguments.option(PORT) == null ? defaultPort : (int) arguments.number(PORT, 0, 0);
        if (port > 65535) {
            throw new UsageException("--port must be between 0 and 65535, not " + port);
        }
        return new Listening(bind == null ? "127.0.0.1" : bind, port);
    }
}
