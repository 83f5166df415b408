package io.feedimport.feed;

import java.util.List;
import java.util.stream.Collectors;

/** A feed definition that cannot be used; carries every problem found, one line each. */
public class InvalidFeedDefinitionException extends RuntimeException {

    private final List<DefinitionProblem> problems;

    public InvalidFeedDefinitionException(List<DefinitionProblem> problems) {
        super(problems.stream().map(DefinitionProblem::toString).collect(Collectors.joining(System.lineSeparator())));
        this.problems = List.copyOf(problems);
    }

    public List<DefinitionProblem> problems() {
        return problems;
    }
}
