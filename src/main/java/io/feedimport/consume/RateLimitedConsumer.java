package io.feedimport.consume;

import java.util.ArrayList;
import java.util.List;

import io.feedimport.publish.RecordMessage;

/**
 * Applies a feed's rate limit in front of its consumer, per record: a batch is handed on a slice at a time, each slice
 * only once the limit granted one permit per record in it, so the limit is charged just before the records' lookups
 * and upserts, and a batch of 500 is spread out instead of stored at once. A slice is a tenth of a second's worth.
 */
public final class RateLimitedConsumer implements RecordConsumer {

    private final RecordConsumer consumer;
    private final RateLimit limit;
    private final int slice;

    public RateLimitedConsumer(RecordConsumer consumer, RateLimit limit, int perSecond) {
        this.consumer = consumer;
        this.limit = limit;
        this.slice = Math.max(1, perSecond / 10);
    }

    @Override
    public List<Outcome> consume(List<RecordMessage> batch) {
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        for (int from = 0; from < batch.size(); from += slice) {
            List<RecordMessage> part = batch.subList(from, Math.min(batch.size(), from + slice));
            try {
                limit.acquire(part.size());
            } catch (InterruptedException e) {
                // the transport requeues the whole batch; records already stored are found unchanged next time
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the rate limit", e);
            }
            outcomes.addAll(consumer.consume(part));
        }
        return outcomes;
    }
}
