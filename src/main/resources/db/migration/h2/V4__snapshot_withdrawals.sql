-- Full-snapshot feeds (mode: snapshot): a run that completes and passes its guard withdraws the target's keys it did
-- not read.
--
-- fi_seen: the keys a snapshot run read, valid or skipped (a skipped record does not withdraw its entity), hashed as
-- fi_fingerprint's keys are. Written in each chunk's transaction, so a resumed run has exactly the keys of what it
-- committed; dropped once the run's withdrawals are listed. The hash comes first so that a lookup of a batch of
-- keys is a primary-key read.
CREATE TABLE fi_seen (key_hash VARCHAR(32) NOT NULL, run_id BIGINT NOT NULL, PRIMARY KEY (key_hash, run_id));
CREATE INDEX fi_seen_run ON fi_seen (run_id);

-- fi_withdrawal: the keys a snapshot run withdraws (or holds), listed once, in one transaction, when its file is read:
-- a withdrawal is published as record number read + seq, so the list must not change once anything was sent.
-- key_values holds the key's fields in canonical text, as JSON; record_key is the key as the skip report shows keys.
CREATE TABLE fi_withdrawal (run_id BIGINT NOT NULL, seq BIGINT NOT NULL, record_key CHARACTER VARYING NOT NULL,
    key_values CHARACTER VARYING NOT NULL, PRIMARY KEY (run_id, seq));

-- snapshot: null for a run that only upserts, else where its withdrawals stand (LISTED, APPLIED, HELD, RELEASED,
-- DISCARDED); withdrawals: how many were listed; the others: how the sent ones ended, as of the run's last count
ALTER TABLE fi_run ADD COLUMN snapshot VARCHAR(10);
ALTER TABLE fi_run ADD COLUMN withdrawals BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE fi_run ADD COLUMN withdrawn BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE fi_run ADD COLUMN withdrawals_kept BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE fi_run ADD COLUMN withdrawals_parked BIGINT DEFAULT 0 NOT NULL;
