-- Predict's dated forecast snapshots (docs/forecast.md, "Snapshots"). One board snapshot per test moment and model
-- version; under it one row per school with the school's outlook as a compact protobuf (SchoolForecastMessage
-- without the gaps: per outflow year × subject × level the expected % with 80%/95% ranges, per judgement year the
-- projected indicator and P(below)). No pupil-level data is kept. IF NOT EXISTS: two Predict replicas may start together. {{bytes}} is BLOB on SQLite, BYTEA on PostgreSQL.
CREATE TABLE IF NOT EXISTS forecast_snapshot (
    bgnr           TEXT NOT NULL,
    school_year    INTEGER NOT NULL,
    moment         TEXT NOT NULL,
    model_version  TEXT NOT NULL,
    peildatum      TEXT NOT NULL,
    -- live: recorded when the forecast was served; teruggerekend: recomputed later from the data as of peildatum.
    origin         TEXT NOT NULL,
    recorded_at    TEXT NOT NULL,
    generation     BIGINT NOT NULL,
    PRIMARY KEY (bgnr, school_year, moment, model_version)
);

CREATE TABLE IF NOT EXISTS forecast_snapshot_school (
    bgnr                  TEXT NOT NULL,
    school_year           INTEGER NOT NULL,
    moment                TEXT NOT NULL,
    model_version         TEXT NOT NULL,
    brin                  TEXT NOT NULL,
    vestiging             INTEGER NOT NULL,
    status                TEXT NOT NULL,
    max_probability_below DOUBLE PRECISION NOT NULL,
    outlook               {{bytes}} NOT NULL,
    PRIMARY KEY (bgnr, school_year, moment, model_version, brin, vestiging)
);
