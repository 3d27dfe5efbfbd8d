-- chartshift 0.1.0 | dialect postgres
-- spec tests/conformance/specs/join_many.mig sha256 870919318f0282a26ca449b629644d14083271ed5560e5faff2347804ac13e8a
-- 20_02_emr_visit_line: map legacy.visits -> emr.visit_line
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/join_many.mig`.


-- tests/conformance/specs/join_many.mig:62: work table left by an earlier run
DROP TABLE IF EXISTS "cs_work__emr__visit_line";

-- tests/conformance/specs/join_many.mig:62: legacy.visits -> emr.visit_line: every kept row with its fields and status
CREATE TEMPORARY TABLE "cs_work__emr__visit_line" AS
WITH "cs_in" AS (
  SELECT
    "cs_raw".*,
    ROW_NUMBER() OVER (PARTITION BY "cs_raw"."__row" ORDER BY "cs_raw"."j__c__row") AS "__match",
    ROW_NUMBER() OVER (ORDER BY "cs_raw"."__row", "cs_raw"."j__c__row") AS "__ord",
    1 AS "__slot"
  FROM (
    SELECT
      "visits"."__row" AS "__row",
      "visits"."__cast_error" AS "__cast_error",
      "visits"."visit_id" AS "s__visits__visit_id",
      "visits"."code" AS "s__visits__code",
      "c"."legacy_code" AS "s__c__legacy_code",
      "c"."std_code" AS "s__c__std_code",
      "c"."__row" AS "j__c__row"
    FROM "legacy"."visits" AS "visits"
    LEFT JOIN "legacy"."code_map" AS "c"
      ON (
        "c"."legacy_code"
      ) = (
        "visits"."code"
      )
  ) AS "cs_raw"
), "cs_fields" AS (
  SELECT
    "cs_in".*,
    "cs_in"."s__visits__visit_id" AS "f__visit_id",
    "cs_in"."s__c__std_code" AS "f__std_code",
    (
      CAST((
        "cs_in"."s__visits__visit_id"
      ) AS VARCHAR) || '|' || CAST((
        "cs_in"."__match"
      ) AS VARCHAR)
    ) COLLATE "C" AS "__key"
  FROM "cs_in"
), "cs_rules" AS (
  SELECT
    "cs_fields".*,
    CASE
      WHEN NOT "cs_fields"."__cast_error" IS NULL
      THEN 1
      WHEN "cs_fields"."__key" IS NULL
      THEN 2
      WHEN "cs_fields"."f__visit_id" IS NULL
      THEN 3
      WHEN NOT "cs_dups"."first_row" IS NULL AND "cs_fields"."__ord" > "cs_dups"."first_row"
      THEN 4
    END AS "__rule"
  FROM "cs_fields"
  LEFT JOIN (
    SELECT
      "cs_fields"."s__visits__visit_id" COLLATE "C" AS "__k1",
      "cs_fields"."__match" AS "__k2",
      MIN("cs_fields"."__ord") AS "first_row"
    FROM "cs_fields"
    GROUP BY
      "cs_fields"."s__visits__visit_id" COLLATE "C",
      "cs_fields"."__match"
    HAVING
      COUNT(*) > 1
  ) AS "cs_dups"
    ON "cs_dups"."__k1" = "cs_fields"."s__visits__visit_id" COLLATE "C"
    AND "cs_dups"."__k2" = "cs_fields"."__match"
)
SELECT
  "cs_rules"."__row",
  "cs_rules"."__slot",
  "cs_rules"."__key",
  "cs_rules"."__rule",
  "cs_rules"."__ord",
  "cs_rules"."f__visit_id",
  "cs_rules"."f__std_code",
  "cs_rules"."s__visits__visit_id",
  CASE WHEN NOT "cs_rules"."__rule" IS NULL THEN 'rejected' ELSE 'loaded' END AS "__status"
FROM "cs_rules";

-- tests/conformance/specs/join_many.mig:62: legacy.visits -> emr.visit_line: statistics of the work table
ANALYZE "cs_work__emr__visit_line";

-- tests/conformance/specs/join_many.mig:62: legacy.visits -> emr.visit_line: rejected rows with the first rule that failed
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
  'legacy.visits -> emr.visit_line',
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
    THEN 'not null:emr.visit_line.visit_id'
    WHEN 4
    THEN 'duplicate key'
  END,
  CASE "w"."__rule"
    WHEN 1
    THEN 'value does not fit the source column type'
    WHEN 2
    THEN 'missing legacy key'
    WHEN 3
    THEN 'visit_id is required but empty'
    WHEN 4
    THEN 'duplicate legacy key (an earlier row has the same key)'
  END,
  CAST(JSON_BUILD_OBJECT('visit_id', "r"."visit_id", 'code', "r"."code", 'payer_id', "r"."payer_id") AS TEXT),
  CASE "w"."__rule"
    WHEN 1
    THEN 'cast'
    WHEN 2
    THEN 'missing_key'
    WHEN 3
    THEN 'not_null'
    WHEN 4
    THEN 'duplicate_key'
  END
FROM "cs_work__emr__visit_line" AS "w"
JOIN "chartshift_stage"."legacy__visits" AS "r"
  ON "r"."__row" = "w"."__row"
WHERE
  "w"."__status" = 'rejected'
ORDER BY
  "w"."__row",
  "w"."__slot";

-- tests/conformance/specs/join_many.mig:62: legacy.visits -> emr.visit_line: load the surviving rows
INSERT INTO "emr"."visit_line" (
  "visit_id",
  "std_code"
)
SELECT
  CAST("w"."f__visit_id" AS TEXT),
  CAST("w"."f__std_code" AS TEXT)
FROM "cs_work__emr__visit_line" AS "w"
WHERE
  "w"."__status" = 'loaded';

-- tests/conformance/specs/join_many.mig:62: legacy.visits -> emr.visit_line: accounting identity: source rows = loaded + rejected + filtered + merged + aggregated
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
  'legacy.visits -> emr.visit_line',
  'legacy.visits',
  'emr.visit_line',
  (
    SELECT
      COUNT(*)
    FROM (
      SELECT
        "cs_raw".*,
        ROW_NUMBER() OVER (PARTITION BY "cs_raw"."__row" ORDER BY "cs_raw"."j__c__row") AS "__match",
        ROW_NUMBER() OVER (ORDER BY "cs_raw"."__row", "cs_raw"."j__c__row") AS "__ord",
        1 AS "__slot"
      FROM (
        SELECT
          "visits"."__row" AS "__row",
          "visits"."__cast_error" AS "__cast_error",
          "visits"."visit_id" AS "s__visits__visit_id",
          "visits"."code" AS "s__visits__code",
          "c"."legacy_code" AS "s__c__legacy_code",
          "c"."std_code" AS "s__c__std_code",
          "c"."__row" AS "j__c__row"
        FROM "legacy"."visits" AS "visits"
        LEFT JOIN "legacy"."code_map" AS "c"
          ON (
            "c"."legacy_code"
          ) = (
            "visits"."code"
          )
      ) AS "cs_raw"
    ) AS "cs_in"
  ),
  (
    SELECT
      COUNT(*)
    FROM "emr"."visit_line"
  ),
  (
    SELECT
      COUNT(*)
    FROM "chartshift"."rejects"
    WHERE
      "map" = 'legacy.visits -> emr.visit_line'
  ),
  0,
  0,
  0;

-- tests/conformance/specs/join_many.mig:62: legacy.visits -> emr.visit_line: work table no longer needed
DROP TABLE IF EXISTS "cs_work__emr__visit_line";

