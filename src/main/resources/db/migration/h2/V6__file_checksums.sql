-- The SHA-256 of a file given to `run --file`, kept for as long as the file is provably the same: the same file on
-- the same host (file_id hashes host, path, device and inode), with the same size, modification and status-change
-- times to the nanosecond. A resumed run then finds its file without reading every byte of it again. The status-change
-- time moves with any write and cannot be set back by a user, so a rewritten file is hashed again.
CREATE TABLE fi_file_sha (file_id VARCHAR(64) PRIMARY KEY, size BIGINT NOT NULL, modified_ns BIGINT NOT NULL,
    changed_ns BIGINT NOT NULL, checksum VARCHAR(64) NOT NULL, recorded_at TIMESTAMP WITH TIME ZONE NOT NULL);
CREATE INDEX fi_file_sha_recorded ON fi_file_sha (recorded_at);
