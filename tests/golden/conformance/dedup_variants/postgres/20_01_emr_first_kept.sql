-- chartshift 0.1.0 | dialect postgres
-- spec tests/conformance/specs/dedup_variants.mig sha256 9082dc9e058ac5f68fbb44986c8966cf6d31a10f774e25fa1f69904ce371c7e6
-- 20_01_emr_first_kept: map legacy.people -> emr.first_kept
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/dedup_variants.mig`.


-- tests/conformance/specs/dedup_variants.mig:39: work table left by an earlier run
DROP TABLE IF EXISTS "cs_work__emr__first_kept";

-- tests/conformance/specs/dedup_variants.mig:39: legacy.people -> emr.first_kept: every kept row with its fields and status
CREATE TEMPORARY TABLE "cs_work__emr__first_kept" AS
WITH "cs_in" AS (
  SELECT
    "people"."__row" AS "__row",
    "people"."__cast_error" AS "__cast_error",
    "people"."rec_id" AS "s__people__rec_id",
    "people"."last" AS "s__people__last",
    "people"."first" AS "s__people__first",
    "people"."born" AS "s__people__born",
    1 AS "__slot"
  FROM "legacy"."people" AS "people"
), "cs_fields" AS (
  SELECT
    "cs_in".*,
    "cs_in"."s__people__rec_id" AS "f__rec",
    "cs_in"."s__people__first" AS "f__first",
    CAST((
      "cs_in"."s__people__rec_id"
    ) AS VARCHAR) COLLATE "C" AS "__key"
  FROM "cs_in"
), "cs_rules" AS (
  SELECT
    "cs_fields".*,
    CASE
      WHEN NOT "cs_fields"."__cast_error" IS NULL
      THEN 1
      WHEN "cs_fields"."__key" IS NULL
      THEN 2
      WHEN NOT "cs_dups"."first_row" IS NULL AND "cs_fields"."__row" > "cs_dups"."first_row"
      THEN 3
    END AS "__rule"
  FROM "cs_fields"
  LEFT JOIN (
    SELECT
      "cs_fields"."s__people__rec_id" COLLATE "C" AS "__k1",
      MIN("cs_fields"."__row") AS "first_row"
    FROM "cs_fields"
    GROUP BY
      "cs_fields"."s__people__rec_id" COLLATE "C"
    HAVING
      COUNT(*) > 1
  ) AS "cs_dups"
    ON "cs_dups"."__k1" = "cs_fields"."s__people__rec_id" COLLATE "C"
), "cs_status" AS (
  SELECT
    "cs_rules"."__row",
    "cs_rules"."__slot",
    "cs_rules"."__key",
    "cs_rules"."__rule",
    "cs_rules"."f__rec",
    "cs_rules"."f__first",
    CASE
      WHEN NOT "cs_rules"."__rule" IS NULL
      THEN 'rejected'
      WHEN ROW_NUMBER() OVER (
        PARTITION BY (
          "cs_rules"."__rule" IS NULL
        ), UPPER("cs_rules"."s__people__last"), "cs_rules"."s__people__born", CASE
          WHEN (
            UPPER("cs_rules"."s__people__last")
          ) IS NULL
          OR (
            "cs_rules"."s__people__born"
          ) IS NULL
          THEN "cs_rules"."__key"
        END
        ORDER BY "cs_rules"."f__first" COLLATE "C" ASC, "cs_rules"."__key"
      ) > 1
      THEN 'merged'
      ELSE 'loaded'
    END AS "__status",
    FIRST_VALUE("cs_rules"."__key") OVER (
      PARTITION BY (
        "cs_rules"."__rule" IS NULL
      ), UPPER("cs_rules"."s__people__last"), "cs_rules"."s__people__born", CASE
        WHEN (
          UPPER("cs_rules"."s__people__last")
        ) IS NULL
        OR (
          "cs_rules"."s__people__born"
        ) IS NULL
        THEN "cs_rules"."__key"
      END
      ORDER BY "cs_rules"."f__first" COLLATE "C" ASC, "cs_rules"."__key"
    ) AS "__survivor_key"
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
        FROM "chartshift"."xwalk__emr__first_kept"
      ) + ROW_NUMBER() OVER (
        ORDER BY (
          "cs_prev"."own_id" IS NULL AND "cs_status"."__status" = 'loaded'
        ) DESC NULLS LAST, "cs_status"."__row", "cs_status"."__slot"
      )
    END
  ) AS "__own_id"
FROM "cs_status"
LEFT JOIN "chartshift"."xwalk__emr__first_kept" AS "cs_prev"
  ON "cs_prev"."legacy_key" = "cs_status"."__key";

-- tests/conformance/specs/dedup_variants.mig:39: legacy.people -> emr.first_kept: statistics of the work table
ANALYZE "cs_work__emr__first_kept";

-- tests/conformance/specs/dedup_variants.mig:39: legacy.people -> emr.first_kept: rejected rows with the first rule that failed
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
  'legacy.people -> emr.first_kept',
  'legacy.people',
  CAST(NULL AS VARCHAR),
  "w"."__slot",
  "w"."__row",
  CASE "w"."__rule" WHEN 1 THEN 'cast' WHEN 2 THEN 'key' WHEN 3 THEN 'duplicate key' END,
  CASE "w"."__rule"
    WHEN 1
    THEN 'value does not fit the source column type'
    WHEN 2
    THEN 'missing legacy key'
    WHEN 3
    THEN 'duplicate legacy key (an earlier row has the same key)'
  END,
  CAST(JSON_BUILD_OBJECT(
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
    THEN 'duplicate_key'
  END
FROM "cs_work__emr__first_kept" AS "w"
JOIN "chartshift_stage"."legacy__people" AS "r"
  ON "r"."__row" = "w"."__row"
WHERE
  "w"."__status" = 'rejected'
ORDER BY
  "w"."__row",
  "w"."__slot";

-- tests/conformance/specs/dedup_variants.mig:40: crosswalk emr.first_kept: the keys of this run are written again below
DELETE FROM "chartshift"."xwalk__emr__first_kept"
WHERE
  "legacy_key" IN (
    SELECT
      "__key"
    FROM "cs_work__emr__first_kept"
    WHERE
      "__status" IN ('loaded', 'merged')
  );

-- tests/conformance/specs/dedup_variants.mig:40: crosswalk emr.first_kept: keys not loaded by this run stay, inactive, with their ids
UPDATE "chartshift"."xwalk__emr__first_kept" SET "state" = 'inactive', "target_id" = NULL
WHERE
  "state" <> 'inactive';

-- tests/conformance/specs/dedup_variants.mig:40: crosswalk emr.first_kept: loaded keys with their ids, merged keys pointing at their survivor's id
INSERT INTO "chartshift"."xwalk__emr__first_kept" (
  "legacy_key",
  "own_id",
  "target_id",
  "state"
)
SELECT
  "w"."__key",
  "w"."__own_id",
  CASE WHEN "w"."__status" = 'loaded' THEN "w"."__own_id" ELSE "s"."__own_id" END,
  "w"."__status"
FROM "cs_work__emr__first_kept" AS "w"
LEFT JOIN "cs_work__emr__first_kept" AS "s"
  ON "s"."__key" = "w"."__survivor_key" AND "s"."__status" = 'loaded'
WHERE
  "w"."__status" IN ('loaded', 'merged');

-- tests/conformance/specs/dedup_variants.mig:40: crosswalk emr.first_kept: statistics for the maps that join it
ANALYZE "chartshift"."xwalk__emr__first_kept";

-- tests/conformance/specs/dedup_variants.mig:39: legacy.people -> emr.first_kept: load the surviving rows
INSERT INTO "emr"."first_kept" (
  "id",
  "rec",
  "first"
)
SELECT
  CAST("w"."__own_id" AS BIGINT),
  CAST("w"."f__rec" AS TEXT),
  CAST("w"."f__first" AS TEXT)
FROM "cs_work__emr__first_kept" AS "w"
WHERE
  "w"."__status" = 'loaded';

-- tests/conformance/specs/dedup_variants.mig:39: legacy.people -> emr.first_kept: accounting identity: source rows = loaded + rejected + filtered + merged + aggregated
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
  'legacy.people -> emr.first_kept',
  'legacy.people',
  'emr.first_kept',
  (
    SELECT
      COUNT(*)
    FROM "legacy"."people"
  ),
  (
    SELECT
      COUNT(*)
    FROM "emr"."first_kept"
  ),
  (
    SELECT
      COUNT(*)
    FROM "chartshift"."rejects"
    WHERE
      "map" = 'legacy.people -> emr.first_kept'
  ),
  0,
  (
    SELECT
      COUNT(*)
    FROM "cs_work__emr__first_kept"
    WHERE
      "__status" = 'merged'
  ),
  0;

-- tests/conformance/specs/dedup_variants.mig:39: legacy.people -> emr.first_kept: work table no longer needed
DROP TABLE IF EXISTS "cs_work__emr__first_kept";

