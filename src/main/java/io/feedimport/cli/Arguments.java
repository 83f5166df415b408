package io.feedimport.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The positional arguments and {@code --options} of one command, checked against what the command accepts. */
final class Arguments {

    /** Accepted by every command: the Spring profile the engine starts with, such as production. */
    static final String PROFILE = "profile";

    private final List<String> positional = new ArrayList<>();
    private final Map<String, String> options = new HashMap<>();
    private final Hints.Invocation invocation;

    Arguments(List<String> args, Set<String> valueOptions, Set<String> flags, Hints.Invocation invocation) {
        this.invocation = invocation;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                positional.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (flags.contains(name) && value == null) {
                options.put(name, "true");
            } else if (valueOptions.contains(name) || name.equals(PROFILE)) {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException("--" + name + " needs a value");
                    }
                    value = args.get(++i);
                }
                options.put(name, value);
            } else {
                throw new UsageException("unknown option --" + name);
            }
        }
    }

    String positional(int index, String what) {
        if (index >= positional.size()) {
            throw new UsageException("missing " + what);
        }
        return positional.get(index);
    }

    void expectPositionals(int count) {
        if (positional.size() > count) {
            throw new UsageException("unexpected argument '" + positional.get(count) + "'");
        }
    }

    /** The single positional argument, as the run id that `runs` lists. */
    long runId() {
        String text = positional(0, "run id (see: " + hints().command("runs") + ")");
        expectPositionals(1);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new UsageException("a run id is a number, got '" + text + "'");
        }
    }

    /** The commands to suggest, with this command's {@code --profile} and {@code --jobs}. */
    Hints hints() {
        return new Hints(invocation, option(PROFILE), option("jobs"));
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    String option(String name) {
        return options.get(name);
    }

    Path requiredPath(String name) {
        String value = options.get(name);
        if (value == null) {
            throw new UsageException("missing --" + name + " FILE");
        }
        return Path.of(value);
    }

    long number(String name, long fallback, long min) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value.replace("_", ""));
            if (number < min) {
                throw new UsageException("--" + name + " must be at least " + min);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " expects a whole number, got '" + value + "'");
        }
    }

    double decimal(String name, double fallback, double min, double max) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            double number = Double.parseDouble(value);
            if (number < min || number > max) {
                throw new UsageException("--" + name + " must be between " + min + " and " + max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " expects a number, got '" + value + "'");
        }
    }
}
