-- chartshift 0.1.0 | dialect duckdb
-- spec specs/two_systems.mig sha256 9d1da9dc798cd11a9c1f7ee4b7de8c69cc4622f1cc8558493930c60b61d8837a
-- 90_validate: validation checks: each query returns (violations, denominator)
-- Generated file: do not edit. Regenerate with `chartshift compile specs/two_systems.mig`.


-- specs/two_systems.mig:401: check 1: unique (specs/two_systems.mig:401)
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

-- specs/two_systems.mig:402: check 2: valid (specs/two_systems.mig:402)
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
FROM "emr"."charge_line";

-- specs/two_systems.mig:403: check 3: valid (specs/two_systems.mig:403)
SELECT
  COALESCE(
    SUM(
      CASE
        WHEN NOT "units" IS NULL AND NOT (
          "units" BETWEEN 1 AND 8
        )
        THEN 1
        ELSE 0
      END
    ),
    0
  ),
  COUNT("units")
FROM "emr"."charge_line";

-- specs/two_systems.mig:404: check 4: references (specs/two_systems.mig:404)
SELECT
  COUNT("t"."patient_id") - COUNT("u"."id"),
  COUNT("t"."patient_id")
FROM "emr"."encounter" AS "t"
LEFT JOIN "emr"."patient" AS "u"
  ON "u"."id" = "t"."patient_id";

-- specs/two_systems.mig:405: check 5: references (specs/two_systems.mig:405)
SELECT
  COUNT("t"."encounter_id") - COUNT("u"."id"),
  COUNT("t"."encounter_id")
FROM "emr"."charge_line" AS "t"
LEFT JOIN "emr"."encounter" AS "u"
  ON "u"."id" = "t"."encounter_id";

-- specs/two_systems.mig:406: check 6: references (specs/two_systems.mig:406)
SELECT
  COUNT("t"."episode_id") - COUNT("u"."id"),
  COUNT("t"."episode_id")
FROM "emr"."diagnosis" AS "t"
LEFT JOIN "emr"."episode" AS "u"
  ON "u"."id" = "t"."episode_id";

-- specs/two_systems.mig:407: check 7: consistent (specs/two_systems.mig:407)
SELECT
  COALESCE(
    SUM(
      CASE
        WHEN NOT COALESCE((
          (
            "end_date"
          ) >= (
            "start_date"
          )
        ), TRUE)
        THEN 1
        ELSE 0
      END
    ),
    0
  ),
  COUNT(*)
FROM "emr"."authorization";

