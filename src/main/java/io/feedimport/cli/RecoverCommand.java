package io.feedimport.cli;

import java.io.PrintStream;

import io.feedimport.run.RunRecovery;

/** {@code recover RUN_ID}: marks a run whose process was lost as failed, so the next run of its file resumes it. */
final class RecoverCommand implements Command {

    private final PrintStream out;

    RecoverCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public String name() {
        return "recover";
    }

    @Override
    public String usage() {
        return "recover RUN_ID                        mark a run whose process was lost (other host, container) failed";
    }

    @Override
    public int run(Arguments arguments) {
        long runId = arguments.runId();
        try (EngineContext engine = EngineContext.start(arguments)) {
            out.println(engine.bean(RunRecovery.class).markFailed(runId));
            return ExitCode.OK;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
