-- The registry: boards and their school locations, as published by DUO and the Inspectie.
-- Portable SQL: the same file runs on SQLite and PostgreSQL.
CREATE TABLE board (
    bgnr        TEXT PRIMARY KEY,
    name        TEXT NOT NULL
);

CREATE TABLE school (
    brin          TEXT NOT NULL,
    vestiging     INTEGER NOT NULL,
    bgnr          TEXT NOT NULL REFERENCES board (bgnr),
    ovt           TEXT,
    name          TEXT NOT NULL,
    municipality  TEXT NOT NULL DEFAULT '',
    schoolweging  DOUBLE PRECISION,
    PRIMARY KEY (brin, vestiging)
);

CREATE INDEX school_by_board ON school (bgnr);
CREATE UNIQUE INDEX school_by_ovt ON school (ovt);
