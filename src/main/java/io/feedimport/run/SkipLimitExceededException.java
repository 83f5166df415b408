package io.feedimport.run;

/** Too many invalid records: the export is probably broken, so the run stops before it does damage. */
public final class SkipLimitExceededException extends RuntimeException {

    public SkipLimitExceededException(String message) {
        super(message);
    }
}
