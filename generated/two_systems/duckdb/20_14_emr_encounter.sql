-- chartshift 0.1.0 | dialect duckdb
-- spec specs/two_systems.mig sha256 76eeb791ddfc46d4013247302076b35042796b3181d91a47e7b0e553ee1643b2
-- 20_14_emr_encounter: map sysB.appts -> emr.encounter
-- Generated file: do not edit. Regenerate with `chartshift compile specs/two_systems.mig`.


-- specs/two_systems.mig:497: work table left by an earlier run
DROP TABLE IF EXISTS "cs_work__emr__encounter";

-- specs/two_systems.mig:497: sysB.appts -> emr.encounter: every kept row with its fields and status
CREATE TEMPORARY TABLE "cs_work__emr__encounter" AS
WITH "cs_in" AS (
  SELECT
    "appts"."__row" AS "__row",
    "appts"."__cast_error" AS "__cast_error",
    "appts"."appt_id" AS "s__appts__appt_id",
    "appts"."episode_id" AS "s__appts__episode_id",
    "appts"."client_id" AS "s__appts__client_id",
    "appts"."staff_no" AS "s__appts__staff_no",
    "appts"."appt_date" AS "s__appts__appt_date",
    "appts"."appt_status" AS "s__appts__appt_status",
    1 AS "__slot"
  FROM "sysB"."appts" AS "appts"
), "cs_fields" AS (
  SELECT
    "cs_in".*,
    "cs_ref1"."target_id" AS "f__patient_id",
    "cs_ref2"."target_id" AS "f__episode_id",
    "cs_ref3"."target_id" AS "f__practitioner_id",
    CAST(NULLIF(
      REGEXP_EXTRACT(
        REGEXP_REPLACE(
          TRIM("cs_in"."s__appts__appt_date"),
          '(?s)^(?:([0-9]{4})([0-9]{2})([0-9]{1,2}))$|^.*$',
          '\1-\2-\3',
          'g'
        ),
        '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))$'
      ),
      ''
    ) AS DATE) AS "f__service_date",
    CASE REPLACE(UPPER(TRIM("cs_in"."s__appts__appt_status", ' ')), 'ẞ', 'ß')
      WHEN 'K'
      THEN 'completed'
      WHEN 'N'
      THEN 'no-show'
      WHEN 'C'
      THEN 'cancelled'
      ELSE 'unknown'
    END AS "f__status",
    ROW_NUMBER() OVER (
      PARTITION BY "cs_in"."s__appts__episode_id"
      ORDER BY "cs_in"."s__appts__appt_date" ASC, "cs_in"."s__appts__appt_id" ASC, CAST((
        'sysB.appts'
      ) AS TEXT) || '|' || CAST((
        "cs_in"."s__appts__appt_id"
      ) AS TEXT), "cs_in"."__row"
    ) AS "f__visit_no",
    CAST((
      'sysB.appts'
    ) AS TEXT) || '|' || CAST((
      "cs_in"."s__appts__appt_id"
    ) AS TEXT) AS "__key"
  FROM "cs_in"
  LEFT JOIN "chartshift"."xwalk__emr__patient" AS "cs_ref1"
    ON "cs_ref1"."legacy_key" = CAST((
      'sysB.clients'
    ) AS TEXT) || '|' || CAST((
      "cs_in"."s__appts__client_id"
    ) AS TEXT)
    AND "cs_ref1"."state" <> 'inactive'
  LEFT JOIN "chartshift"."xwalk__emr__episode" AS "cs_ref2"
    ON "cs_ref2"."legacy_key" = CAST((
      'sysB.episodes'
    ) AS TEXT) || '|' || CAST((
      "cs_in"."s__appts__episode_id"
    ) AS TEXT)
    AND "cs_ref2"."state" <> 'inactive'
  LEFT JOIN "chartshift"."xwalk__emr__practitioner" AS "cs_ref3"
    ON "cs_ref3"."legacy_key" = CAST((
      'sysB.staff'
    ) AS TEXT) || '|' || CAST((
      "cs_in"."s__appts__staff_no"
    ) AS TEXT)
    AND "cs_ref3"."state" <> 'inactive'
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
      WHEN LENGTH(CAST("cs_fields"."f__status" AS TEXT)) > 10
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
      "cs_fields"."s__appts__appt_id" AS "__k1",
      MIN("cs_fields"."__row") AS "first_row"
    FROM "cs_fields"
    GROUP BY
      "cs_fields"."s__appts__appt_id"
    HAVING
      COUNT(*) > 1
  ) AS "cs_dups"
    ON "cs_dups"."__k1" = "cs_fields"."s__appts__appt_id"
), "cs_status" AS (
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
    "cs_rules"."f__visit_no",
    "cs_rules"."s__appts__appt_id",
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
        FROM "chartshift"."xwalk__emr__encounter"
      ) + ROW_NUMBER() OVER (
        ORDER BY (
          "cs_prev"."own_id" IS NULL AND "cs_status"."__status" = 'loaded'
        ) DESC, "cs_status"."__row", "cs_status"."__slot"
      )
    END
  ) AS "__own_id"
FROM "cs_status"
LEFT JOIN "chartshift"."xwalk__emr__encounter" AS "cs_prev"
  ON "cs_prev"."legacy_key" = "cs_status"."__key";

-- specs/two_systems.mig:497: sysB.appts -> emr.encounter: rejected rows with the first rule that failed
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
  'sysB.appts -> emr.encounter',
  'sysB.appts',
  CAST((
    "w"."s__appts__appt_id"
  ) AS TEXT),
  "w"."__slot",
  "w"."__row",
  CASE "w"."__rule"
    WHEN 1
    THEN 'cast'
    WHEN 2
    THEN 'key'
    WHEN 3
    THEN 'reject:507'
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
  CAST(JSON_OBJECT(
    'appt_id',
    "r"."appt_id",
    'episode_id',
    "r"."episode_id",
    'client_id',
    "r"."client_id",
    'staff_no',
    "r"."staff_no",
    'appt_date',
    "r"."appt_date",
    'appt_status',
    "r"."appt_status"
  ) AS TEXT),
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
    THEN 'not_null'
    WHEN 6
    THEN 'too_long'
    WHEN 7
    THEN 'not_allowed'
    WHEN 8
    THEN 'duplicate_key'
  END
FROM "cs_work__emr__encounter" AS "w"
JOIN "chartshift_stage"."sysB__appts" AS "r"
  ON "r"."__row" = "w"."__row"
WHERE
  "w"."__status" = 'rejected'
ORDER BY
  "w"."__row",
  "w"."__slot";

-- specs/two_systems.mig:498: crosswalk emr.encounter: the keys of this run are written again below
DELETE FROM "chartshift"."xwalk__emr__encounter"
WHERE
  "legacy_key" IN (
    SELECT
      "__key"
    FROM "cs_work__emr__encounter"
    WHERE
      "__status" IN ('loaded', 'merged')
  );

-- specs/two_systems.mig:498: crosswalk emr.encounter: loaded keys with their ids, merged keys pointing at their survivor's id
INSERT INTO "chartshift"."xwalk__emr__encounter" (
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
FROM "cs_work__emr__encounter" AS "w"
WHERE
  "w"."__status" IN ('loaded', 'merged');

-- specs/two_systems.mig:497: sysB.appts -> emr.encounter: load the surviving rows
INSERT INTO "emr"."encounter" (
  "id",
  "patient_id",
  "episode_id",
  "practitioner_id",
  "service_date",
  "status",
  "visit_no"
)
SELECT
  CAST("w"."__own_id" AS BIGINT),
  CAST("w"."f__patient_id" AS BIGINT),
  CAST("w"."f__episode_id" AS BIGINT),
  CAST("w"."f__practitioner_id" AS BIGINT),
  CAST("w"."f__service_date" AS DATE),
  CAST("w"."f__status" AS TEXT),
  CAST("w"."f__visit_no" AS INT)
FROM "cs_work__emr__encounter" AS "w"
WHERE
  "w"."__status" = 'loaded';

-- specs/two_systems.mig:497: sysB.appts -> emr.encounter: accounting identity: source rows = loaded + rejected + filtered + merged + aggregated
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
  'sysB.appts -> emr.encounter',
  'sysB.appts',
  'emr.encounter',
  (
    SELECT
      COUNT(*)
    FROM "sysB"."appts"
  ),
  (
    SELECT
      COUNT(*)
    FROM "emr"."encounter"
  ) - (
    SELECT
      COALESCE(SUM("loaded"), 0)
    FROM "chartshift"."reconciliation"
    WHERE
      "target_table" = 'emr.encounter'
  ),
  (
    SELECT
      COUNT(*)
    FROM "chartshift"."rejects"
    WHERE
      "map" = 'sysB.appts -> emr.encounter'
  ),
  0,
  0,
  0;

-- specs/two_systems.mig:497: sysB.appts -> emr.encounter: work table no longer needed
DROP TABLE IF EXISTS "cs_work__emr__encounter";

