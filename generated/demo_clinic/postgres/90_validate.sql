-- chartshift 0.1.0 | dialect postgres
-- spec specs/demo_clinic.mig sha256 872f59b1d62b217e50db8c041751456c25b76ebcf20bf42004bab268810c3021
-- 90_validate: validation checks: each query returns (violations, denominator)
-- Generated file: do not edit. Regenerate with `chartshift compile specs/demo_clinic.mig`.


-- specs/demo_clinic.mig:337: check 1: completeness (specs/demo_clinic.mig:337)
SELECT
  COUNT(*) - COUNT("birth_date"),
  COUNT(*)
FROM "emr"."patient";

-- specs/demo_clinic.mig:338: check 2: completeness (specs/demo_clinic.mig:338)
SELECT
  COUNT(*) - COUNT("phone"),
  COUNT(*)
FROM "emr"."patient";

-- specs/demo_clinic.mig:339: check 3: unique (specs/demo_clinic.mig:339)
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

-- specs/demo_clinic.mig:340: check 4: unique (specs/demo_clinic.mig:340)
SELECT
  COALESCE(SUM("d"."n"), 0),
  (
    SELECT
      COUNT("npi")
    FROM "emr"."practitioner"
  )
FROM (
  SELECT
    COUNT(*) AS "n"
  FROM "emr"."practitioner"
  WHERE
    NOT "npi" IS NULL
  GROUP BY
    "npi"
  HAVING
    COUNT(*) > 1
) AS "d";

-- specs/demo_clinic.mig:341: check 5: valid (specs/demo_clinic.mig:341)
SELECT
  COALESCE(
    SUM(
      CASE
        WHEN NOT "cpt" IS NULL AND NOT (
          "cpt" ~ '^([0-9]{5}|[A-Z][0-9]{4})$'
        )
        THEN 1
        ELSE 0
      END
    ),
    0
  ),
  COUNT("cpt")
FROM "emr"."charge_line";

-- specs/demo_clinic.mig:342: check 6: valid (specs/demo_clinic.mig:342)
SELECT
  COALESCE(
    SUM(
      CASE
        WHEN NOT "modifier" IS NULL AND NOT (
          "modifier" IN ('GP', 'KX', '59', 'CQ')
        )
        THEN 1
        ELSE 0
      END
    ),
    0
  ),
  COUNT("modifier")
FROM "emr"."charge_line";

-- specs/demo_clinic.mig:343: check 7: valid (specs/demo_clinic.mig:343)
SELECT
  COALESCE(
    SUM(
      CASE
        WHEN NOT "icd10_code" IS NULL
        AND NOT (
          "icd10_code" ~ '^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$'
        )
        THEN 1
        ELSE 0
      END
    ),
    0
  ),
  COUNT("icd10_code")
FROM "emr"."diagnosis";

-- specs/demo_clinic.mig:344: check 8: valid (specs/demo_clinic.mig:344)
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

-- specs/demo_clinic.mig:345: check 9: references (specs/demo_clinic.mig:345)
SELECT
  COUNT("t"."patient_id") - COUNT("u"."id"),
  COUNT("t"."patient_id")
FROM "emr"."encounter" AS "t"
LEFT JOIN "emr"."patient" AS "u"
  ON "u"."id" = "t"."patient_id";

-- specs/demo_clinic.mig:346: check 10: references (specs/demo_clinic.mig:346)
SELECT
  COUNT("t"."encounter_id") - COUNT("u"."id"),
  COUNT("t"."encounter_id")
FROM "emr"."charge_line" AS "t"
LEFT JOIN "emr"."encounter" AS "u"
  ON "u"."id" = "t"."encounter_id";

-- specs/demo_clinic.mig:347: check 11: references (specs/demo_clinic.mig:347)
SELECT
  COUNT("t"."episode_id") - COUNT("u"."id"),
  COUNT("t"."episode_id")
FROM "emr"."diagnosis" AS "t"
LEFT JOIN "emr"."episode" AS "u"
  ON "u"."id" = "t"."episode_id";

-- specs/demo_clinic.mig:348: check 12: consistent (specs/demo_clinic.mig:348)
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

-- specs/demo_clinic.mig:349: check 13: consistent (specs/demo_clinic.mig:349)
SELECT
  COALESCE(
    SUM(
      CASE
        WHEN NOT COALESCE(
          (
            (
              (
                "end_date"
              ) IS NULL
            )
            OR (
              (
                "end_date"
              ) >= (
                "start_date"
              )
            )
          ),
          TRUE
        )
        THEN 1
        ELSE 0
      END
    ),
    0
  ),
  COUNT(*)
FROM "emr"."coverage";

-- specs/demo_clinic.mig:350: check 14: reconcile (specs/demo_clinic.mig:350)
SELECT
  (
    SELECT
      COUNT(*)
    FROM "emr"."encounter"
  ),
  (
    SELECT
      COUNT(*)
    FROM "legacy"."visits"
  );

-- specs/demo_clinic.mig:351: check 15: reject_rate (specs/demo_clinic.mig:351)
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

-- specs/demo_clinic.mig:352: check 16: reject_rate (specs/demo_clinic.mig:352)
SELECT
  (
    SELECT
      COALESCE(SUM("rejected"), 0)
    FROM "chartshift"."reconciliation"
    WHERE
      "target_table" = 'emr.encounter'
  ),
  (
    SELECT
      COALESCE(SUM("source_rows"), 0)
    FROM "chartshift"."reconciliation"
    WHERE
      "target_table" = 'emr.encounter'
  );

-- specs/demo_clinic.mig:353: check 17: reject_rate (specs/demo_clinic.mig:353)
SELECT
  (
    SELECT
      COUNT(*)
    FROM "chartshift"."rejects"
    WHERE
      "source_table" = 'legacy.visits'
  ),
  (
    SELECT
      COALESCE(SUM("source_rows"), 0)
    FROM "chartshift"."reconciliation"
    WHERE
      "source_table" = 'legacy.visits'
  ) + (
    SELECT
      COUNT(*)
    FROM "chartshift"."rejects"
    WHERE
      "source_table" = 'legacy.visits' AND "rule" = 'malformed'
  );

