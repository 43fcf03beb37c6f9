-- Pupil results: LVS (pupil-monitoring) results and outflow (doorstroomtoets) results.
-- pupil_key is the keyed hash of the school's own pupil identifier (see docs/privacy.md): never the identifier.
-- Portable SQL: the same file runs on SQLite and PostgreSQL.
CREATE TABLE lvs_result (
    pupil_key        TEXT NOT NULL,
    school_year      INTEGER NOT NULL,
    moment           TEXT NOT NULL,
    subject          TEXT NOT NULL,
    brin             TEXT NOT NULL,
    vestiging        INTEGER NOT NULL,
    groep            INTEGER NOT NULL,
    provider         TEXT NOT NULL,
    score            DOUBLE PRECISION NOT NULL,
    percentile       DOUBLE PRECISION,
    niveau           TEXT,
    reported_level   TEXT,
    taken_on         TEXT,
    -- The date the result counts from in "as of" queries: taken_on, or the moment's typical date.
    effective_date   TEXT NOT NULL,
    -- Uniform-scale value and the norm table version it came from (NULL until Normalise has a table for it).
    uniform          DOUBLE PRECISION,
    norm_version     INTEGER,
    import_id        BIGINT NOT NULL,
    PRIMARY KEY (pupil_key, school_year, moment, subject)
);

CREATE INDEX lvs_result_by_school ON lvs_result (brin, vestiging, effective_date);

CREATE TABLE outflow_result (
    pupil_key        TEXT NOT NULL,
    school_year      INTEGER NOT NULL,
    subject          TEXT NOT NULL,
    brin             TEXT NOT NULL,
    vestiging        INTEGER NOT NULL,
    provider         TEXT NOT NULL,
    level            TEXT,
    exempt           INTEGER NOT NULL,
    import_id        BIGINT NOT NULL,
    PRIMARY KEY (pupil_key, school_year, subject)
);

CREATE INDEX outflow_result_by_school ON outflow_result (brin, vestiging, school_year);
