-- chartshift 0.1.0 | dialect postgres
-- spec specs/demo_clinic.mig sha256 a0494f9d66c6084fd72bfacaa145ad2d752a9b7ffec0e94f1786bb184aad4f3b
-- 20_05_emr_diagnosis: map legacy.cases -> emr.diagnosis
-- Generated file: do not edit. Regenerate with `chartshift compile specs/demo_clinic.mig`.


-- specs/demo_clinic.mig:258: work table left by an earlier run
DROP TABLE IF EXISTS "cs_work__emr__diagnosis";

-- specs/demo_clinic.mig:258: legacy.cases -> emr.diagnosis: every candidate row with its fields and status
CREATE TEMPORARY TABLE "cs_work__emr__diagnosis" AS
WITH "cs_in" AS (
  SELECT
    "cases"."__row" AS "__row",
    "cases"."__cast_error" AS "__cast_error",
    "cases"."case_no" AS "s__cases__case_no",
    "cases"."pat_no" AS "s__cases__pat_no",
    "cases"."therapist_id" AS "s__cases__therapist_id",
    "cases"."referring_physician" AS "s__cases__referring_physician",
    "cases"."referring_npi" AS "s__cases__referring_npi",
    "cases"."injury_date" AS "s__cases__injury_date",
    "cases"."eval_date" AS "s__cases__eval_date",
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
), "cs_fields" AS (
  SELECT
    *,
    (
      SELECT
        "cs_x"."target_id"
      FROM "chartshift"."xwalk__emr__episode" AS "cs_x"
      WHERE
        "cs_x"."legacy_key" = CAST((
          "cs_in"."s__cases__case_no"
        ) AS VARCHAR) COLLATE "C"
        AND "cs_x"."state" <> 'inactive'
    ) AS "f__episode_id",
    "cs_in"."__slot" AS "f__seq",
    NULLIF(
      SUBSTRING(
        REGEXP_REPLACE(
          REGEXP_REPLACE(UPPER(TRIM("cs_in"."e__dx")), '^([^.]*)\.', '\1', 'g'),
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
    ) COLLATE "C" AS "__key",
    COALESCE(
      (
        TRUE AND (
          NOT (
            NULLIF(TRIM("cs_in"."e__dx"), '')
          ) IS NULL
        )
      ),
      FALSE
    ) AS "__keep"
  FROM "cs_in"
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
      WHEN NOT "cs_dups"."first_row" IS NULL AND "cs_fields"."__row" > "cs_dups"."first_row"
      THEN 10
    END AS "__rule"
  FROM "cs_fields"
  LEFT JOIN (
    SELECT
      "__key",
      MIN("__row") AS "first_row"
    FROM "cs_fields"
    GROUP BY
      "__key"
    HAVING
      COUNT(*) > 1
  ) AS "cs_dups"
    ON "cs_dups"."__key" = "cs_fields"."__key"
)
SELECT
  "cs_rules"."__row",
  "cs_rules"."__slot",
  "cs_rules"."__key",
  "cs_rules"."__rule",
  "cs_rules"."f__episode_id",
  "cs_rules"."f__seq",
  "cs_rules"."f__icd10_code",
  "cs_rules"."s__cases__case_no",
  CASE
    WHEN NOT "cs_rules"."__keep"
    THEN 'filtered'
    WHEN NOT "cs_rules"."__rule" IS NULL
    THEN 'rejected'
    ELSE 'loaded'
  END AS "__status",
  "cs_rules"."__key" AS "__survivor_key"
FROM "cs_rules";

-- specs/demo_clinic.mig:258: legacy.cases -> emr.diagnosis: rejected rows with the first rule that failed
INSERT INTO "chartshift"."rejects" (
  "map",
  "source_table",
  "source_key",
  "slot",
  "record",
  "rule",
  "reason",
  "original_row"
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
    THEN 'reject:265'
    WHEN 4
    THEN 'reject:266'
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
  ) AS TEXT)
FROM "cs_work__emr__diagnosis" AS "w"
JOIN "chartshift_stage"."legacy__cases" AS "r"
  ON "r"."__row" = "w"."__row"
WHERE
  "w"."__status" = 'rejected'
ORDER BY
  "w"."__row",
  "w"."__slot";

-- specs/demo_clinic.mig:261: crosswalk emr.diagnosis
DROP TABLE IF EXISTS "cs_xwalk_new__emr__diagnosis";

-- specs/demo_clinic.mig:261: crosswalk emr.diagnosis: keep known ids, number new keys in key order after the highest id, merged keys point at their survivor
CREATE TEMPORARY TABLE "cs_xwalk_new__emr__diagnosis" AS
WITH "prev" AS (
  SELECT
    "legacy_key",
    "own_id"
  FROM "chartshift"."xwalk__emr__diagnosis"
), "cur" AS (
  SELECT
    "__key",
    "__status",
    "__survivor_key"
  FROM "cs_work__emr__diagnosis"
  WHERE
    "__status" IN ('loaded', 'merged')
), "keys" AS (
  SELECT
    "legacy_key",
    "own_id"
  FROM "prev"
  UNION ALL
  SELECT
    "cur"."__key",
    CAST(NULL AS BIGINT)
  FROM "cur"
  WHERE
    NOT EXISTS(
      SELECT
        1
      FROM "prev" AS "p"
      WHERE
        "p"."legacy_key" = "cur"."__key"
    )
), "numbered" AS (
  SELECT
    "k"."legacy_key" AS "legacy_key",
    "c"."__status" AS "state",
    "c"."__survivor_key" AS "survivor_key",
    COALESCE(
      "k"."own_id",
      CASE
        WHEN "k"."own_id" IS NULL AND "c"."__status" = 'loaded'
        THEN (
          SELECT
            COALESCE(MAX("own_id"), 0)
          FROM "prev"
        ) + ROW_NUMBER() OVER (
          PARTITION BY (
            "k"."own_id" IS NULL AND "c"."__status" = 'loaded'
          )
          ORDER BY "k"."legacy_key"
        )
      END
    ) AS "own_id"
  FROM "keys" AS "k"
  LEFT JOIN "cur" AS "c"
    ON "c"."__key" = "k"."legacy_key"
)
SELECT
  "n"."legacy_key" AS "legacy_key",
  "n"."own_id" AS "own_id",
  CASE
    WHEN "n"."state" = 'loaded'
    THEN "n"."own_id"
    WHEN "n"."state" = 'merged'
    THEN "s"."own_id"
  END AS "target_id",
  COALESCE("n"."state", 'inactive') AS "state"
FROM "numbered" AS "n"
LEFT JOIN "numbered" AS "s"
  ON "s"."legacy_key" = "n"."survivor_key";

-- specs/demo_clinic.mig:261: crosswalk emr.diagnosis: replace contents
DELETE FROM "chartshift"."xwalk__emr__diagnosis";

-- specs/demo_clinic.mig:261: crosswalk emr.diagnosis
INSERT INTO "chartshift"."xwalk__emr__diagnosis" (
  "legacy_key",
  "own_id",
  "target_id",
  "state"
)
SELECT
  "legacy_key",
  "own_id",
  "target_id",
  "state"
FROM "cs_xwalk_new__emr__diagnosis"
ORDER BY
  "legacy_key";

-- specs/demo_clinic.mig:258: legacy.cases -> emr.diagnosis: load the surviving rows
INSERT INTO "emr"."diagnosis" (
  "id",
  "episode_id",
  "seq",
  "icd10_code"
)
SELECT
  "x"."target_id",
  CAST("w"."f__episode_id" AS BIGINT),
  CAST("w"."f__seq" AS INT),
  CAST("w"."f__icd10_code" AS VARCHAR(8))
FROM "cs_work__emr__diagnosis" AS "w"
JOIN "chartshift"."xwalk__emr__diagnosis" AS "x"
  ON "x"."legacy_key" = "w"."__key"
WHERE
  "w"."__status" = 'loaded'
ORDER BY
  "x"."target_id";

