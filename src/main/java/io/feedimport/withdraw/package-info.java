/**
 * Withdraw: what makes a full-snapshot feed ({@code mode: snapshot}) the whole truth. While a snapshot run reads its
 * file, {@link io.feedimport.withdraw.SeenKeys} records the key of every record read, valid or skipped (table
 * {@code fi_seen}). When the file is read, {@link io.feedimport.withdraw.WithdrawalPlanner} lists the target's keys the
 * run did not read ({@code fi_withdrawal}) and {@link io.feedimport.withdraw.Snapshots} applies the feed's guard:
 * withdrawals pass through the same transport as records, numbered after the file's last record, or are held until a
 * person releases or discards them.
 *
 * <p>In: the key values of each chunk from the publishing step; the end of the read from the run. Out: withdrawal
 * messages to the publisher, and where each run's withdrawals stand ({@link io.feedimport.withdraw.WithdrawalLedger}).
 * It reads the target table's key columns itself, by the names the feed's fields give them, and leaves applying a
 * withdrawal to the consumers ({@code EntityWithdrawals} in store).
 *
 * <p>It uses packages further down the data's path:
 * <ul>
 * <li>{@code io.feedimport.store}: {@code SqlDialect}, the engine's one way of telling H2 from PostgreSQL, to have
 * PostgreSQL plan each page's lookup of the keys a run read for those keys.</li>
 * </ul>
 */
package io.feedimport.withdraw;
