package io.feedimport.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.feedimport.feed.DefinitionProblem;
import io.feedimport.feed.InvalidFeedDefinitionException;
import io.feedimport.read.InputException;
import io.feedimport.run.RunInProgressException;
import io.feedimport.store.TargetTableException;

/**
 * Dispatches the command line to a command and turns every error a user can cause into one clear line and
 * the documented exit code. Only genuine bugs print a stack trace.
 */
public final class FeedImportCli {

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, Command> commands = new LinkedHashMap<>();
    private final Hints.Invocation invocation;

    public FeedImportCli(PrintStream out, PrintStream err) {
        this(out, err, System.getProperties());
    }

    /** @param system the JVM's system properties: they say how this process was started, for the hints it prints */
    FeedImportCli(PrintStream out, PrintStream err, Properties system) {
        this.out = out;
        this.err = err;
        this.invocation = Hints.Invocation.of(system,
                name -> commands.containsKey(name) && commands.get(name).valueOptions().contains("jobs"));
        for (Command command : List.of(new RunCommand(out, err), new ValidateCommand(out, err), new ReportCommand(out, err),
                new RunsCommand(out), new RecoverCommand(out), new PruneCommand(out), new WorkerCommand(err), new ParkedCommand(out), new ReplayCommand(out),
                HeldRunCommand.release(out), HeldRunCommand.discard(out),
                new PollCommand(out, err), new FilesCommand(out), new DaemonCommand(err), new ServeCommand(err), new CacheCommand(out),
                new GenerateCommand(out), new BenchParseCommand(out))) {
            commands.put(command.name(), command);
        }
    }

    public int execute(String... args) {
        if (args.length == 0 || List.of("help", "--help", "-h").contains(args[0])) {
            printHelp(args.length == 0 ? err : out);
            return args.length == 0 ? ExitCode.USAGE : ExitCode.OK;
        }
        Command command = commands.get(args[0]);
        if (command == null) {
            err.println("feedimport: unknown command '" + args[0] + "'");
            printHelp(err);
            return ExitCode.USAGE;
        }
        try {
            List<String> rest = Arrays.asList(args).subList(1, args.length);
            return command.run(new Arguments(rest, command.valueOptions(), command.flags(), invocation));
        } catch (UnknownNameException e) {
            err.println("feedimport " + command.name() + ": " + e.getMessage());
            return ExitCode.USAGE;
        } catch (UsageException e) {
            err.println("feedimport " + command.name() + ": " + e.getMessage());
            err.println("usage: feedimport " + command.usage());
            return ExitCode.USAGE;
        } catch (InvalidFeedDefinitionException e) {
            for (DefinitionProblem problem : e.problems()) {
                err.println("feedimport: invalid feed definition: " + problem);
            }
            return ExitCode.USAGE;
        } catch (TargetTableException e) {
            err.println("feedimport: " + e.getMessage());
            return ExitCode.USAGE;
        } catch (InputException e) {
            err.println("feedimport: " + e.getMessage());
            return e.unreadable() ? ExitCode.USAGE : ExitCode.FAILED;
        } catch (RunInProgressException | EngineUnavailableException e) {
            err.println("feedimport: " + e.getMessage());
            return ExitCode.FAILED;
        } catch (RuntimeException e) {
            err.println("feedimport: internal error, please report it with the trace below: " + e);
            e.printStackTrace(err);
            return ExitCode.FAILED;
        }
    }

    private void printHelp(PrintStream stream) {
        stream.println("feedimport: streaming, restartable, accountable imports of ERP/CRM feeds");
        stream.println("usage:");
        commands.values().stream().filter(c -> !c.name().startsWith("bench"))
                .forEach(c -> stream.println("  feedimport " + c.usage()));
        stream.println("exit codes: 0 completed and reconciled, 1 run failed, not reconciled or parked records, 2 bad usage,"
                + " definition or input, or a feed or run that does not exist");
    }
}
