-- chartshift 0.1.0 | dialect postgres
-- spec tests/golden/phases/phased.mig sha256 9de588c7335994ff2de2c612f0ae91112e81c3f4193a93b4ff497ef188d288d4
-- 20_03_emr_visit: map legacy.visits -> emr.visit
-- Generated file: do not edit. Regenerate with `chartshift compile tests/golden/phases/phased.mig`.


-- tests/golden/phases/phased.mig:51: work table left by an earlier run
DROP TABLE IF EXISTS "cs_work__emr__visit";

-- tests/golden/phases/phased.mig:51: legacy.visits -> emr.visit: every kept row with its fields and status
CREATE TEMPORARY TABLE "cs_work__emr__visit" AS
WITH "cs_in" AS (
  SELECT
    "visits"."__row" AS "__row",
    "visits"."__cast_error" AS "__cast_error",
    "visits"."visit_id" AS "s__visits__visit_id",
    "visits"."pat_no" AS "s__visits__pat_no",
    "visits"."dos" AS "s__visits__dos",
    1 AS "__slot"
  FROM "legacy"."visits" AS "visits"
), "cs_fields" AS (
  SELECT
    "cs_in".*,
    "cs_in"."s__visits__visit_id" AS "f__code",
    "cs_ref1"."target_id" AS "f__patient_id",
    "cs_in"."s__visits__dos" AS "f__dos",
    CAST((
      "cs_in"."s__visits__visit_id"
    ) AS VARCHAR) COLLATE "C" AS "__key"
  FROM "cs_in"
  LEFT JOIN "chartshift"."xwalk__emr__patient__cs_new" AS "cs_ref1"
    ON "cs_ref1"."legacy_key" = CAST((
      "cs_in"."s__visits__pat_no"
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
          "cs_fields"."f__patient_id"
        ) IS NULL
      ), FALSE)
      THEN 3
      WHEN "cs_fields"."f__code" IS NULL
      THEN 4
      WHEN LENGTH(CAST("cs_fields"."f__code" AS VARCHAR)) > 10
      THEN 5
      WHEN "cs_fields"."f__patient_id" IS NULL
      THEN 6
      WHEN LENGTH(CAST("cs_fields"."f__dos" AS VARCHAR)) > 10
      THEN 7
      WHEN NOT "cs_dups"."first_row" IS NULL AND "cs_fields"."__row" > "cs_dups"."first_row"
      THEN 8
    END AS "__rule"
  FROM "cs_fields"
  LEFT JOIN (
    SELECT
      "cs_fields"."s__visits__visit_id" COLLATE "C" AS "__k1",
      MIN("cs_fields"."__row") AS "first_row"
    FROM "cs_fields"
    GROUP BY
      "cs_fields"."s__visits__visit_id" COLLATE "C"
    HAVING
      COUNT(*) > 1
  ) AS "cs_dups"
    ON "cs_dups"."__k1" = "cs_fields"."s__visits__visit_id" COLLATE "C"
), "cs_status" AS (
  SELECT
    "cs_rules"."__row",
    "cs_rules"."__slot",
    "cs_rules"."__key",
    "cs_rules"."__rule",
    "cs_rules"."f__code",
    "cs_rules"."f__patient_id",
    "cs_rules"."f__dos",
    "cs_rules"."s__visits__visit_id",
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
        FROM "chartshift"."xwalk__emr__visit"
      ) + ROW_NUMBER() OVER (
        ORDER BY (
          "cs_prev"."own_id" IS NULL AND "cs_status"."__status" = 'loaded'
        ) DESC NULLS LAST, "cs_status"."__row", "cs_status"."__slot"
      )
    END
  ) AS "__own_id"
FROM "cs_status"
LEFT JOIN "chartshift"."xwalk__emr__visit" AS "cs_prev"
  ON "cs_prev"."legacy_key" = "cs_status"."__key";

-- tests/golden/phases/phased.mig:51: legacy.visits -> emr.visit: statistics of the work table
ANALYZE "cs_work__emr__visit";

-- tests/golden/phases/phased.mig:51: legacy.visits -> emr.visit: rejected rows with the first rule that failed
INSERT INTO "chartshift"."rejects__cs_new" (
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
  'legacy.visits -> emr.visit',
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
    THEN 'reject:56'
    WHEN 4
    THEN 'not null:emr.visit.code'
    WHEN 5
    THEN 'length:emr.visit.code'
    WHEN 6
    THEN 'not null:emr.visit.patient_id'
    WHEN 7
    THEN 'length:emr.visit.dos'
    WHEN 8
    THEN 'duplicate key'
  END,
  CASE "w"."__rule"
    WHEN 1
    THEN 'value does not fit the source column type'
    WHEN 2
    THEN 'missing legacy key'
    WHEN 3
    THEN 'unknown patient'
    WHEN 4
    THEN 'code is required but empty'
    WHEN 5
    THEN 'code is longer than 10 characters'
    WHEN 6
    THEN 'patient_id is required but empty'
    WHEN 7
    THEN 'dos is longer than 10 characters'
    WHEN 8
    THEN 'duplicate legacy key (an earlier row has the same key)'
  END,
  CAST(JSON_BUILD_OBJECT('visit_id', "r"."visit_id", 'pat_no', "r"."pat_no", 'dos', "r"."dos") AS TEXT),
  CASE "w"."__rule"
    WHEN 1
    THEN 'cast'
    WHEN 2
    THEN 'missing_key'
    WHEN 3
    THEN 'reject'
    WHEN 4
    THEN 'not_null'
    WHEN 5
    THEN 'too_long'
    WHEN 6
    THEN 'not_null'
    WHEN 7
    THEN 'too_long'
    WHEN 8
    THEN 'duplicate_key'
  END
FROM "cs_work__emr__visit" AS "w"
JOIN "chartshift_stage"."legacy__visits" AS "r"
  ON "r"."__row" = "w"."__row"
WHERE
  "w"."__status" = 'rejected'
ORDER BY
  "w"."__row",
  "w"."__slot";

-- tests/golden/phases/phased.mig:52: crosswalk emr.visit: loaded keys with their ids, merged keys pointing at their survivor's id
INSERT INTO "chartshift"."xwalk__emr__visit__cs_new" (
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
FROM "cs_work__emr__visit" AS "w"
WHERE
  "w"."__status" IN ('loaded', 'merged');

-- tests/golden/phases/phased.mig:52: crosswalk emr.visit: keys not loaded by this run stay, inactive, with their ids
INSERT INTO "chartshift"."xwalk__emr__visit__cs_new" (
  "legacy_key",
  "own_id",
  "target_id",
  "state"
)
SELECT
  "p"."legacy_key",
  "p"."own_id",
  NULL,
  'inactive'
FROM "chartshift"."xwalk__emr__visit" AS "p"
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM "chartshift"."xwalk__emr__visit__cs_new"
    WHERE
      "xwalk__emr__visit__cs_new"."legacy_key" = "p"."legacy_key"
  );

-- tests/golden/phases/phased.mig:52: crosswalk emr.visit: statistics for the maps that join it
ANALYZE "chartshift"."xwalk__emr__visit__cs_new";

-- tests/golden/phases/phased.mig:51: legacy.visits -> emr.visit: load the surviving rows
INSERT INTO "emr"."visit__cs_new" (
  "id",
  "code",
  "patient_id",
  "dos"
)
SELECT
  CAST("w"."__own_id" AS BIGINT),
  CAST("w"."f__code" AS VARCHAR(10)),
  CAST("w"."f__patient_id" AS BIGINT),
  CAST("w"."f__dos" AS VARCHAR(10))
FROM "cs_work__emr__visit" AS "w"
WHERE
  "w"."__status" = 'loaded';

-- tests/golden/phases/phased.mig:51: legacy.visits -> emr.visit: accounting identity: source rows = loaded + rejected + filtered + merged + aggregated
INSERT INTO "chartshift"."reconciliation__cs_new" (
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
  'legacy.visits -> emr.visit',
  'legacy.visits',
  'emr.visit',
  (
    SELECT
      COUNT(*)
    FROM "legacy"."visits"
  ),
  (
    SELECT
      COUNT(*)
    FROM "emr"."visit__cs_new"
  ),
  (
    SELECT
      COUNT(*)
    FROM "chartshift"."rejects__cs_new"
    WHERE
      "map" = 'legacy.visits -> emr.visit'
  ),
  0,
  0,
  0;

-- tests/golden/phases/phased.mig:51: legacy.visits -> emr.visit: work table no longer needed
DROP TABLE IF EXISTS "cs_work__emr__visit";

