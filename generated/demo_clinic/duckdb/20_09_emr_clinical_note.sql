-- chartshift 0.1.0 | dialect duckdb
-- spec specs/demo_clinic.mig sha256 a2d29e478bd0344673ca628df24d217e8057e79772da3f5917ea33a753acd32d
-- 20_09_emr_clinical_note: map legacy.notes -> emr.clinical_note
-- Generated file: do not edit. Regenerate with `chartshift compile specs/demo_clinic.mig`.


-- specs/demo_clinic.mig:344: work table left by an earlier run
DROP TABLE IF EXISTS "cs_work__emr__clinical_note";

-- specs/demo_clinic.mig:344: legacy.notes -> emr.clinical_note: every kept row with its fields and status
CREATE TEMPORARY TABLE "cs_work__emr__clinical_note" AS
WITH "cs_in" AS (
  SELECT
    "notes"."__row" AS "__row",
    "notes"."__cast_error" AS "__cast_error",
    "notes"."note_id" AS "s__notes__note_id",
    "notes"."visit_id" AS "s__notes__visit_id",
    "notes"."note_type" AS "s__notes__note_type",
    "notes"."note_text" AS "s__notes__note_text",
    1 AS "__slot"
  FROM "legacy"."notes" AS "notes"
), "cs_fields" AS (
  SELECT
    "cs_in".*,
    "cs_ref1"."target_id" AS "f__encounter_id",
    REPLACE(UPPER(TRIM("cs_in"."s__notes__note_type", ' ')), 'ẞ', 'ß') AS "f__note_type",
    "cs_in"."s__notes__note_text" AS "f__body",
    CAST((
      "cs_in"."s__notes__note_id"
    ) AS TEXT) AS "__key"
  FROM "cs_in"
  LEFT JOIN "chartshift"."xwalk__emr__encounter" AS "cs_ref1"
    ON "cs_ref1"."legacy_key" = CAST((
      "cs_in"."s__notes__visit_id"
    ) AS TEXT)
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
          "cs_fields"."f__encounter_id"
        ) IS NULL
      ), FALSE)
      THEN 3
      WHEN "cs_fields"."f__encounter_id" IS NULL
      THEN 4
      WHEN "cs_fields"."f__note_type" IS NULL
      THEN 5
      WHEN LENGTH(CAST("cs_fields"."f__note_type" AS TEXT)) > 20
      THEN 6
      WHEN NOT "cs_dups"."first_row" IS NULL AND "cs_fields"."__row" > "cs_dups"."first_row"
      THEN 7
    END AS "__rule"
  FROM "cs_fields"
  LEFT JOIN (
    SELECT
      "cs_fields"."s__notes__note_id" AS "__k1",
      MIN("cs_fields"."__row") AS "first_row"
    FROM "cs_fields"
    GROUP BY
      "cs_fields"."s__notes__note_id"
    HAVING
      COUNT(*) > 1
  ) AS "cs_dups"
    ON "cs_dups"."__k1" = "cs_fields"."s__notes__note_id"
), "cs_status" AS (
  SELECT
    "cs_rules"."__row",
    "cs_rules"."__slot",
    "cs_rules"."__key",
    "cs_rules"."__rule",
    "cs_rules"."f__encounter_id",
    "cs_rules"."f__note_type",
    "cs_rules"."f__body",
    "cs_rules"."s__notes__note_id",
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
        FROM "chartshift"."xwalk__emr__clinical_note"
      ) + ROW_NUMBER() OVER (
        ORDER BY (
          "cs_prev"."own_id" IS NULL AND "cs_status"."__status" = 'loaded'
        ) DESC, "cs_status"."__row", "cs_status"."__slot"
      )
    END
  ) AS "__own_id"
FROM "cs_status"
LEFT JOIN "chartshift"."xwalk__emr__clinical_note" AS "cs_prev"
  ON "cs_prev"."legacy_key" = "cs_status"."__key";

-- specs/demo_clinic.mig:344: legacy.notes -> emr.clinical_note: rejected rows with the first rule that failed
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
  'legacy.notes -> emr.clinical_note',
  'legacy.notes',
  CAST((
    "w"."s__notes__note_id"
  ) AS TEXT),
  "w"."__slot",
  "w"."__row",
  CASE "w"."__rule"
    WHEN 1
    THEN 'cast'
    WHEN 2
    THEN 'key'
    WHEN 3
    THEN 'reject:349'
    WHEN 4
    THEN 'not null:emr.clinical_note.encounter_id'
    WHEN 5
    THEN 'not null:emr.clinical_note.note_type'
    WHEN 6
    THEN 'length:emr.clinical_note.note_type'
    WHEN 7
    THEN 'duplicate key'
  END,
  CASE "w"."__rule"
    WHEN 1
    THEN 'value does not fit the source column type'
    WHEN 2
    THEN 'missing legacy key'
    WHEN 3
    THEN 'note for unknown visit'
    WHEN 4
    THEN 'encounter_id is required but empty'
    WHEN 5
    THEN 'note_type is required but empty'
    WHEN 6
    THEN 'note_type is longer than 20 characters'
    WHEN 7
    THEN 'duplicate legacy key (an earlier row has the same key)'
  END,
  CAST(JSON_OBJECT(
    'note_id',
    "r"."note_id",
    'visit_id',
    "r"."visit_id",
    'note_type',
    "r"."note_type",
    'note_text',
    "r"."note_text"
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
    THEN 'duplicate_key'
  END
FROM "cs_work__emr__clinical_note" AS "w"
JOIN "chartshift_stage"."legacy__notes" AS "r"
  ON "r"."__row" = "w"."__row"
WHERE
  "w"."__status" = 'rejected'
ORDER BY
  "w"."__row",
  "w"."__slot";

-- specs/demo_clinic.mig:345: crosswalk emr.clinical_note: the keys of this run are written again below
DELETE FROM "chartshift"."xwalk__emr__clinical_note"
WHERE
  "legacy_key" IN (
    SELECT
      "__key"
    FROM "cs_work__emr__clinical_note"
    WHERE
      "__status" IN ('loaded', 'merged')
  );

-- specs/demo_clinic.mig:345: crosswalk emr.clinical_note: keys not loaded by this run stay, inactive, with their ids
UPDATE "chartshift"."xwalk__emr__clinical_note" SET "state" = 'inactive', "target_id" = NULL
WHERE
  "state" <> 'inactive';

-- specs/demo_clinic.mig:345: crosswalk emr.clinical_note: loaded keys with their ids, merged keys pointing at their survivor's id
INSERT INTO "chartshift"."xwalk__emr__clinical_note" (
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
FROM "cs_work__emr__clinical_note" AS "w"
WHERE
  "w"."__status" IN ('loaded', 'merged');

-- specs/demo_clinic.mig:344: legacy.notes -> emr.clinical_note: load the surviving rows
INSERT INTO "emr"."clinical_note" (
  "id",
  "encounter_id",
  "note_type",
  "body"
)
SELECT
  CAST("w"."__own_id" AS BIGINT),
  CAST("w"."f__encounter_id" AS BIGINT),
  CAST("w"."f__note_type" AS TEXT),
  CAST("w"."f__body" AS TEXT)
FROM "cs_work__emr__clinical_note" AS "w"
WHERE
  "w"."__status" = 'loaded';

-- specs/demo_clinic.mig:344: legacy.notes -> emr.clinical_note: accounting identity: source rows = loaded + rejected + filtered + merged + aggregated
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
  'legacy.notes -> emr.clinical_note',
  'legacy.notes',
  'emr.clinical_note',
  (
    SELECT
      COUNT(*)
    FROM "legacy"."notes"
  ),
  (
    SELECT
      COUNT(*)
    FROM "emr"."clinical_note"
  ),
  (
    SELECT
      COUNT(*)
    FROM "chartshift"."rejects"
    WHERE
      "map" = 'legacy.notes -> emr.clinical_note'
  ),
  0,
  0,
  0;

-- specs/demo_clinic.mig:344: legacy.notes -> emr.clinical_note: work table no longer needed
DROP TABLE IF EXISTS "cs_work__emr__clinical_note";

