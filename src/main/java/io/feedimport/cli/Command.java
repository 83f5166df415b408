package io.feedimport.cli;

import java.util.Set;

/** One sub-command of the CLI. */
interface Command {

    String name();

    /** One line: the arguments and options, as shown in help. */
    String usage();

    default Set<String> valueOptions() {
        return Set.of();
    }

    default Set<String> flags() {
        return Set.of();
    }

    /** @return the process exit code */
    int run(Arguments arguments);
}
