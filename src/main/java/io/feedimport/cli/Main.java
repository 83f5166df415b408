package io.feedimport.cli;

/**
 * The process's entry point. It lives in the CLI, not beside the Spring configuration, so that the root package
 * (which the CLI starts) imports nothing from the CLI.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(new FeedImportCli(System.out, System.err).execute(args));
    }
}
