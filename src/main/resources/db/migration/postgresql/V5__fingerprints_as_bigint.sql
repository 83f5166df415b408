-- Key hashes and content fingerprints become 64-bit numbers: smaller rows and indexes, and a chunk's lookup binds one
-- array instead of 500 parameters. 64 bits are the first half of the same SHA-256: existing rows keep their meaning,
-- so nothing is sent again. Two keys of a table sharing 64 bits (about one chance in 40 million with a million keys)
-- only lose their delta, and in fi_seen only keep an entity that should have been withdrawn.
-- Content NULL is a key whose new content is on its way (it was '' before). run_id is the run whose consumer
-- committed the content (NULL for rows older than this migration): a resumed run does not trust what its own killed
-- attempt committed, since an embedded database killed mid-commit has been seen to keep a fingerprint whose entity
-- row it lost.
CREATE TABLE fi_fingerprint64 (key_hash BIGINT PRIMARY KEY, feed VARCHAR(64) NOT NULL, content BIGINT, run_id BIGINT);
INSERT INTO fi_fingerprint64 (key_hash, feed, content)
    SELECT ('x' || left(key_hash, 16))::bit(64)::bigint, feed,
        CASE WHEN content = '' THEN NULL ELSE ('x' || left(content, 16))::bit(64)::bigint END
    FROM fi_fingerprint
    ON CONFLICT (key_hash) DO NOTHING;
DROP TABLE fi_fingerprint;
ALTER TABLE fi_fingerprint64 RENAME TO fi_fingerprint;
ALTER INDEX fi_fingerprint64_pkey RENAME TO fi_fingerprint_pkey;
CREATE INDEX fi_fingerprint_feed ON fi_fingerprint (feed);

CREATE TABLE fi_seen64 (key_hash BIGINT NOT NULL, run_id BIGINT NOT NULL, PRIMARY KEY (key_hash, run_id));
INSERT INTO fi_seen64 (key_hash, run_id) SELECT ('x' || left(key_hash, 16))::bit(64)::bigint, run_id FROM fi_seen
    ON CONFLICT DO NOTHING;
DROP TABLE fi_seen;
ALTER TABLE fi_seen64 RENAME TO fi_seen;
ALTER INDEX fi_seen64_pkey RENAME TO fi_seen_pkey;
CREATE INDEX fi_seen_run ON fi_seen (run_id);
