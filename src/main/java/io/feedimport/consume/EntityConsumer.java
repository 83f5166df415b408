package io.feedimport.consume;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.feedimport.mapping.MappingException;
import io.feedimport.mapping.RowMapper;
import io.feedimport.monitoring.FeedMeters;
import io.feedimport.monitoring.FeedMetrics;
import io.feedimport.publish.RecordMessage;
import io.feedimport.store.EntityStore;
import io.feedimport.run.OutcomeLedger;
import io.feedimport.run.RecordOutcome;
import io.feedimport.report.Rejections;
import io.feedimport.store.StoreResult;
import io.feedimport.support.Messages;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PermissionDeniedDataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Maps a batch of records to entities and upserts them in one transaction, recording each outcome in the ledger in
 * that transaction. A redelivered record is upserted again (a no-op when its row is there) but keeps the outcome of
 * its first delivery, so it is counted once; trusting the ledger alone would not do, because an embedded database
 * killed mid-commit has been seen to keep a ledger row whose entity row it lost.
 *
 * <p>A record that can never be stored (a value the mapping or the table refuses) is rejected into the skip report;
 * a record that fails for a reason that may pass (a lock, a serialization conflict) is retried. Either way, when the
 * batch fails on one record, it is split until the culprit is alone, so its neighbours pass and one bad record never
 * takes its batch to the parking lot. {@code delivery.timeout} is per record: a batch does not wait for rows other
 * transactions hold locked but stores them afterwards one at a time, each waiting at most the timeout, and a lookup
 * that outlives the timeout makes only its record retry. A database out of reach fails the whole batch, unsplit, with
 * {@link DatabaseUnavailableException}: the transport holds it until the database answers, and no attempt is spent.
 *
 * <p>Mapping and upsert are timed once per batch. Outcomes are counted in the metrics after their transaction
 * commits, and only those the ledger took: a redelivered record, already accounted for, counts nothing again.
 */
public final class EntityConsumer implements RecordConsumer {

    private final RowMapper mapper;
    private final EntityStore store;
    private final OutcomeLedger ledger;
    private final Rejections rejections;
    private final TransactionTemplate transaction;
    private final FeedMeters meters;

    public EntityConsumer(RowMapper mapper, EntityStore store, OutcomeLedger ledger, Rejections rejections,
                          TransactionTemplate transaction) {
        this(mapper, store, ledger, rejections, transaction, FeedMetrics.none().feed("-"));
    }

    public EntityConsumer(RowMapper mapper, EntityStore store, OutcomeLedger ledger, Rejections rejections,
                          TransactionTemplate transaction, FeedMeters meters) {
        this.mapper = mapper;
        this.store = store;
        this.ledger = ledger;
        this.rejections = rejections;
        this.transaction = transaction;
        this.meters = meters;
    }

    @Override
    public List<Outcome> consume(List<RecordMessage> batch) {
        List<Outcome> outcomes = new ArrayList<>(Collections.nCopies(batch.size(), (Outcome) null));
        List<EntityStore.Upsert> upserts = new ArrayList<>(batch.size());
        List<Integer> positions = new ArrayList<>(batch.size());
        long mappingStarted = System.nanoTime();
        for (int i = 0; i < batch.size(); i++) {
            RecordMessage message = batch.get(i);
            try {
                upserts.add(new EntityStore.Upsert(mapper.map(message), message.runId(), message.recordNumber()));
                positions.add(i);
            } catch (MappingException e) {
                outcomes.set(i, reject(message, e.rule(), e.field(), e.value(), e.getMessage()));
            } catch (RuntimeException e) {
                // a lookup reads the reference table: a database out of reach is an outage here too
                if (DatabaseUnavailableException.isOutage(e)) {
                    throw new DatabaseUnavailableException(e);
                }
                if (!timedOut(e)) {
                    throw e;
                }
                // a lookup waited out the timeout (a reference row being created elsewhere): this record only
                outcomes.set(i, Outcome.retry(failure(e)));
            }
        }
        long upsertStarted = System.nanoTime();
        meters.mapped(upsertStarted - mappingStarted);
        store(batch, upserts, positions, outcomes);
        if (!upserts.isEmpty()) {
            meters.upserted(System.nanoTime() - upsertStarted);
        }
        return outcomes;
    }

    private void store(List<RecordMessage> batch, List<EntityStore.Upsert> upserts, List<Integer> positions,
                       List<Outcome> outcomes) {
        if (upserts.isEmpty()) {
            return;
        }
        List<Integer> held = new ArrayList<>();
        try {
            List<OutcomeLedger.Entry> recorded = transaction.execute(status -> {
                held.clear();
                // a batch skips rows locked elsewhere; a record alone waits for its row, up to the timeout
                List<StoreResult> results = upserts.size() == 1 ? store.upsertAll(upserts) : store.upsertUnlocked(upserts);
                List<OutcomeLedger.Entry> entries = new ArrayList<>(results.size());
                for (int i = 0; i < results.size(); i++) {
                    EntityStore.Upsert upsert = upserts.get(i);
                    if (results.get(i) == null) {
                        held.add(i);
                    } else {
                        entries.add(new OutcomeLedger.Entry(upsert.runId(), upsert.recordNumber(), results.get(i).outcome()));
                    }
                }
                return ledger.recordAll(entries);
            });
            for (int i = 0; i < positions.size(); i++) {
                if (!held.contains(i)) {
                    outcomes.set(positions.get(i), Outcome.ack());
                }
            }
            count(recorded);
        } catch (RuntimeException e) {
            if (DatabaseUnavailableException.isOutage(e)) {
                // every record would fail alike, and neither splitting nor spending their attempts would help
                throw new DatabaseUnavailableException(e);
            }
            settleFailure(batch, upserts, positions, outcomes, e);
            return;
        }
        held.forEach(i -> storeAlone(batch, upserts, positions, outcomes, i));
    }

    private void storeAlone(List<RecordMessage> batch, List<EntityStore.Upsert> upserts, List<Integer> positions,
                            List<Outcome> outcomes, int i) {
        store(batch, upserts.subList(i, i + 1), positions.subList(i, i + 1), outcomes);
    }

    private void settleFailure(List<RecordMessage> batch, List<EntityStore.Upsert> upserts, List<Integer> positions,
                               List<Outcome> outcomes, RuntimeException e) {
        if (e instanceof BadSqlGrammarException || e instanceof PermissionDeniedDataAccessException) {
            // not the records' fault (missing table or column, no permission): every record would fail the same way,
            // so the transport is told at once instead of parking the whole file one retry budget at a time
            throw e;
        }
        if (upserts.size() > 1 && timedOut(e)) {
            // the timeout is per record: halving would cost a timeout per level, one at a time costs it once per
            // record that is really stuck (an insert waiting for the same key's uncommitted insert, a slow database)
            for (int i = 0; i < upserts.size(); i++) {
                storeAlone(batch, upserts, positions, outcomes, i);
            }
            return;
        }
        if (upserts.size() > 1) {
            // a deadlock, a serialization conflict, a constraint, or something unexpected, possibly of one record
            // only, and failing fast: the records that can pass now do, and only the culprit is retried or rejected
            split(batch, upserts, positions, outcomes);
            return;
        }
        int i = positions.get(0);
        if (e instanceof DataIntegrityViolationException && !(e instanceof DuplicateKeyException)) {
            outcomes.set(i, reject(batch.get(i), "constraint", firstLine((DataAccessException) e)));
        } else {
            // transient (DuplicateKeyException: a concurrent insert of the same key) or unexpected: tried again later
            outcomes.set(i, Outcome.retry(failure(e)));
        }
    }

    private void split(List<RecordMessage> batch, List<EntityStore.Upsert> upserts, List<Integer> positions,
                       List<Outcome> outcomes) {
        int half = upserts.size() / 2;
        store(batch, upserts.subList(0, half), positions.subList(0, half), outcomes);
        store(batch, upserts.subList(half, upserts.size()), positions.subList(half, positions.size()), outcomes);
    }

    /** Unchanged includes outdated (a newer version was stored), as in the run's summary. */
    private void count(List<OutcomeLedger.Entry> recorded) {
        long persisted = 0;
        long unchanged = 0;
        for (OutcomeLedger.Entry entry : recorded) {
            switch (entry.outcome()) {
                case PERSISTED -> persisted++;
                case UNCHANGED, OUTDATED -> unchanged++;
                default -> { }
            }
        }
        if (persisted > 0) {
            meters.persisted(persisted);
        }
        if (unchanged > 0) {
            meters.unchanged(unchanged);
        }
    }

    private Outcome reject(RecordMessage message, String rule, String reason) {
        return reject(message, rule, null, null, reason);
    }

    private Outcome reject(RecordMessage message, String rule, String field, String value, String reason) {
        try {
            if (rejections.reject(message, rule, field, value, reason)) {
                meters.skipped(field, rule);
            }
            return Outcome.reject(reason);
        } catch (DataAccessException e) {
            if (DatabaseUnavailableException.isOutage(e)) {
                throw new DatabaseUnavailableException(e);
            }
            return Outcome.retry("cannot record the rejection (" + reason + "): " + firstLine(e));
        }
    }

    /** "ExceptionClass: first line of its message", of the most specific cause: what a retry or park reason shows. */
    private String failure(RuntimeException e) {
        Throwable cause = e instanceof DataAccessException d ? d.getMostSpecificCause() : e;
        String reason = cause.getClass().getSimpleName() + ": " + Messages.firstLine(cause);
        // PostgreSQL words a statement cancelled at the timeout as "canceling statement due to user request"
        return timedOut(e) ? "timed out after " + transaction.getTimeout() + "s (delivery.timeout), waiting for a lock"
                + " or a slow database: " + reason : reason;
    }

    private static boolean timedOut(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof QueryTimeoutException || cause instanceof TransactionTimedOutException
                    || cause instanceof SQLException sql && "57014".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(DataAccessException e) {
        return Messages.firstLine(e.getMostSpecificCause());
    }
}
