-- chartshift 0.1.0 | dialect postgres
-- spec specs/demo_clinic.mig sha256 a0494f9d66c6084fd72bfacaa145ad2d752a9b7ffec0e94f1786bb184aad4f3b
-- 20_07_emr_encounter: map legacy.visits -> emr.encounter
-- Generated file: do not edit. Regenerate with `chartshift compile specs/demo_clinic.mig`.


-- specs/demo_clinic.mig:279: work table left by an earlier run
DROP TABLE IF EXISTS "cs_work__emr__encounter";

-- specs/demo_clinic.mig:279: legacy.visits -> emr.encounter: every candidate row with its fields and status
CREATE TEMPORARY TABLE "cs_work__emr__encounter" AS
WITH "cs_in" AS (
  SELECT
    "visits"."__row" AS "__row",
    "visits"."__cast_error" AS "__cast_error",
    "visits"."visit_id" AS "s__visits__visit_id",
    "visits"."case_no" AS "s__visits__case_no",
    "visits"."pat_no" AS "s__visits__pat_no",
    "visits"."prov_id" AS "s__visits__prov_id",
    "visits"."dos" AS "s__visits__dos",
    "visits"."status" AS "s__visits__status",
    "visits"."cpt1" AS "s__visits__cpt1",
    "visits"."units1" AS "s__visits__units1",
    "visits"."mod1" AS "s__visits__mod1",
    "visits"."amount1" AS "s__visits__amount1",
    "visits"."cpt2" AS "s__visits__cpt2",
    "visits"."units2" AS "s__visits__units2",
    "visits"."mod2" AS "s__visits__mod2",
    "visits"."amount2" AS "s__visits__amount2",
    "visits"."cpt3" AS "s__visits__cpt3",
    "visits"."units3" AS "s__visits__units3",
    "visits"."mod3" AS "s__visits__mod3",
    "visits"."amount3" AS "s__visits__amount3",
    1 AS "__slot"
  FROM "legacy"."visits" AS "visits"
), "cs_fields" AS (
  SELECT
    *,
    (
      SELECT
        "cs_x"."target_id"
      FROM "chartshift"."xwalk__emr__patient" AS "cs_x"
      WHERE
        "cs_x"."legacy_key" = CAST((
          "cs_in"."s__visits__pat_no"
        ) AS VARCHAR) COLLATE "C"
        AND "cs_x"."state" <> 'inactive'
    ) AS "f__patient_id",
    (
      SELECT
        "cs_x"."target_id"
      FROM "chartshift"."xwalk__emr__episode" AS "cs_x"
      WHERE
        "cs_x"."legacy_key" = CAST((
          "cs_in"."s__visits__case_no"
        ) AS VARCHAR) COLLATE "C"
        AND "cs_x"."state" <> 'inactive'
    ) AS "f__episode_id",
    (
      SELECT
        "cs_x"."target_id"
      FROM "chartshift"."xwalk__emr__practitioner" AS "cs_x"
      WHERE
        "cs_x"."legacy_key" = CAST((
          "cs_in"."s__visits__prov_id"
        ) AS VARCHAR) COLLATE "C"
        AND "cs_x"."state" <> 'inactive'
    ) AS "f__practitioner_id",
    CASE
      WHEN TRANSLATE(TRIM("cs_in"."s__visits__dos"), '0123456789', '9999999999') IN ('9/9/9999', '9/99/9999', '99/9/9999', '99/99/9999')
      THEN CASE
        WHEN CAST(SPLIT_PART("cs_in"."s__visits__dos", '/', 3) AS INT) >= 1
        AND CAST(SPLIT_PART("cs_in"."s__visits__dos", '/', 2) AS INT) BETWEEN 1 AND CASE CAST(SPLIT_PART("cs_in"."s__visits__dos", '/', 1) AS INT)
          WHEN 1
          THEN 31
          WHEN 2
          THEN CASE
            WHEN CAST(SPLIT_PART("cs_in"."s__visits__dos", '/', 3) AS INT) % 4 = 0
            AND (
              CAST(SPLIT_PART("cs_in"."s__visits__dos", '/', 3) AS INT) % 100 <> 0
              OR CAST(SPLIT_PART("cs_in"."s__visits__dos", '/', 3) AS INT) % 400 = 0
            )
            THEN 29
            ELSE 28
          END
          WHEN 3
          THEN 31
          WHEN 4
          THEN 30
          WHEN 5
          THEN 31
          WHEN 6
          THEN 30
          WHEN 7
          THEN 31
          WHEN 8
          THEN 31
          WHEN 9
          THEN 30
          WHEN 10
          THEN 31
          WHEN 11
          THEN 30
          WHEN 12
          THEN 31
          ELSE 0
        END
        THEN MAKE_DATE(
          CAST(SPLIT_PART("cs_in"."s__visits__dos", '/', 3) AS INT),
          CAST(SPLIT_PART("cs_in"."s__visits__dos", '/', 1) AS INT),
          CAST(SPLIT_PART("cs_in"."s__visits__dos", '/', 2) AS INT)
        )
      END
    END AS "f__service_date",
    COALESCE(
      (
        SELECT
          "cs_l"."value"
        FROM "chartshift"."lookup__visit_status" AS "cs_l"
        WHERE
          "cs_l"."key" = UPPER(TRIM("cs_in"."s__visits__status"))
      ),
      'unknown'
    ) AS "f__status",
    CAST((
      "cs_in"."s__visits__visit_id"
    ) AS VARCHAR) COLLATE "C" AS "__key",
    COALESCE((
      TRUE
    ), FALSE) AS "__keep"
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
          "cs_fields"."f__patient_id"
        ) IS NULL
      ), FALSE)
      THEN 3
      WHEN "cs_fields"."f__patient_id" IS NULL
      THEN 4
      WHEN "cs_fields"."f__status" IS NULL
      THEN 5
      WHEN LENGTH(CAST("cs_fields"."f__status" AS VARCHAR)) > 10
      THEN 6
      WHEN NOT (
        "cs_fields"."f__status" IN ('completed', 'no-show', 'cancelled', 'unknown')
      )
      THEN 7
      WHEN NOT "cs_dups"."first_row" IS NULL AND "cs_fields"."__row" > "cs_dups"."first_row"
      THEN 8
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
  "cs_rules"."f__patient_id",
  "cs_rules"."f__episode_id",
  "cs_rules"."f__practitioner_id",
  "cs_rules"."f__service_date",
  "cs_rules"."f__status",
  "cs_rules"."s__visits__visit_id",
  CASE
    WHEN NOT "cs_rules"."__keep"
    THEN 'filtered'
    WHEN NOT "cs_rules"."__rule" IS NULL
    THEN 'rejected'
    ELSE 'loaded'
  END AS "__status",
  "cs_rules"."__key" AS "__survivor_key"
FROM "cs_rules";

-- specs/demo_clinic.mig:279: legacy.visits -> emr.encounter: rejected rows with the first rule that failed
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
  'legacy.visits -> emr.encounter',
  'legacy.visits',
  CAST((
    "w"."s__visits__visit_id"
  ) AS VARCHAR) COLLATE "C",
  "w"."__slot",
  "w"."__row",
  CASE "w"."__rule"
    WHEN 1
    THEN 'cast'
    WHEN 2
    THEN 'key'
    WHEN 3
    THEN 'reject:286'
    WHEN 4
    THEN 'not null:emr.encounter.patient_id'
    WHEN 5
    THEN 'not null:emr.encounter.status'
    WHEN 6
    THEN 'length:emr.encounter.status'
    WHEN 7
    THEN 'in:emr.encounter.status'
    WHEN 8
    THEN 'duplicate key'
  END,
  CASE "w"."__rule"
    WHEN 1
    THEN 'value does not fit the source column type'
    WHEN 2
    THEN 'missing legacy key'
    WHEN 3
    THEN 'visit for unknown patient'
    WHEN 4
    THEN 'patient_id is required but empty'
    WHEN 5
    THEN 'status is required but empty'
    WHEN 6
    THEN 'status is longer than 10 characters'
    WHEN 7
    THEN 'status is not one of the allowed values'
    WHEN 8
    THEN 'duplicate legacy key (an earlier row has the same key)'
  END,
  CAST(JSON_BUILD_OBJECT(
    'visit_id',
    "r"."visit_id",
    'case_no',
    "r"."case_no",
    'pat_no',
    "r"."pat_no",
    'prov_id',
    "r"."prov_id",
    'dos',
    "r"."dos",
    'status',
    "r"."status",
    'cpt1',
    "r"."cpt1",
    'units1',
    "r"."units1",
    'mod1',
    "r"."mod1",
    'amount1',
    "r"."amount1",
    'cpt2',
    "r"."cpt2",
    'units2',
    "r"."units2",
    'mod2',
    "r"."mod2",
    'amount2',
    "r"."amount2",
    'cpt3',
    "r"."cpt3",
    'units3',
    "r"."units3",
    'mod3',
    "r"."mod3",
    'amount3',
    "r"."amount3"
  ) AS TEXT)
FROM "cs_work__emr__encounter" AS "w"
JOIN "chartshift_stage"."legacy__visits" AS "r"
  ON "r"."__row" = "w"."__row"
WHERE
  "w"."__status" = 'rejected'
ORDER BY
  "w"."__row",
  "w"."__slot";

-- specs/demo_clinic.mig:280: crosswalk emr.encounter
DROP TABLE IF EXISTS "cs_xwalk_new__emr__encounter";

-- specs/demo_clinic.mig:280: crosswalk emr.encounter: keep known ids, number new keys in key order after the highest id, merged keys point at their survivor
CREATE TEMPORARY TABLE "cs_xwalk_new__emr__encounter" AS
WITH "prev" AS (
  SELECT
    "legacy_key",
    "own_id"
  FROM "chartshift"."xwalk__emr__encounter"
), "cur" AS (
  SELECT
    "__key",
    "__status",
    "__survivor_key"
  FROM "cs_work__emr__encounter"
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

-- specs/demo_clinic.mig:280: crosswalk emr.encounter: replace contents
DELETE FROM "chartshift"."xwalk__emr__encounter";

-- specs/demo_clinic.mig:280: crosswalk emr.encounter
INSERT INTO "chartshift"."xwalk__emr__encounter" (
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
FROM "cs_xwalk_new__emr__encounter"
ORDER BY
  "legacy_key";

-- specs/demo_clinic.mig:279: legacy.visits -> emr.encounter: load the surviving rows
INSERT INTO "emr"."encounter" (
  "id",
  "patient_id",
  "episode_id",
  "practitioner_id",
  "service_date",
  "status"
)
SELECT
  "x"."target_id",
  CAST("w"."f__patient_id" AS BIGINT),
  CAST("w"."f__episode_id" AS BIGINT),
  CAST("w"."f__practitioner_id" AS BIGINT),
  CAST("w"."f__service_date" AS DATE),
  CAST("w"."f__status" AS VARCHAR(10))
FROM "cs_work__emr__encounter" AS "w"
JOIN "chartshift"."xwalk__emr__encounter" AS "x"
  ON "x"."legacy_key" = "w"."__key"
WHERE
  "w"."__status" = 'loaded'
ORDER BY
  "x"."target_id";

