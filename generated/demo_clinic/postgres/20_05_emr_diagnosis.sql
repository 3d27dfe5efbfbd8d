-- chartshift 0.1.0 | dialect postgres
-- spec specs/demo_clinic.mig sha256 a2d29e478bd0344673ca628df24d217e8057e79772da3f5917ea33a753acd32d
-- 20_05_emr_diagnosis: map legacy.cases -> emr.diagnosis
-- Generated file: do not edit. Regenerate with `chartshift compile specs/demo_clinic.mig`.


-- specs/demo_clinic.mig:294: work table left by an earlier run
DROP TABLE IF EXISTS "cs_work__emr__diagnosis";

-- specs/demo_clinic.mig:294: legacy.cases -> emr.diagnosis: every kept row with its fields and status
CREATE TEMPORARY TABLE "cs_work__emr__diagnosis" AS
WITH "cs_in" AS (
  SELECT
    *
  FROM (
    SELECT
      "cases"."__row" AS "__row",
      "cases"."__cast_error" AS "__cast_error",
      "cases"."case_no" AS "s__cases__case_no",
      "cases"."dx1" AS "s__cases__dx1",
      "cases"."dx2" AS "s__cases__dx2",
      "cases"."dx3" AS "s__cases__dx3",
      "cases"."dx4" AS "s__cases__dx4",
      CASE "cs_slots"."n"
        WHEN 1
        THEN "cases"."dx1"
        WHEN 2
        THEN "cases"."dx2"
        WHEN 3
        THEN "cases"."dx3"
        WHEN 4
        THEN "cases"."dx4"
      END AS "e__dx",
      "cs_slots"."n" AS "__slot"
    FROM "legacy"."cases" AS "cases"
    CROSS JOIN (
      SELECT
        1 AS "n"
      UNION ALL
      SELECT
        2 AS "n"
      UNION ALL
      SELECT
        3 AS "n"
      UNION ALL
      SELECT
        4 AS "n"
    ) AS "cs_slots"
  ) AS "cs_in"
  WHERE
    COALESCE(
      (
        (
          NOT (
            NULLIF(TRIM(BOTH ' ' FROM "cs_in"."e__dx"), '')
          ) IS NULL
        )
      ),
      FALSE
    )
), "cs_fields" AS (
  SELECT
    "cs_in".*,
    "cs_ref1"."target_id" AS "f__episode_id",
    "cs_in"."__slot" AS "f__seq",
    NULLIF(
      SUBSTRING(
        REGEXP_REPLACE(
          REGEXP_REPLACE(UPPER(TRIM(BOTH ' ' FROM "cs_in"."e__dx")), '^([^.]*)\.', '\1', 'g'),
          '^(...)(.)',
          '\1.\2',
          'g'
        ),
        '^(?:[A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?)$'
      ),
      ''
    ) AS "f__icd10_code",
    (
      CAST((
        "cs_in"."s__cases__case_no"
      ) AS VARCHAR) || '|' || CAST((
        "cs_in"."__slot"
      ) AS VARCHAR)
    ) COLLATE "C" AS "__key"
  FROM "cs_in"
  LEFT JOIN "chartshift"."xwalk__emr__episode" AS "cs_ref1"
    ON "cs_ref1"."legacy_key" = CAST((
      "cs_in"."s__cases__case_no"
    ) AS VARCHAR) COLLATE "C"
    AND "cs_ref1"."state" <> 'inactive'
), "cs_rules" AS (
  SELECT
    "cs_fields".*,
    CASE
      WHEN NOT "cs_fields"."__cast_error" IS NULL
      THEN 1
      WHEN "cs_fields"."__key" IS NULL
      THEN 2
      WHEN COALESCE((
        (
          "cs_fields"."f__episode_id"
        ) IS NULL
      ), FALSE)
      THEN 3
      WHEN COALESCE((
        (
          "cs_fields"."f__icd10_code"
        ) IS NULL
      ), FALSE)
      THEN 4
      WHEN "cs_fields"."f__episode_id" IS NULL
      THEN 5
      WHEN "cs_fields"."f__seq" IS NULL
      THEN 6
      WHEN NOT COALESCE((
        (
          "cs_fields"."f__seq"
        ) BETWEEN 1 AND 4
      ), TRUE)
      THEN 7
      WHEN "cs_fields"."f__icd10_code" IS NULL
      THEN 8
      WHEN LENGTH(CAST("cs_fields"."f__icd10_code" AS VARCHAR)) > 8
      THEN 9
      WHEN NOT "cs_dups"."first_row" IS NULL
      AND "cs_fields"."__row" * 4 + "cs_fields"."__slot" > "cs_dups"."first_row"
      THEN 10
    END AS "__rule"
  FROM "cs_fields"
  LEFT JOIN (
    SELECT
      "cs_fields"."s__cases__case_no" COLLATE "C" AS "__k1",
      "cs_fields"."__slot" AS "__k2",
      MIN("cs_fields"."__row" * 4 + "cs_fields"."__slot") AS "first_row"
    FROM "cs_fields"
    GROUP BY
      "cs_fields"."s__cases__case_no" COLLATE "C",
      "cs_fields"."__slot"
    HAVING
      COUNT(*) > 1
  ) AS "cs_dups"
    ON "cs_dups"."__k1" = "cs_fields"."s__cases__case_no" COLLATE "C"
    AND "cs_dups"."__k2" = "cs_fields"."__slot"
), "cs_status" AS (
  SELECT
    "cs_rules"."__row",
    "cs_rules"."__slot",
    "cs_rules"."__key",
    "cs_rules"."__rule",
    "cs_rules"."f__episode_id",
    "cs_rules"."f__seq",
    "cs_rules"."f__icd10_code",
    "cs_rules"."s__cases__case_no",
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
        FROM "chartshift"."xwalk__emr__diagnosis"
      ) + ROW_NUMBER() OVER (
        ORDER BY (
          "cs_prev"."own_id" IS NULL AND "cs_status"."__status" = 'loaded'
        ) DESC NULLS LAST, "cs_status"."__row", "cs_status"."__slot"
      )
    END
  ) AS "__own_id"
FROM "cs_status"
LEFT JOIN "chartshift"."xwalk__emr__diagnosis" AS "cs_prev"
  ON "cs_prev"."legacy_key" = "cs_status"."__key";

-- specs/demo_clinic.mig:294: legacy.cases -> emr.diagnosis: statistics of the work table
ANALYZE "cs_work__emr__diagnosis";

-- specs/demo_clinic.mig:294: legacy.cases -> emr.diagnosis: rejected rows with the first rule that failed
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
  'legacy.cases -> emr.diagnosis',
  'legacy.cases',
  CAST((
    "w"."s__cases__case_no"
  ) AS VARCHAR) COLLATE "C",
  "w"."__slot",
  "w"."__row",
  CASE "w"."__rule"
    WHEN 1
    THEN 'cast'
    WHEN 2
    THEN 'key'
    WHEN 3
    THEN 'reject:301'
    WHEN 4
    THEN 'reject:302'
    WHEN 5
    THEN 'not null:emr.diagnosis.episode_id'
    WHEN 6
    THEN 'not null:emr.diagnosis.seq'
    WHEN 7
    THEN 'check:emr.diagnosis.seq'
    WHEN 8
    THEN 'not null:emr.diagnosis.icd10_code'
    WHEN 9
    THEN 'length:emr.diagnosis.icd10_code'
    WHEN 10
    THEN 'duplicate key'
  END,
  CASE "w"."__rule"
    WHEN 1
    THEN 'value does not fit the source column type'
    WHEN 2
    THEN 'missing legacy key'
    WHEN 3
    THEN 'diagnosis for unknown episode'
    WHEN 4
    THEN 'invalid ICD-10 code'
    WHEN 5
    THEN 'episode_id is required but empty'
    WHEN 6
    THEN 'seq is required but empty'
    WHEN 7
    THEN 'seq fails its check constraint'
    WHEN 8
    THEN 'icd10_code is required but empty'
    WHEN 9
    THEN 'icd10_code is longer than 8 characters'
    WHEN 10
    THEN 'duplicate legacy key (an earlier row has the same key)'
  END,
  CAST(JSON_BUILD_OBJECT(
    'case_no',
    "r"."case_no",
    'pat_no',
    "r"."pat_no",
    'therapist_id',
    "r"."therapist_id",
    'referring_physician',
    "r"."referring_physician",
    'referring_npi',
    "r"."referring_npi",
    'injury_date',
    "r"."injury_date",
    'eval_date',
    "r"."eval_date",
    'dx1',
    "r"."dx1",
    'dx2',
    "r"."dx2",
    'dx3',
    "r"."dx3",
    'dx4',
    "r"."dx4"
  ) AS TEXT),
  CASE "w"."__rule"
    WHEN 1
    THEN 'cast'
    WHEN 2
    THEN 'missing_key'
    WHEN 3
    THEN 'reject'
    WHEN 4
    THEN 'reject'
    WHEN 5
    THEN 'not_null'
    WHEN 6
    THEN 'not_null'
    WHEN 7
    THEN 'check_failed'
    WHEN 8
    THEN 'not_null'
    WHEN 9
    THEN 'too_long'
    WHEN 10
    THEN 'duplicate_key'
  END
FROM "cs_work__emr__diagnosis" AS "w"
JOIN "chartshift_stage"."legacy__cases" AS "r"
  ON "r"."__row" = "w"."__row"
WHERE
  "w"."__status" = 'rejected'
ORDER BY
  "w"."__row",
  "w"."__slot";

-- specs/demo_clinic.mig:297: crosswalk emr.diagnosis: the keys of this run are written again below
DELETE FROM "chartshift"."xwalk__emr__diagnosis"
WHERE
  "legacy_key" IN (
    SELECT
      "__key"
    FROM "cs_work__emr__diagnosis"
    WHERE
      "__status" IN ('loaded', 'merged')
  );

-- specs/demo_clinic.mig:297: crosswalk emr.diagnosis: keys not loaded by this run stay, inactive, with their ids
UPDATE "chartshift"."xwalk__emr__diagnosis" SET "state" = 'inactive', "target_id" = NULL
WHERE
  "state" <> 'inactive';

-- specs/demo_clinic.mig:297: crosswalk emr.diagnosis: loaded keys with their ids, merged keys pointing at their survivor's id
INSERT INTO "chartshift"."xwalk__emr__diagnosis" (
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
FROM "cs_work__emr__diagnosis" AS "w"
WHERE
  "w"."__status" IN ('loaded', 'merged');

-- specs/demo_clinic.mig:297: crosswalk emr.diagnosis: statistics for the maps that join it
ANALYZE "chartshift"."xwalk__emr__diagnosis";

-- specs/demo_clinic.mig:294: legacy.cases -> emr.diagnosis: load the surviving rows
INSERT INTO "emr"."diagnosis" (
  "id",
  "episode_id",
  "seq",
  "icd10_code"
)
SELECT
  CAST("w"."__own_id" AS BIGINT),
  CAST("w"."f__episode_id" AS BIGINT),
  CAST("w"."f__seq" AS INT),
  CAST("w"."f__icd10_code" AS VARCHAR(8))
FROM "cs_work__emr__diagnosis" AS "w"
WHERE
  "w"."__status" = 'loaded';

-- specs/demo_clinic.mig:294: legacy.cases -> emr.diagnosis: accounting identity: source rows = loaded + rejected + filtered + merged + aggregated
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
  'legacy.cases -> emr.diagnosis',
  'legacy.cases',
  'emr.diagnosis',
  (
    SELECT
      COUNT(*)
    FROM "legacy"."cases"
  ) * 4,
  (
    SELECT
      COUNT(*)
    FROM "emr"."diagnosis"
  ),
  (
    SELECT
      COUNT(*)
    FROM "chartshift"."rejects"
    WHERE
      "map" = 'legacy.cases -> emr.diagnosis'
  ),
  (
    SELECT
      COUNT(*)
    FROM (
      SELECT
        "cases"."__row" AS "__row",
        "cases"."__cast_error" AS "__cast_error",
        "cases"."case_no" AS "s__cases__case_no",
        "cases"."dx1" AS "s__cases__dx1",
        "cases"."dx2" AS "s__cases__dx2",
        "cases"."dx3" AS "s__cases__dx3",
        "cases"."dx4" AS "s__cases__dx4",
        CASE "cs_slots"."n"
          WHEN 1
          THEN "cases"."dx1"
          WHEN 2
          THEN "cases"."dx2"
          WHEN 3
          THEN "cases"."dx3"
          WHEN 4
          THEN "cases"."dx4"
        END AS "e__dx",
        "cs_slots"."n" AS "__slot"
      FROM "legacy"."cases" AS "cases"
      CROSS JOIN (
        SELECT
          1 AS "n"
        UNION ALL
        SELECT
          2 AS "n"
        UNION ALL
        SELECT
          3 AS "n"
        UNION ALL
        SELECT
          4 AS "n"
      ) AS "cs_slots"
    ) AS "cs_in"
    WHERE
      NOT COALESCE(
        (
          (
            NOT (
              NULLIF(TRIM(BOTH ' ' FROM "cs_in"."e__dx"), '')
            ) IS NULL
          )
        ),
        FALSE
      )
  ),
  0,
  0;

-- specs/demo_clinic.mig:294: legacy.cases -> emr.diagnosis: work table no longer needed
DROP TABLE IF EXISTS "cs_work__emr__diagnosis";

