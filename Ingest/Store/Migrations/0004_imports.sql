-- The audit trail of imports and the data generation per board that Predict's cache keys use.
CREATE TABLE import_audit (
    id               BIGINT PRIMARY KEY,
    who              TEXT NOT NULL,
    started_at       TEXT NOT NULL,
    finished_at      TEXT NOT NULL,
    file_name        TEXT NOT NULL,
    format           TEXT NOT NULL,
    content_sha256   TEXT NOT NULL,
    strict_mode      INTEGER NOT NULL,
    rows_read        BIGINT NOT NULL,
    rows_accepted    BIGINT NOT NULL,
    rows_rejected    BIGINT NOT NULL,
    rows_changed     BIGINT NOT NULL,
    -- committed: accepted rows stored; unchanged: nothing differed from the store; refused: strict mode or a
    -- file-level error, nothing stored.
    outcome          TEXT NOT NULL,
    boards           TEXT NOT NULL
);

CREATE TABLE board_generation (
    bgnr             TEXT PRIMARY KEY,
    generation       BIGINT NOT NULL,
    last_import_id   BIGINT NOT NULL
);
