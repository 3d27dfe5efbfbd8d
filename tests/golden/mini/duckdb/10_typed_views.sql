-- chartshift 0.1.0 | dialect duckdb
-- spec tests/golden/mini.mig sha256 4fcd8160fcafdc6d82ad9519bcb07d1fada1c0da12651e67632ae52e937406e6
-- 10_typed_views: typed views over the staged CSV text (blank -> NULL, failed casts flagged)
-- Generated file: do not edit. Regenerate with `chartshift compile tests/golden/mini.mig`.


-- tests/golden/mini.mig:5: typed view legacy.patients
CREATE VIEW "legacy"."patients" AS
SELECT
  "cs_raw"."__row",
  NULLIF("cs_raw"."pat_no", '') AS "pat_no",
  NULLIF("cs_raw"."fname", '') AS "fname",
  NULLIF("cs_raw"."lname", '') AS "lname",
  NULLIF("cs_raw"."dob", '') AS "dob",
  NULLIF("cs_raw"."gender", '') AS "gender",
  NULLIF("cs_raw"."status", '') AS "status",
  CAST(NULL AS TEXT) AS "__cast_error"
FROM "chartshift_stage"."legacy__patients" AS "cs_raw";

-- tests/golden/mini.mig:13: typed view legacy.visits
CREATE VIEW "legacy"."visits" AS
SELECT
  "cs_raw"."__row",
  CASE
    WHEN REGEXP_MATCHES(TRIM(NULLIF("cs_raw"."visit_id", '')), '^[+\-]?[0-9]{1,18}$')
    THEN CAST(TRIM(NULLIF("cs_raw"."visit_id", '')) AS BIGINT)
  END AS "visit_id",
  NULLIF("cs_raw"."pat_no", '') AS "pat_no",
  NULLIF("cs_raw"."clinic", '') AS "clinic",
  NULLIF("cs_raw"."cpt1", '') AS "cpt1",
  CASE
    WHEN REGEXP_MATCHES(TRIM(NULLIF("cs_raw"."units1", '')), '^[+\-]?[0-9]{1,18}$')
    THEN CAST(TRIM(NULLIF("cs_raw"."units1", '')) AS BIGINT)
  END AS "units1",
  NULLIF("cs_raw"."cpt2", '') AS "cpt2",
  CASE
    WHEN REGEXP_MATCHES(TRIM(NULLIF("cs_raw"."units2", '')), '^[+\-]?[0-9]{1,18}$')
    THEN CAST(TRIM(NULLIF("cs_raw"."units2", '')) AS BIGINT)
  END AS "units2",
  CASE
    WHEN NOT NULLIF("cs_raw"."visit_id", '') IS NULL
    AND CASE
      WHEN REGEXP_MATCHES(TRIM(NULLIF("cs_raw"."visit_id", '')), '^[+\-]?[0-9]{1,18}$')
      THEN CAST(TRIM(NULLIF("cs_raw"."visit_id", '')) AS BIGINT)
    END IS NULL
    THEN 'legacy.visits.visit_id is not a valid integer'
    WHEN NOT NULLIF("cs_raw"."units1", '') IS NULL
    AND CASE
      WHEN REGEXP_MATCHES(TRIM(NULLIF("cs_raw"."units1", '')), '^[+\-]?[0-9]{1,18}$')
      THEN CAST(TRIM(NULLIF("cs_raw"."units1", '')) AS BIGINT)
    END IS NULL
    THEN 'legacy.visits.units1 is not a valid integer'
    WHEN NOT NULLIF("cs_raw"."units2", '') IS NULL
    AND CASE
      WHEN REGEXP_MATCHES(TRIM(NULLIF("cs_raw"."units2", '')), '^[+\-]?[0-9]{1,18}$')
      THEN CAST(TRIM(NULLIF("cs_raw"."units2", '')) AS BIGINT)
    END IS NULL
    THEN 'legacy.visits.units2 is not a valid integer'
  END AS "__cast_error"
FROM "chartshift_stage"."legacy__visits" AS "cs_raw";

-- tests/golden/mini.mig:22: typed view legacy.clinics
CREATE VIEW "legacy"."clinics" AS
SELECT
  "cs_raw"."__row",
  NULLIF("cs_raw"."code", '') AS "code",
  NULLIF("cs_raw"."name", '') AS "name",
  CAST(NULL AS TEXT) AS "__cast_error"
FROM "chartshift_stage"."legacy__clinics" AS "cs_raw";

