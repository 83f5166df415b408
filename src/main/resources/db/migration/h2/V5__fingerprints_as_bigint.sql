-- Key hashes and content fingerprints become 64-bit numbers. As 32 hex characters, a key was a VARCHAR primary key:
-- H2 kept it in a secondary index beside the row, and a chunk's lookup of 500 keys cost two index reads per key and
-- an IN list compared against every row found. As BIGINT the key is the row's own key, and a lookup is one read.
-- 64 bits are the first half of the same SHA-256: existing rows keep their meaning, so nothing is sent again. Two keys
-- of a table sharing 64 bits (about one chance in 40 million with a million keys) only lose their delta, and in
-- fi_seen only keep an entity that should have been withdrawn.
-- Content NULL is a key whose new content is on its way (it was '' before). run_id is the run whose consumer
-- committed the content (NULL for rows older than this migration): a resumed run does not trust what its own killed
-- attempt committed, since an embedded database killed mid-commit has been seen to keep a fingerprint whose entity
-- row it lost.
CREATE ALIAS fi_hex64 FOR 'java.lang.Long.parseUnsignedLong(java.lang.String, int)';

CREATE TABLE fi_fingerprint64 (key_hash BIGINT PRIMARY KEY, feed VARCHAR(64) NOT NULL, content BIGINT, run_id BIGINT);
MERGE INTO fi_fingerprint64 (key_hash, feed, content) KEY (key_hash)
    SELECT fi_hex64(LEFT(key_hash, 16), 16), feed, CASE WHEN content = '' THEN NULL ELSE fi_hex64(LEFT(content, 16), 16) END
    FROM fi_fingerprint;
DROP TABLE fi_fingerprint;
ALTER TABLE fi_fingerprint64 RENAME TO fi_fingerprint;
CREATE INDEX fi_fingerprint_feed ON fi_fingerprint (feed);

CREATE TABLE fi_seen64 (key_hash BIGINT NOT NULL, run_id BIGINT NOT NULL, PRIMARY KEY (key_hash, run_id));
MERGE INTO fi_seen64 (key_hash, run_id) KEY (key_hash, run_id) SELECT fi_hex64(LEFT(key_hash, 16), 16), run_id FROM fi_seen;
DROP TABLE fi_seen;
ALTER TABLE fi_seen64 RENAME TO fi_seen;
CREATE INDEX fi_seen_run ON fi_seen (run_id);

DROP ALIAS fi_hex64;
