-- chartshift 0.1.0 | dialect duckdb
-- spec tests/conformance/specs/field_refs.mig sha256 3459ae121f9369ccee597af25c9cbb341b7c74191a64230c0ef945be759a18ca
-- 20_01_emr_patient: map legacy.patients -> emr.patient
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/field_refs.mig`.


-- tests/conformance/specs/field_refs.mig:44: work table left by an earlier run
DROP TABLE IF EXISTS "cs_work__emr__patient";

-- tests/conformance/specs/field_refs.mig:44: legacy.patients -> emr.patient: every kept row with its fields and status
CREATE TEMPORARY TABLE "cs_work__emr__patient" AS
WITH "cs_in" AS (
  SELECT
    "patients"."__row" AS "__row",
    "patients"."__cast_error" AS "__cast_error",
    "patients"."pat_no" AS "s__patients__pat_no",
    "patients"."name" AS "s__patients__name",
    1 AS "__slot"
  FROM "legacy"."patients" AS "patients"
), "cs_fields" AS (
  SELECT
    "cs_in".*,
    TRIM("cs_in"."s__patients__pat_no", ' ') AS "f__mrn",
    REPLACE(UPPER(TRIM("cs_in"."s__patients__name", ' ')), 'ẞ', 'ß') AS "f__name",
    CASE
      WHEN (
        "cs_in"."s__patients__name"
      ) IS NULL
      THEN 'unnamed'
      WHEN (
        "cs_in"."s__patients__name"
      ) = (
        REPLACE(UPPER("cs_in"."s__patients__name"), 'ẞ', 'ß')
      )
      THEN 'shouting'
      ELSE 'named'
    END AS "f__status",
    CAST((
      "cs_in"."s__patients__pat_no"
    ) AS TEXT) AS "__key"
  FROM "cs_in"
), "cs_rules" AS (
  SELECT
    "cs_fields".*,
    CASE
      WHEN NOT "cs_fields"."__cast_error" IS NULL
      THEN 1
      WHEN "cs_fields"."__key" IS NULL
      THEN 2
      WHEN "cs_fields"."f__mrn" IS NULL
      THEN 3
      WHEN LENGTH(CAST("cs_fields"."f__mrn" AS TEXT)) > 10
      THEN 4
      WHEN NOT "cs_dups"."first_row" IS NULL AND "cs_fields"."__row" > "cs_dups"."first_row"
      THEN 5
    END AS "__rule"
  FROM "cs_fields"
  LEFT JOIN (
    SELECT
      "cs_fields"."s__patients__pat_no" AS "__k1",
      MIN("cs_fields"."__row") AS "first_row"
    FROM "cs_fields"
    GROUP BY
      "cs_fields"."s__patients__pat_no"
    HAVING
      COUNT(*) > 1
  ) AS "cs_dups"
    ON "cs_dups"."__k1" = "cs_fields"."s__patients__pat_no"
), "cs_status" AS (
  SELECT
    "cs_rules"."__row",
    "cs_rules"."__slot",
    "cs_rules"."__key",
    "cs_rules"."__rule",
    "cs_rules"."f__mrn",
    "cs_rules"."f__name",
    "cs_rules"."f__status",
    "cs_rules"."s__patients__pat_no",
    CASE WHEN NOT "cs_rules"."__rule" IS NULL THEN 'rejected' ELSE 'loaded' END AS "__status"
  FROM "cs_rules"
)
SELECT
  "cs_status".*,
  COALESCE(
    "cs_prev"."own_id",
    CASE
      WHEN "cs_prev"."own_id" IS NULL AND "cs_status"."__status" = 'loaded'
      THEN (
        SELECT
          COALESCE(MAX("own_id"), 0)
        FROM "chartshift"."xwalk__emr__patient"
      ) + ROW_NUMBER() OVER (
        ORDER BY (
          "cs_prev"."own_id" IS NULL AND "cs_status"."__status" = 'loaded'
        ) DESC, "cs_status"."__row", "cs_status"."__slot"
      )
    END
  ) AS "__own_id"
FROM "cs_status"
LEFT JOIN "chartshift"."xwalk__emr__patient" AS "cs_prev"
  ON "cs_prev"."legacy_key" = "cs_status"."__key";

-- tests/conformance/specs/field_refs.mig:44: legacy.patients -> emr.patient: rejected rows with the first rule that failed
INSERT INTO "chartshift"."rejects" (
  "map",
  "source_table",
  "source_key",
  "slot",
  "record",
  "rule",
  "reason",
  "original_row",
  "reason_code"
)
SELECT
  'legacy.patients -> emr.patient',
  'legacy.patients',
  CAST((
    "w"."s__patients__pat_no"
  ) AS TEXT),
  "w"."__slot",
  "w"."__row",
  CASE "w"."__rule"
    WHEN 1
    THEN 'cast'
    WHEN 2
    THEN 'key'
    WHEN 3
    THEN 'not null:emr.patient.mrn'
    WHEN 4
    THEN 'length:emr.patient.mrn'
    WHEN 5
    THEN 'duplicate key'
  END,
  CASE "w"."__rule"
    WHEN 1
    THEN 'value does not fit the source column type'
    WHEN 2
    THEN 'missing legacy key'
    WHEN 3
    THEN 'mrn is required but empty'
    WHEN 4
    THEN 'mrn is longer than 10 characters'
    WHEN 5
    THEN 'duplicate legacy key (an earlier row has the same key)'
  END,
  CAST(JSON_OBJECT('pat_no', "r"."pat_no", 'name', "r"."name", 'status', "r"."status") AS TEXT),
  CASE "w"."__rule"
    WHEN 1
    THEN 'cast'
    WHEN 2
    THEN 'missing_key'
    WHEN 3
    THEN 'not_null'
    WHEN 4
    THEN 'too_long'
    WHEN 5
    THEN 'duplicate_key'
  END
FROM "cs_work__emr__patient" AS "w"
JOIN "chartshift_stage"."legacy__patients" AS "r"
  ON "r"."__row" = "w"."__row"
WHERE
  "w"."__status" = 'rejected'
ORDER BY
  "w"."__row",
  "w"."__slot";

-- tests/conformance/specs/field_refs.mig:45: crosswalk emr.patient: the keys of this run are written again below
DELETE FROM "chartshift"."xwalk__emr__patient"
WHERE
  "legacy_key" IN (
    SELECT
      "__key"
    FROM "cs_work__emr__patient"
    WHERE
      "__status" IN ('loaded', 'merged')
  );

-- tests/conformance/specs/field_refs.mig:45: crosswalk emr.patient: keys not loaded by this run stay, inactive, with their ids
UPDATE "chartshift"."xwalk__emr__patient" SET "state" = 'inactive', "target_id" = NULL
WHERE
  "state" <> 'inactive';

-- tests/conformance/specs/field_refs.mig:45: crosswalk emr.patient: loaded keys with their ids, merged keys pointing at their survivor's id
INSERT INTO "chartshift"."xwalk__emr__patient" (
  "legacy_key",
  "own_id",
  "target_id",
  "state"
)
SELECT
  "w"."__key",
  "w"."__own_id",
  "w"."__own_id",
  "w"."__status"
FROM "cs_work__emr__patient" AS "w"
WHERE
  "w"."__status" IN ('loaded', 'merged');

-- tests/conformance/specs/field_refs.mig:44: legacy.patients -> emr.patient: load the surviving rows
INSERT INTO "emr"."patient" (
  "id",
  "mrn",
  "name",
  "status"
)
SELECT
  CAST("w"."__own_id" AS BIGINT),
  CAST("w"."f__mrn" AS TEXT),
  CAST("w"."f__name" AS TEXT),
  CAST("w"."f__status" AS TEXT)
FROM "cs_work__emr__patient" AS "w"
WHERE
  "w"."__status" = 'loaded';

-- tests/conformance/specs/field_refs.mig:44: legacy.patients -> emr.patient: accounting identity: source rows = loaded + rejected + filtered + merged + aggregated
INSERT INTO "chartshift"."reconciliation" (
  "map",
  "source_table",
  "target_table",
  "source_rows",
  "loaded",
  "rejected",
  "filtered",
  "merged",
  "aggregated"
)
SELECT
  'legacy.patients -> emr.patient',
  'legacy.patients',
  'emr.patient',
  (
    SELECT
      COUNT(*)
    FROM "legacy"."patients"
  ),
  (
    SELECT
      COUNT(*)
    FROM "emr"."patient"
  ),
  (
    SELECT
      COUNT(*)
    FROM "chartshift"."rejects"
    WHERE
      "map" = 'legacy.patients -> emr.patient'
  ),
  0,
  0,
  0;

-- tests/conformance/specs/field_refs.mig:44: legacy.patients -> emr.patient: work table no longer needed
DROP TABLE IF EXISTS "cs_work__emr__patient";

