package io.feedimport.transport;

import io.feedimport.consume.EntityConsumer;
import io.feedimport.consume.RetryPolicy;
import io.feedimport.feed.FeedDefinition;
import io.feedimport.mapping.RowMapper;
import io.feedimport.publish.ParkingLot;
import io.feedimport.publish.PublisherFactory;
import io.feedimport.publish.RecordPublisher;
import io.feedimport.store.EntityStore;
import io.feedimport.store.OutcomeLedger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires, per run, the in-process transport to a consumer that upserts the feed's entities. */
public final class InProcessPublisherFactory implements PublisherFactory {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final OutcomeLedger ledger;
    private final ParkingLot parkingLot;
    private final RetryPolicy retryPolicy;
    private final int concurrency;

    public InProcessPublisherFactory(JdbcTemplate jdbc, TransactionTemplate transaction, OutcomeLedger ledger,
                                     ParkingLot parkingLot, RetryPolicy retryPolicy, int concurrency) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.ledger = ledger;
        this.parkingLot = parkingLot;
        this.retryPolicy = retryPolicy;
        this.concurrency = concurrency;
    }

    @Override
    public RecordPublisher open(FeedDefinition feed) {
        EntityConsumer consumer = new EntityConsumer(new RowMapper(feed), new EntityStore(jdbc, feed), ledger, transaction);
        return new InProcessTransport(consumer, parkingLot, retryPolicy, concurrency);
    }
}
