package io.feedimport.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed, problem-collecting access to one mapping of a YAML definition. Every accessor records a problem
 * with the full key path instead of throwing, so a user sees all mistakes of a file at once.
 */
final class YamlSection {

    private final String file;
    private final String path;
    private final Map<?, ?> values;
    private final List<DefinitionProblem> problems;

    YamlSection(String file, String path, Map<?, ?> values, List<DefinitionProblem> problems) {
        this.file = file;
        this.path = path;
        this.values = values;
        this.problems = problems;
    }

    String keyPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    void problem(String key, String message) {
        problems.add(new DefinitionProblem(file, key == null ? path : keyPath(key), message));
    }

    void allowOnly(Set<String> allowed) {
        for (Object key : values.keySet()) {
            if (!allowed.contains(String.valueOf(key))) {
                problem(String.valueOf(key), "unknown key; expected one of " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    boolean has(String key) {
        return values.containsKey(key) && values.get(key) != null;
    }

    String string(String key, boolean required) {
        Object value = values.get(key);
        if (value == null) {
            if (required) {
                problem(key, "is required");
            }
            return null;
        }
        if (value instanceof Map || value instanceof List) {
            problem(key, "expected a single value, got a " + (value instanceof Map ? "mapping" : "list"));
            return null;
        }
        return String.valueOf(value);
    }

    Integer integer(String key, int min, int max) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Integer number) || number < min || number > max) {
            problem(key, "expected a whole number from " + min + " to " + max + ", got '" + value + "'");
            return null;
        }
        return number;
    }

    boolean bool(String key) {
        Object value = values.get(key);
        if (value == null) {
            return false;
        }
        if (!(value instanceof Boolean flag)) {
            problem(key, "expected true or false, got '" + value + "'");
            return false;
        }
        return flag;
    }

    List<String> strings(String key, boolean required) {
        Object value = values.get(key);
        if (value == null) {
            if (required) {
                problem(key, "is required");
            }
            return null;
        }
        List<?> items = value instanceof List<?> list ? list : List.of(value);
        List<String> result = new ArrayList<>();
        for (Object item : items) {
            if (item == null || item instanceof Map || item instanceof List) {
                problem(key, "expected a list of plain values");
                return null;
            }
            result.add(String.valueOf(item));
        }
        return result;
    }

    YamlSection section(String key, boolean required) {
        Object value = values.get(key);
        if (value == null) {
            if (required) {
                problem(key, "is required");
            }
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            problem(key, "expected a mapping of keys to values");
            return null;
        }
        return new YamlSection(file, keyPath(key), map, problems);
    }

    Map<?, ?> entries() {
        return values;
    }
}
