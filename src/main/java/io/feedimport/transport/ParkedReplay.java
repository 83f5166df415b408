package io.feedimport.transport;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.feedimport.feed.FeedDefinition;
import io.feedimport.publish.ParkedQueue;
import io.feedimport.publish.PublisherFactory;
import io.feedimport.publish.RecordMessage;
import io.feedimport.publish.RecordPublisher;
import io.feedimport.report.RunSummary;
import io.feedimport.run.OutcomeLedger;
import io.feedimport.run.RecordOutcome;
import io.feedimport.run.RunAccounting;
import io.feedimport.run.RunLedger;
import io.feedimport.support.JsonCodec;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Sends parked records back through the feed's transport, as they were first published, once the cause is fixed;
 * waits until each is handled again (or parked again), and brings the counts of their runs up to date. A record
 * leaves the review list only once its replay was confirmed by the transport.
 */
public final class ParkedReplay {

    private final JdbcParkingLot parkingLot;
    private final PublisherFactory publishers;
    private final ParkedQueue parkedQueue;
    private final OutcomeLedger ledger;
    private final RunAccounting accounting;
    private final RunLedger runs;
    private final JobRepository jobRepository;

    public ParkedReplay(JdbcParkingLot parkingLot, PublisherFactory publishers, ParkedQueue parkedQueue, OutcomeLedger ledger,
                        RunAccounting accounting, RunLedger runs, JobRepository jobRepository) {
        this.parkingLot = parkingLot;
        this.publishers = publishers;
        this.parkedQueue = parkedQueue;
        this.ledger = ledger;
        this.accounting = accounting;
        this.runs = runs;
        this.jobRepository = jobRepository;
    }

    /** What a replay did: how many records went back, how many are parked again, and the runs' new counts. */
    public record Result(int replayed, int parkedAgain, List<RunSummary> runs) {
    }

    /** @param runId the run whose parked records to replay, or null for every run of the feed */
    public Result replay(FeedDefinition feed, Long runId, Duration wait) throws InterruptedException {
        return replay(feed, parkingLot.list(feed.name(), runId), wait);
    }

    /** Replays one parked record of the feed, as the review page's button does; nothing when it is not parked (any more). */
    public Result replayOne(FeedDefinition feed, long runId, long recordNumber, Duration wait) throws InterruptedException {
        return replay(feed, parkingLot.find(runId, recordNumber).filter(p -> p.feed().equals(feed.name())).stream().toList(), wait);
    }

    private Result replay(FeedDefinition feed, List<ParkedRecord> parked, Duration wait) throws InterruptedException {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC);
        if (parked.isEmpty()) {
            return new Result(0, 0, List.of());
        }
        List<RecordMessage> messages = parked.stream().map(p -> JsonCodec.read(p.payload(), RecordMessage.class)).toList();
        try (RecordPublisher publisher = publishers.open(feed)) {
            for (int from = 0; from < messages.size(); from += feed.chunkSize()) {
                publisher.publish(messages.subList(from, Math.min(messages.size(), from + feed.chunkSize())));
            }
        }
        parked.forEach(record -> parkingLot.release(record, start));
        parkedQueue.discard(feed, messages.stream().map(RecordMessage::messageId).collect(Collectors.toSet()));

        List<ParkedRecord> pending = new ArrayList<>(parked);
        long deadline = System.nanoTime() + wait.toNanos();
        int parkedAgain = 0;
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            List<ParkedRecord> still = new ArrayList<>();
            for (ParkedRecord record : pending) {
                if (parkingLot.parkedSince(record.runId(), record.recordNumber(), start)) {
                    parkedAgain++;
                } else if (ledger.outcome(record.runId(), record.recordNumber()) == RecordOutcome.PARKED) {
                    still.add(record);
                }
            }
            pending = still;
            if (!pending.isEmpty()) {
                Thread.sleep(200);
            }
        }
        Set<Long> runIds = new TreeSet<>(parked.stream().map(ParkedRecord::runId).toList());
        List<RunSummary> summaries = new ArrayList<>();
        for (long id : runIds) {
            JobInstance run = jobRepository.getJobInstance(id);
            RunSummary before = runs.find(id).orElse(null);
            if (run == null || before == null) {
                continue;
            }
            RunSummary now = accounting.summarize(run, before.feed(), before.file(), before.status(), before.startedAt(),
                    before.message()).withDuration(before.durationMs());
            runs.recount(now);
            summaries.add(now);
        }
        return new Result(parked.size() - pending.size() - parkedAgain, parkedAgain + pending.size(), summaries);
    }
}
