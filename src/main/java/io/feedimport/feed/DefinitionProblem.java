package io.feedimport.feed;

/** One thing wrong with a feed definition: the file, the key path inside it and what was expected. */
public record DefinitionProblem(String file, String key, String message) {

    @Override
    public String toString() {
        return file + ": " + (key.isEmpty() ? "" : key + ": ") + message;
    }
}
