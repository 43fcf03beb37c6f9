-- Integer surrogate pupil ids (docs/ingest-performance.md). The result tables were keyed by the pupil key, a
-- ~30-character keyed hash in random order: every import inserted a million random ~60-byte entries into the
-- primary-key B-tree. Now the key lives once, in `pupil`, and the results are keyed by `pupil_id`, assigned
-- ascending as pupils first arrive, so an import's new pupils append at the end of the result tables' B-trees.
-- pupil_key stays the keyed hash of the school's own identifier (docs/privacy.md); it is stored nowhere else.
-- Existing rows move across; portable SQL: the same file runs on SQLite and PostgreSQL.
-- No foreign key from the results to `pupil`: an import writes both in one transaction under the import lock, and a
-- per-row check would cost what the narrow key saves.
CREATE TABLE pupil (
    -- INTEGER PRIMARY KEY: SQLite's rowid itself, so the table is one B-tree plus the unique key index.
    pupil_id         INTEGER PRIMARY KEY,
    pupil_key        TEXT NOT NULL UNIQUE
);

INSERT INTO pupil (pupil_id, pupil_key)
SELECT ROW_NUMBER() OVER (ORDER BY k.pupil_key), k.pupil_key
FROM (SELECT pupil_key FROM lvs_result UNION SELECT pupil_key FROM outflow_result) k;

CREATE TABLE lvs_result_by_id (
    pupil_id         INTEGER NOT NULL,
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
    PRIMARY KEY (pupil_id, school_year, moment, subject)
);

INSERT INTO lvs_result_by_id
SELECT p.pupil_id, r.school_year, r.moment, r.subject, r.brin, r.vestiging, r.groep, r.provider, r.score, r.percentile,
       r.niveau, r.reported_level, r.taken_on, r.effective_date, r.uniform, r.norm_version, r.import_id
FROM lvs_result r JOIN pupil p ON p.pupil_key = r.pupil_key
ORDER BY p.pupil_id, r.school_year, r.moment, r.subject;

DROP TABLE lvs_result;
ALTER TABLE lvs_result_by_id RENAME TO lvs_result;
CREATE INDEX lvs_result_by_school ON lvs_result (brin, vestiging, effective_date);

CREATE TABLE outflow_result_by_id (
    pupil_id         INTEGER NOT NULL,
    school_year      INTEGER NOT NULL,
    subject          TEXT NOT NULL,
    brin             TEXT NOT NULL,
    vestiging        INTEGER NOT NULL,
    provider         TEXT NOT NULL,
    level            TEXT,
    exempt           INTEGER NOT NULL,
    import_id        BIGINT NOT NULL,
    PRIMARY KEY (pupil_id, school_year, subject)
);

INSERT INTO outflow_result_by_id
SELECT p.pupil_id, r.school_year, r.subject, r.brin, r.vestiging, r.provider, r.level, r.exempt, r.import_id
FROM outflow_result r JOIN pupil p ON p.pupil_key = r.pupil_key
ORDER BY p.pupil_id, r.school_year, r.subject;

DROP TABLE outflow_result;
ALTER TABLE outflow_result_by_id RENAME TO outflow_result;
CREATE INDEX outflow_result_by_school ON outflow_result (brin, vestiging, school_year);
