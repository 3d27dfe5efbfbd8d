-- chartshift 0.1.0 | dialect duckdb
-- spec tests/golden/mini.mig sha256 4fcd8160fcafdc6d82ad9519bcb07d1fada1c0da12651e67632ae52e937406e6
-- 90_validate: validation checks: each query returns (violations, denominator)
-- Generated file: do not edit. Regenerate with `chartshift compile tests/golden/mini.mig`.


-- tests/golden/mini.mig:77: check 1: completeness (tests/golden/mini.mig:77)
SELECT
  COUNT(*) - COUNT("birth_date"),
  COUNT(*)
FROM "emr"."patient";

-- tests/golden/mini.mig:78: check 2: unique (tests/golden/mini.mig:78)
SELECT
  COALESCE(SUM("d"."n"), 0),
  (
    SELECT
      COUNT("mrn")
    FROM "emr"."patient"
  )
FROM (
  SELECT
    COUNT(*) AS "n"
  FROM "emr"."patient"
  WHERE
    NOT "mrn" IS NULL
  GROUP BY
    "mrn"
  HAVING
    COUNT(*) > 1
) AS "d";

-- tests/golden/mini.mig:79: check 3: valid (tests/golden/mini.mig:79)
SELECT
  COALESCE(
    SUM(
      CASE
        WHEN NOT "cpt" IS NULL
        AND NOT (
          REGEXP_MATCHES("cpt", '^([0-9]{5}|[A-Z][0-9]{4})$')
        )
        THEN 1
        ELSE 0
      END
    ),
    0
  ),
  COUNT("cpt")
FROM "emr"."charge";

-- tests/golden/mini.mig:80: check 4: references (tests/golden/mini.mig:80)
SELECT
  COUNT("t"."patient_id") - COUNT("u"."id"),
  COUNT("t"."patient_id")
FROM "emr"."charge" AS "t"
LEFT JOIN "emr"."patient" AS "u"
  ON "u"."id" = "t"."patient_id";

-- tests/golden/mini.mig:81: check 5: consistent (tests/golden/mini.mig:81)
SELECT
  COALESCE(
    SUM(
      CASE
        WHEN NOT COALESCE((
          (
            "units"
          ) >= (
            1
          )
        ), TRUE)
        THEN 1
        ELSE 0
      END
    ),
    0
  ),
  COUNT(*)
FROM "emr"."charge";

-- tests/golden/mini.mig:82: check 6: reconcile (tests/golden/mini.mig:82)
SELECT
  (
    SELECT
      SUM("units")
    FROM "emr"."charge"
  ),
  (
    SELECT
      SUM((
        COALESCE("units1", 0)
      ) + (
        COALESCE("units2", 0)
      ))
    FROM "legacy"."visits"
  );

-- tests/golden/mini.mig:83: check 7: reject_rate (tests/golden/mini.mig:83)
SELECT
  (
    SELECT
      COUNT(*)
    FROM "chartshift"."rejects"
    WHERE
      "source_table" = 'legacy.patients'
  ),
  (
    SELECT
      COALESCE(SUM("source_rows"), 0)
    FROM "chartshift"."reconciliation"
    WHERE
      "source_table" = 'legacy.patients'
  ) + (
    SELECT
      COUNT(*)
    FROM "chartshift"."rejects"
    WHERE
      "source_table" = 'legacy.patients' AND "rule" = 'malformed'
  );

