-- Delta at the source: per feed, a fingerprint of each key's content as last committed to the target. The importer
-- compares a record's fingerprint with it and does not send a record whose content is already stored; the consumer
-- writes it in the transaction that commits the content, so a parked or rolled-back record is sent again next time.
-- key_hash is a hash of the feed and the record's key (keys have no length limit; the hash has), first so that a
-- chunk's lookup by key is a primary-key read.
CREATE TABLE fi_fingerprint (key_hash VARCHAR(32) PRIMARY KEY, feed VARCHAR(64) NOT NULL, content VARCHAR(32) NOT NULL);
CREATE INDEX fi_fingerprint_feed ON fi_fingerprint (feed);

-- records the importer found unchanged and did not send; they are part of the run's unchanged count
ALTER TABLE fi_run ADD COLUMN unchanged_at_source BIGINT DEFAULT 0 NOT NULL;
