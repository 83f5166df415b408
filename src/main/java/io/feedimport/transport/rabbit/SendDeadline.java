package io.feedimport.transport.rabbit;

import java.time.Duration;

/** How long one send of a {@link ConfirmingPublisher} may take, outages included, and the failure once it passed. */
record SendDeadline(String name, Duration deadline, long until) {

    static SendDeadline from(String name, Duration deadline) {
        return new SendDeadline(name, deadline, System.nanoTime() + deadline.toNanos());
    }

    boolean passed() {
        return System.nanoTime() > until;
    }

    /** @throws RabbitDeliveryException once the deadline passed, with the last failure seen, if any */
    void check(String lastFailure) {
        if (passed()) {
            throw new RabbitDeliveryException(name + ": messages not confirmed by the broker within " + deadline.toSeconds()
                    + "s" + (lastFailure == null ? "" : " (last failure: " + lastFailure + ")"));
        }
    }
}
