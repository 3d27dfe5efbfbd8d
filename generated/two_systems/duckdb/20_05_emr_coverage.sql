-- chartshift 0.1.0 | dialect duckdb
-- spec specs/two_systems.mig sha256 76eeb791ddfc46d4013247302076b35042796b3181d91a47e7b0e553ee1643b2
-- 20_05_emr_coverage: map sysA.policies -> emr.coverage
-- Generated file: do not edit. Regenerate with `chartshift compile specs/two_systems.mig`.


-- specs/two_systems.mig:372: work table left by an earlier run
DROP TABLE IF EXISTS "cs_work__emr__coverage";

-- specs/two_systems.mig:372: sysA.policies -> emr.coverage: every kept row with its fields and status
CREATE TEMPORARY TABLE "cs_work__emr__coverage" AS
WITH "cs_in" AS (
  SELECT
    "cs_raw".*,
    "cs_amb"."__n__p" AS "__n__p",
    1 AS "__slot"
  FROM (
    SELECT
      "policies"."__row" AS "__row",
      "policies"."__cast_error" AS "__cast_error",
      "policies"."policy_id" AS "s__policies__policy_id",
      "policies"."pat_no" AS "s__policies__pat_no",
      "policies"."payer_id" AS "s__policies__payer_id",
      "policies"."member_id" AS "s__policies__member_id",
      "policies"."group_no" AS "s__policies__group_no",
      "policies"."priority" AS "s__policies__priority",
      "policies"."eff_date" AS "s__policies__eff_date",
      "policies"."term_date" AS "s__policies__term_date",
      "p"."payer_id" AS "s__p__payer_id",
      "p"."payer_name" AS "s__p__payer_name",
      "p"."payer_type" AS "s__p__payer_type",
      "p"."__row" AS "j__p__row"
    FROM "sysA"."policies" AS "policies"
    LEFT JOIN "sysA"."payers" AS "p"
      ON (
        "p"."payer_id"
      ) = (
        "policies"."payer_id"
      )
  ) AS "cs_raw"
  LEFT JOIN (
    SELECT
      "__row",
      COUNT(DISTINCT "j__p__row") AS "__n__p",
      MIN("j__p__row") AS "first__p"
    FROM (
      SELECT
        "policies"."__row" AS "__row",
        "p"."__row" AS "j__p__row"
      FROM "sysA"."policies" AS "policies"
      LEFT JOIN "sysA"."payers" AS "p"
        ON (
          "p"."payer_id"
        ) = (
          "policies"."payer_id"
        )
    ) AS "cs_raw"
    GROUP BY
      "__row"
    HAVING
      COUNT(*) > 1
  ) AS "cs_amb"
    ON "cs_amb"."__row" = "cs_raw"."__row"
  WHERE
    (
      "cs_amb"."first__p" IS NULL OR "cs_raw"."j__p__row" = "cs_amb"."first__p"
    )
), "cs_fields" AS (
  SELECT
    "cs_in".*,
    "cs_ref1"."target_id" AS "f__patient_id",
    "cs_in"."s__p__payer_name" AS "f__payer_name",
    "cs_in"."s__p__payer_type" AS "f__payer_type",
    TRIM("cs_in"."s__policies__member_id", ' ') AS "f__member_id",
    TRIM("cs_in"."s__policies__group_no", ' ') AS "f__group_no",
    "cs_in"."s__policies__priority" AS "f__priority",
    CAST(NULLIF(
      REGEXP_EXTRACT(
        REGEXP_REPLACE(
          TRIM("cs_in"."s__policies__eff_date"),
          '(?s)^(?:([0-9]{1,2})\/([0-9]{1,2})\/([0-9]{4}))$|^.*$',
          '\3-\1-\2',
          'g'
        ),
        '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))$'
      ),
      ''
    ) AS DATE) AS "f__start_date",
    CAST(NULLIF(
      REGEXP_EXTRACT(
        REGEXP_REPLACE(
          TRIM("cs_in"."s__policies__term_date"),
          '(?s)^(?:([0-9]{1,2})\/([0-9]{1,2})\/([0-9]{4}))$|^.*$',
          '\3-\1-\2',
          'g'
        ),
        '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))$'
      ),
      ''
    ) AS DATE) AS "f__end_date",
    CAST((
      'sysA.policies'
    ) AS TEXT) || '|' || CAST((
      "cs_in"."s__policies__policy_id"
    ) AS TEXT) AS "__key"
  FROM "cs_in"
  LEFT JOIN "chartshift"."xwalk__emr__patient" AS "cs_ref1"
    ON "cs_ref1"."legacy_key" = CAST((
      'sysA.patients'
    ) AS TEXT) || '|' || CAST((
      "cs_in"."s__policies__pat_no"
    ) AS TEXT)
    AND "cs_ref1"."state" <> 'inactive'
), "cs_rules" AS (
  SELECT
    "cs_fields".*,
    CASE
      WHEN NOT "cs_fields"."__cast_error" IS NULL
      THEN 1
      WHEN "cs_fields"."__n__p" > 1
      THEN 2
      WHEN "cs_fields"."__key" IS NULL
      THEN 3
      WHEN COALESCE((
        (
          "cs_fields"."f__patient_id"
        ) IS NULL
      ), FALSE)
      THEN 4
      WHEN "cs_fields"."f__patient_id" IS NULL
      THEN 5
      WHEN "cs_fields"."f__payer_name" IS NULL
      THEN 6
      WHEN LENGTH(CAST("cs_fields"."f__payer_name" AS TEXT)) > 100
      THEN 7
      WHEN "cs_fields"."f__payer_type" IS NULL
      THEN 8
      WHEN LENGTH(CAST("cs_fields"."f__payer_type" AS TEXT)) > 20
      THEN 9
      WHEN LENGTH(CAST("cs_fields"."f__member_id" AS TEXT)) > 30
      THEN 10
      WHEN LENGTH(CAST("cs_fields"."f__group_no" AS TEXT)) > 30
      THEN 11
      WHEN "cs_fields"."f__priority" IS NULL
      THEN 12
      WHEN NOT COALESCE((
        (
          "cs_fields"."f__priority"
        ) BETWEEN 1 AND 3
      ), TRUE)
      THEN 13
      WHEN NOT "cs_dups"."first_row" IS NULL AND "cs_fields"."__row" > "cs_dups"."first_row"
      THEN 14
    END AS "__rule"
  FROM "cs_fields"
  LEFT JOIN (
    SELECT
      "cs_fields"."s__policies__policy_id" AS "__k1",
      MIN("cs_fields"."__row") AS "first_row"
    FROM "cs_fields"
    GROUP BY
      "cs_fields"."s__policies__policy_id"
    HAVING
      COUNT(*) > 1
  ) AS "cs_dups"
    ON "cs_dups"."__k1" = "cs_fields"."s__policies__policy_id"
), "cs_status" AS (
  SELECT
    "cs_rules"."__row",
    "cs_rules"."__slot",
    "cs_rules"."__key",
    "cs_rules"."__rule",
    "cs_rules"."__n__p",
    "cs_rules"."f__patient_id",
    "cs_rules"."f__payer_name",
    "cs_rules"."f__payer_type",
    "cs_rules"."f__member_id",
    "cs_rules"."f__group_no",
    "cs_rules"."f__priority",
    "cs_rules"."f__start_date",
    "cs_rules"."f__end_date",
    "cs_rules"."s__policies__policy_id",
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
        FROM "chartshift"."xwalk__emr__coverage"
      ) + ROW_NUMBER() OVER (
        ORDER BY (
          "cs_prev"."own_id" IS NULL AND "cs_status"."__status" = 'loaded'
        ) DESC, "cs_status"."__row", "cs_status"."__slot"
      )
    END
  ) AS "__own_id"
FROM "cs_status"
LEFT JOIN "chartshift"."xwalk__emr__coverage" AS "cs_prev"
  ON "cs_prev"."legacy_key" = "cs_status"."__key";

-- specs/two_systems.mig:372: sysA.policies -> emr.coverage: rejected rows with the first rule that failed
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
  'sysA.policies -> emr.coverage',
  'sysA.policies',
  CAST((
    "w"."s__policies__policy_id"
  ) AS TEXT),
  "w"."__slot",
  "w"."__row",
  CASE "w"."__rule"
    WHEN 1
    THEN 'cast'
    WHEN 2
    THEN 'ambiguous_match'
    WHEN 3
    THEN 'key'
    WHEN 4
    THEN 'reject:383'
    WHEN 5
    THEN 'not null:emr.coverage.patient_id'
    WHEN 6
    THEN 'not null:emr.coverage.payer_name'
    WHEN 7
    THEN 'length:emr.coverage.payer_name'
    WHEN 8
    THEN 'not null:emr.coverage.payer_type'
    WHEN 9
    THEN 'length:emr.coverage.payer_type'
    WHEN 10
    THEN 'length:emr.coverage.member_id'
    WHEN 11
    THEN 'length:emr.coverage.group_no'
    WHEN 12
    THEN 'not null:emr.coverage.priority'
    WHEN 13
    THEN 'check:emr.coverage.priority'
    WHEN 14
    THEN 'duplicate key'
  END,
  CASE "w"."__rule"
    WHEN 1
    THEN 'value does not fit the source column type'
    WHEN 2
    THEN 'ambiguous match (' || CAST((
      "w"."__n__p"
    ) AS TEXT) || ' rows of sysA.payers)'
    WHEN 3
    THEN 'missing legacy key'
    WHEN 4
    THEN 'coverage for unknown patient'
    WHEN 5
    THEN 'patient_id is required but empty'
    WHEN 6
    THEN 'payer_name is required but empty'
    WHEN 7
    THEN 'payer_name is longer than 100 characters'
    WHEN 8
    THEN 'payer_type is required but empty'
    WHEN 9
    THEN 'payer_type is longer than 20 characters'
    WHEN 10
    THEN 'member_id is longer than 30 characters'
    WHEN 11
    THEN 'group_no is longer than 30 characters'
    WHEN 12
    THEN 'priority is required but empty'
    WHEN 13
    THEN 'priority fails its check constraint'
    WHEN 14
    THEN 'duplicate legacy key (an earlier row has the same key)'
  END,
  CAST(JSON_OBJECT(
    'policy_id',
    "r"."policy_id",
    'pat_no',
    "r"."pat_no",
    'payer_id',
    "r"."payer_id",
    'member_id',
    "r"."member_id",
    'group_no',
    "r"."group_no",
    'priority',
    "r"."priority",
    'eff_date',
    "r"."eff_date",
    'term_date',
    "r"."term_date"
  ) AS TEXT),
  CASE "w"."__rule"
    WHEN 1
    THEN 'cast'
    WHEN 2
    THEN 'ambiguous_match'
    WHEN 3
    THEN 'missing_key'
    WHEN 4
    THEN 'reject'
    WHEN 5
    THEN 'not_null'
    WHEN 6
    THEN 'not_null'
    WHEN 7
    THEN 'too_long'
    WHEN 8
    THEN 'not_null'
    WHEN 9
    THEN 'too_long'
    WHEN 10
    THEN 'too_long'
    WHEN 11
    THEN 'too_long'
    WHEN 12
    THEN 'not_null'
    WHEN 13
    THEN 'check_failed'
    WHEN 14
    THEN 'duplicate_key'
  END
FROM "cs_work__emr__coverage" AS "w"
JOIN "chartshift_stage"."sysA__policies" AS "r"
  ON "r"."__row" = "w"."__row"
WHERE
  "w"."__status" = 'rejected'
ORDER BY
  "w"."__row",
  "w"."__slot";

-- specs/two_systems.mig:374: crosswalk emr.coverage: the keys of this run are written again below
DELETE FROM "chartshift"."xwalk__emr__coverage"
WHERE
  "legacy_key" IN (
    SELECT
      "__key"
    FROM "cs_work__emr__coverage"
    WHERE
      "__status" IN ('loaded', 'merged')
  );

-- specs/two_systems.mig:374: crosswalk emr.coverage: keys not loaded by this run stay, inactive, with their ids
UPDATE "chartshift"."xwalk__emr__coverage" SET "state" = 'inactive', "target_id" = NULL
WHERE
  "state" <> 'inactive';

-- specs/two_systems.mig:374: crosswalk emr.coverage: loaded keys with their ids, merged keys pointing at their survivor's id
INSERT INTO "chartshift"."xwalk__emr__coverage" (
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
FROM "cs_work__emr__coverage" AS "w"
WHERE
  "w"."__status" IN ('loaded', 'merged');

-- specs/two_systems.mig:372: sysA.policies -> emr.coverage: load the surviving rows
INSERT INTO "emr"."coverage" (
  "id",
  "patient_id",
  "payer_name",
  "payer_type",
  "member_id",
  "group_no",
  "priority",
  "start_date",
  "end_date"
)
SELECT
  CAST("w"."__own_id" AS BIGINT),
  CAST("w"."f__patient_id" AS BIGINT),
  CAST("w"."f__payer_name" AS TEXT),
  CAST("w"."f__payer_type" AS TEXT),
  CAST("w"."f__member_id" AS TEXT),
  CAST("w"."f__group_no" AS TEXT),
  CAST("w"."f__priority" AS INT),
  CAST("w"."f__start_date" AS DATE),
  CAST("w"."f__end_date" AS DATE)
FROM "cs_work__emr__coverage" AS "w"
WHERE
  "w"."__status" = 'loaded';

-- specs/two_systems.mig:372: sysA.policies -> emr.coverage: accounting identity: source rows = loaded + rejected + filtered + merged + aggregated
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
  'sysA.policies -> emr.coverage',
  'sysA.policies',
  'emr.coverage',
  (
    SELECT
      COUNT(*)
    FROM "sysA"."policies"
  ),
  (
    SELECT
      COUNT(*)
    FROM "emr"."coverage"
  ),
  (
    SELECT
      COUNT(*)
    FROM "chartshift"."rejects"
    WHERE
      "map" = 'sysA.policies -> emr.coverage'
  ),
  0,
  0,
  0;

-- specs/two_systems.mig:372: sysA.policies -> emr.coverage: work table no longer needed
DROP TABLE IF EXISTS "cs_work__emr__coverage";

