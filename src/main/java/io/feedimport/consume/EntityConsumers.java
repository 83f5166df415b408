package io.feedimport.consume;

import io.feedimport.delta.FingerprintLedger;
import io.feedimport.feed.FeedDefinition;
import io.feedimport.mapping.LookupRejectedException;
import io.feedimport.mapping.LookupResolver;
import io.feedimport.mapping.RowMapper;
import io.feedimport.monitoring.FeedMetrics;
import io.feedimport.reference.FeedLookups;
import io.feedimport.reference.ReferenceResolver;
import io.feedimport.reference.Resolution;
import io.feedimport.store.EntityStore;
import io.feedimport.store.EntityWithdrawals;
import io.feedimport.store.EntityTable;
import io.feedimport.run.OutcomeLedger;
import io.feedimport.report.Rejections;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the consumer of a feed, wherever it runs (the importer's in-process transport or a worker): its table
 * ensured, and a transaction whose timeout is the feed's delivery timeout, so a batch stuck on a lock or a slow
 * database ends as a retry instead of holding its messages forever.
 */
public final class EntityConsumers {

    private final JdbcTemplate jdbc;
    private final PlatformTransactionManager transactions;
    private final EntityTable tables;
    private final OutcomeLedger ledger;
    private final FingerprintLedger fingerprints;
    private final Rejections rejections;
    private final FeedLookups lookups;
    private final FeedMetrics metrics;

    public EntityConsumers(JdbcTemplate jdbc, PlatformTransactionManager transactions, EntityTable tables,
                           OutcomeLedger ledger, FingerprintLedger fingerprints, Rejections rejections, FeedLookups lookups,
                           FeedMetrics metrics) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.tables = tables;
        this.ledger = ledger;
        this.fingerprints = fingerprints;
        this.rejections = rejections;
        this.lookups = lookups;
        this.metrics = metrics;
    }

    public RecordConsumer forFeed(FeedDefinition feed) {
        tables.ensure(feed);
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.setTimeout((int) Math.max(1, feed.delivery().timeout().toSeconds()));
        return new EntityConsumer(new RowMapper(feed, lookupsOf(feed)), new EntityStore(jdbc, feed),
                new EntityWithdrawals(jdbc, feed), ledger, fingerprints, rejections, transaction, metrics.watch(feed));
    }

    /** The feed's lookups as the mapper sees them: an id, an empty value, or a rejection with its reason. */
    private LookupResolver lookupsOf(FeedDefinition feed) {
        if (feed.lookups().isEmpty()) {
            return LookupResolver.NONE;
        }
        ReferenceResolver resolver = lookups.resolver(feed);
        return (lookup, raw) -> {
            Resolution resolution = resolver.resolve(lookup, raw);
            if (resolution.isRejected()) {
                throw new LookupRejectedException(resolution.reason());
            }
            return resolution.value();
        };
    }
}
