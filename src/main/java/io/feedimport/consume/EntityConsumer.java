package io.feedimport.consume;

import io.feedimport.mapping.MappingException;
import io.feedimport.mapping.Row;
import io.feedimport.mapping.RowMapper;
import io.feedimport.publish.RecordMessage;
import io.feedimport.store.EntityStore;
import io.feedimport.store.OutcomeLedger;
import io.feedimport.store.RecordOutcome;
import io.feedimport.store.StoreResult;
import io.feedimport.support.Messages;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Maps a record to its entity and upserts it, recording the outcome in the ledger in the same transaction.
 * A redelivered record is upserted again (a no-op when its row is there) but keeps the outcome of its first
 * delivery, so it is counted once. Trusting the ledger alone would not do: an embedded database killed mid-commit
 * has been seen to keep a ledger row whose entity row it lost, and only the upsert brings that entity back.
 */
public final class EntityConsumer implements RecordConsumer {

    private final RowMapper mapper;
    private final EntityStore store;
    private final OutcomeLedger ledger;
    private final TransactionTemplate transaction;

    public EntityConsumer(RowMapper mapper, EntityStore store, OutcomeLedger ledger, TransactionTemplate transaction) {
        this.mapper = mapper;
        this.store = store;
        this.ledger = ledger;
        this.transaction = transaction;
    }

    @Override
    public Outcome consume(RecordMessage message) {
        Row row;
        try {
            row = mapper.map(message);
        } catch (MappingException e) {
            return Outcome.park(e.getMessage());
        }
        try {
            return transaction.execute(status -> {
                StoreResult result = store.upsert(row, message.runId(), message.recordNumber());
                if (!ledger.contains(message.runId(), message.recordNumber())) {
                    ledger.record(message.runId(), message.recordNumber(), RecordOutcome.of(result));
                }
                return Outcome.ack();
            });
        } catch (DuplicateKeyException | TransientDataAccessException | RecoverableDataAccessException
                 | DataAccessResourceFailureException e) {
            // a concurrent insert of the same key, a lock or a lost connection: a later attempt may well pass
            return Outcome.retry(firstLine(e));
        } catch (DataIntegrityViolationException e) {
            // this record's values do not fit the table (too long, out of range): no retry will change that
            return Outcome.park(firstLine(e));
        }
        // any other database error (missing table, no permission, bad SQL) is not this record's fault: it propagates,
        // so the transport fails the chunk instead of parking every record of the file
    }

    private static String firstLine(DataAccessException e) {
        return Messages.firstLine(e.getMostSpecificCause());
    }
}
