package io.feedimport.mapping;

/** A message that cannot become a row as it is; retrying will not help, so it is parked. */
public class MappingException extends RuntimeException {

    public MappingException(String message) {
        super(message);
    }
}
