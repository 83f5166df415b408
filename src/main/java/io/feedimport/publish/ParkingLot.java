package io.feedimport.publish;


/** Where messages that cannot be processed are kept, counted and reviewable, instead of being dropped. */
public interface ParkingLot {

    void park(RecordMessage message, String reason, int attempts);
}
