package io.feedimport.run;

/** The same run is being executed by a live process; starting it twice would import the file twice at once. */
public class RunInProgressException extends RuntimeException {

    RunInProgressException(String message) {
        super(message);
    }
}
