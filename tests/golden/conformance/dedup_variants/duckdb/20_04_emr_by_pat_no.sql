-- chartshift 0.1.0 | dialect duckdb
-- spec tests/conformance/specs/dedup_variants.mig sha256 9082dc9e058ac5f68fbb44986c8966cf6d31a10f774e25fa1f69904ce371c7e6
-- 20_04_emr_by_pat_no: map legacy.people -> emr.by_pat_no
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/dedup_variants.mig`.


-- tests/conformance/specs/dedup_variants.mig:63: work table left by an earlier run
DROP TABLE IF EXISTS "cs_work__emr__by_pat_no";

-- tests/conformance/specs/dedup_variants.mig:63: legacy.people -> emr.by_pat_no: every kept row with its fields and status
CREATE TEMPORARY TABLE "cs_work__emr__by_pat_no" AS
WITH "cs_in" AS (
  SELECT
    "people"."__row" AS "__row",
    "people"."__cast_error" AS "__cast_error",
    "people"."rec_id" AS "s__people__rec_id",
    "people"."pat_no" AS "s__people__pat_no",
    1 AS "__slot"
  FROM "legacy"."people" AS "people"
), "cs_fields" AS (
  SELECT
    "cs_in".*,
    "cs_in"."s__people__rec_id" AS "f__rec",
    CAST((
      "cs_in"."s__people__pat_no"
    ) AS TEXT) AS "__key"
  FROM "cs_in"
), "cs_checked" AS (
  SELECT
    "cs_fields".*,
    CASE
      WHEN NOT "cs_fields"."__cast_error" IS NULL
      THEN 1
      WHEN "cs_fields"."__key" IS NULL
      THEN 2
    END AS "__rule0"
  FROM "cs_fields"
), "cs_rules" AS (
  SELECT
    "cs_checked".*,
    CASE
      WHEN NOT "cs_checked"."__rule0" IS NULL
      THEN "cs_checked"."__rule0"
      WHEN NOT "cs_ambiguous"."__d1" IS NULL
      THEN 3
      WHEN NOT "cs_dups"."first_row" IS NULL
      AND "cs_checked"."__row" > "cs_dups"."first_row"
      THEN 4
    END AS "__rule"
  FROM "cs_checked"
  LEFT JOIN (
    SELECT
      "cs_checked"."s__people__pat_no" AS "__d1"
    FROM "cs_checked"
    WHERE
      "cs_checked"."__rule0" IS NULL AND NOT "cs_checked"."s__people__pat_no" IS NULL
    GROUP BY
      "cs_checked"."s__people__pat_no"
    HAVING
      COUNT(*) > 1
  ) AS "cs_ambiguous"
    ON "cs_ambiguous"."__d1" = "cs_checked"."s__people__pat_no"
  LEFT JOIN (
    SELECT
      "cs_fields"."s__people__pat_no" AS "__k1",
      MIN("cs_fields"."__row") AS "first_row"
    FROM "cs_fields"
    GROUP BY
      "cs_fields"."s__people__pat_no"
    HAVING
      COUNT(*) > 1
  ) AS "cs_dups"
    ON "cs_dups"."__k1" = "cs_checked"."s__people__pat_no"
), "cs_status" AS (
  SELECT
    "cs_rules"."__row",
    "cs_rules"."__slot",
    "cs_rules"."__key",
    "cs_rules"."__rule",
    "cs_rules"."f__rec",
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
        FROM "chartshift"."xwalk__emr__by_pat_no"
      ) + ROW_NUMBER() OVER (
        ORDER BY (
          "cs_prev"."own_id" IS NULL AND "cs_status"."__status" = 'loaded'
        ) DESC, "cs_status"."__row", "cs_status"."__slot"
      )
    END
  ) AS "__own_id"
FROM "cs_status"
LEFT JOIN "chartshift"."xwalk__emr__by_pat_no" AS "cs_prev"
  ON "cs_prev"."legacy_key" = "cs_status"."__key";

-- tests/conformance/specs/dedup_variants.mig:63: legacy.people -> emr.by_pat_no: rejected rows with the first rule that failed
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
  'legacy.people -> emr.by_pat_no',
  'legacy.people',
  CAST(NULL AS TEXT),
  "w"."__slot",
  "w"."__row",
  CASE "w"."__rule"
    WHEN 1
    THEN 'cast'
    WHEN 2
    THEN 'key'
    WHEN 3
    THEN 'ambiguous_duplicate'
    WHEN 4
    THEN 'duplicate key'
  END,
  CASE "w"."__rule"
    WHEN 1
    THEN 'value does not fit the source column type'
    WHEN 2
    THEN 'missing legacy key'
    WHEN 3
    THEN 'ambiguous duplicate'
    WHEN 4
    THEN 'duplicate legacy key (an earlier row has the same key)'
  END,
  CAST(JSON_OBJECT(
    'rec_id',
    "r"."rec_id",
    'pat_no',
    "r"."pat_no",
    'last',
    "r"."last",
    'first',
    "r"."first",
    'born',
    "r"."born"
  ) AS TEXT),
  CASE "w"."__rule"
    WHEN 1
    THEN 'cast'
    WHEN 2
    THEN 'missing_key'
    WHEN 3
    THEN 'ambiguous_duplicate'
    WHEN 4
    THEN 'duplicate_key'
  END
FROM "cs_work__emr__by_pat_no" AS "w"
JOIN "chartshift_stage"."legacy__people" AS "r"
  ON "r"."__row" = "w"."__row"
WHERE
  "w"."__status" = 'rejected'
ORDER BY
  "w"."__row",
  "w"."__slot";

-- tests/conformance/specs/dedup_variants.mig:64: crosswalk emr.by_pat_no: the keys of this run are written again below
DELETE FROM "chartshift"."xwalk__emr__by_pat_no"
WHERE
  "legacy_key" IN (
    SELECT
      "__key"
    FROM "cs_work__emr__by_pat_no"
    WHERE
      "__status" IN ('loaded', 'merged')
  );

-- tests/conformance/specs/dedup_variants.mig:64: crosswalk emr.by_pat_no: keys not loaded by this run stay, inactive, with their ids
UPDATE "chartshift"."xwalk__emr__by_pat_no" SET "state" = 'inactive', "target_id" = NULL
WHERE
  "state" <> 'inactive';

-- tests/conformance/specs/dedup_variants.mig:64: crosswalk emr.by_pat_no: loaded keys with their ids, merged keys pointing at their survivor's id
INSERT INTO "chartshift"."xwalk__emr__by_pat_no" (
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
FROM "cs_work__emr__by_pat_no" AS "w"
WHERE
  "w"."__status" IN ('loaded', 'merged');

-- tests/conformance/specs/dedup_variants.mig:63: legacy.people -> emr.by_pat_no: load the surviving rows
INSERT INTO "emr"."by_pat_no" (
  "id",
  "rec"
)
SELECT
  CAST("w"."__own_id" AS BIGINT),
  CAST("w"."f__rec" AS TEXT)
FROM "cs_work__emr__by_pat_no" AS "w"
WHERE
  "w"."__status" = 'loaded';

-- tests/conformance/specs/dedup_variants.mig:63: legacy.people -> emr.by_pat_no: accounting identity: source rows = loaded + rejected + filtered + merged + aggregated
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
  'legacy.people -> emr.by_pat_no',
  'legacy.people',
  'emr.by_pat_no',
  (
    SELECT
      COUNT(*)
    FROM "legacy"."people"
  ),
  (
    SELECT
      COUNT(*)
    FROM "emr"."by_pat_no"
  ),
  (
    SELECT
      COUNT(*)
    FROM "chartshift"."rejects"
    WHERE
      "map" = 'legacy.people -> emr.by_pat_no'
  ),
  0,
  (
    SELECT
      COUNT(*)
    FROM "cs_work__emr__by_pat_no"
    WHERE
      "__status" = 'merged'
  ),
  0;

-- tests/conformance/specs/dedup_variants.mig:63: legacy.people -> emr.by_pat_no: work table no longer needed
DROP TABLE IF EXISTS "cs_work__emr__by_pat_no";

