-- The public results as published by the Inspectie and DUO. Ingest stores them; Predict computes from them.
-- Portable SQL: the same file runs on SQLite and PostgreSQL.

-- The Inspectie's unit of judgement: the onderwijsvoorziening (OVT, BRIN|C<n>). It is not a DUO vestiging: a BRIN
-- can have several OVTs, and school.ovt links the two only where that is unambiguous (docs/inspectie-rules.md).
CREATE TABLE inspectie_school (
    ovt           TEXT PRIMARY KEY,
    brin          TEXT NOT NULL,
    name          TEXT NOT NULL DEFAULT '',
    bgnr          TEXT,
    -- The three-year mean schoolweging the judgement uses; NULL when CBS published none.
    schoolweging  DOUBLE PRECISION
);

CREATE INDEX inspectie_school_by_board ON inspectie_school (bgnr);
CREATE INDEX inspectie_school_by_brin ON inspectie_school (brin);

-- CBS's schoolweging per school year (one sheet of the Inspectie's schoolweging file).
CREATE TABLE schoolweging_year (
    ovt           TEXT NOT NULL,
    school_year   INTEGER NOT NULL,
    schoolweging  DOUBLE PRECISION,
    pupils        INTEGER,
    spreiding     DOUBLE PRECISION,
    PRIMARY KEY (ovt, school_year)
);

-- One outflow year of one school as the Inspectie publishes it. masked = 1: the file wrote * (the values are NULL).
-- school_year is the start year of the school year (2024 = 2024-2025, toets 2025).
CREATE TABLE published_year (
    ovt                  TEXT NOT NULL,
    school_year          INTEGER NOT NULL,
    masked               INTEGER NOT NULL,
    pupils               INTEGER,
    percent_fundamental  DOUBLE PRECISION,
    percent_target       DOUBLE PRECISION,
    PRIMARY KEY (ovt, school_year)
);

-- The Inspectie's own published judgement over the three years ending in last_school_year, kept to compare with.
CREATE TABLE published_judgement (
    ovt                              TEXT NOT NULL,
    last_school_year                 INTEGER NOT NULL,
    schoolweging                     DOUBLE PRECISION,
    signaleringswaarde_fundamental   DOUBLE PRECISION NOT NULL,
    signaleringswaarde_target        DOUBLE PRECISION,
    pooled_fundamental               DOUBLE PRECISION,
    pooled_target                    DOUBLE PRECISION,
    pupils                           INTEGER,
    outcome_fundamental              TEXT NOT NULL,
    outcome_target                   TEXT NOT NULL,
    PRIMARY KEY (ovt, last_school_year)
);

-- DUO's pupils per subject and reached level per vestiging. DUO masks 1..4 as "<5": kept as the range
-- [count_low, count_high] = [1, 4]; an exact count has count_low = count_high. Never stored as 0.
CREATE TABLE duo_level_count (
    brin         TEXT NOT NULL,
    vestiging    INTEGER NOT NULL,
    school_year  INTEGER NOT NULL,
    subject      TEXT NOT NULL,
    level        TEXT NOT NULL,
    count_low    INTEGER NOT NULL,
    count_high   INTEGER NOT NULL,
    PRIMARY KEY (brin, vestiging, school_year, subject, level)
);
