package io.feedimport.report;

/**
 * What a snapshot run withdraws: the target's keys it did not read, and how those sent ended.
 *
 * @param state     where the withdrawals stand (see {@link State}), null for a run that only upserts
 * @param listed    keys the run found to withdraw
 * @param withdrawn withdrawals applied (the row withdrawn, or already gone)
 * @param kept      withdrawals that found a newer version of their key, written after the run, and left it alone
 * @param parked    withdrawals out of attempts, in the parking lot
 */
public record Withdrawals(State state, long listed, long withdrawn, long kept, long parked) {

    public static final Withdrawals NONE = new Withdrawals(null, 0, 0, 0, 0);

    public enum State {
        /** Listed, not yet sent or held: the run is deciding. */
        LISTED,
        /** The guard passed: sent. */
        APPLIED,
        /** The guard refused: kept back until someone releases or discards them. */
        HELD,
        /** Held, then sent by a person. */
        RELEASED,
        /** Held, then dropped by a person: nothing is withdrawn. */
        DISCARDED;

        public boolean sent() {
            return this == APPLIED || this == RELEASED;
        }
    }

    /** Withdrawals listed but neither sent nor dropped: they wait for a person. */
    public long held() {
        return state == State.HELD ? listed : 0;
    }

    /** Every sent withdrawal is applied, kept or parked; a run that sent none has nothing to account for. */
    public boolean reconciles() {
        return state == null || !state.sent() || withdrawn + kept + parked == listed;
    }

    public Withdrawals withState(State newState) {
        return new Withdrawals(newState, listed, withdrawn, kept, parked);
    }
}
