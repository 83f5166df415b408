package io.feedimport.feed;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.feedimport.support.Messages;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads a feed definition file (jobs/*.yml) and refuses it, with every problem found, before any input is opened. */
public class FeedDefinitionLoader {

    public FeedDefinition load(Path file) {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new InvalidFeedDefinitionException(List.of(new DefinitionProblem(name, "",
                    Files.isDirectory(file) ? "is a directory, expected a feed definition file" : "no such feed definition file")));
        }
        Object document;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            document = yaml().load(reader);
        } catch (MarkedYAMLException e) {
            throw new InvalidFeedDefinitionException(List.of(syntaxProblem(name, e)));
        } catch (YAMLException | IOException e) {
            throw new InvalidFeedDefinitionException(List.of(new DefinitionProblem(name, "", "cannot read: " + firstLine(e.getMessage()))));
        }
        if (!(document instanceof Map<?, ?> root)) {
            throw new InvalidFeedDefinitionException(List.of(new DefinitionProblem(name, "",
                    "expected a mapping with name, format, fields and target")));
        }
        List<DefinitionProblem> problems = new ArrayList<>();
        FeedDefinition definition = new FeedDefinitionParser(new YamlSection(name, "", root, problems)).parse(file);
        if (!problems.isEmpty()) {
            throw new InvalidFeedDefinitionException(problems);
        }
        return definition;
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        return new Yaml(new SafeConstructor(options));
    }

    private static DefinitionProblem syntaxProblem(String file, MarkedYAMLException e) {
        Mark mark = e.getProblemMark();
        String where = mark == null ? "" : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
        String what = e.getProblem() == null ? firstLine(e.getMessage()) : e.getProblem();
        return new DefinitionProblem(file, where, "YAML syntax: " + what);
    }

    private static String firstLine(String message) {
        return message == null ? "unknown error" : Messages.firstLine(message);
    }
}
