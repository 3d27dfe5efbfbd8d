-- chartshift 0.1.0 | dialect duckdb
-- spec tests/golden/mini.mig sha256 4fcd8160fcafdc6d82ad9519bcb07d1fada1c0da12651e67632ae52e937406e6
-- 20_02_emr_charge: map legacy.visits -> emr.charge
-- Generated file: do not edit. Regenerate with `chartshift compile tests/golden/mini.mig`.


-- tests/golden/mini.mig:64: work table left by an earlier run
DROP TABLE IF EXISTS "cs_work__emr__charge";

-- tests/golden/mini.mig:64: legacy.visits -> emr.charge: every candidate row with its fields and status
CREATE TEMPORARY TABLE "cs_work__emr__charge" AS
WITH "cs_in" AS (
  SELECT
    "visits"."__row" AS "__row",
    "visits"."__cast_error" AS "__cast_error",
    "visits"."visit_id" AS "s__visits__visit_id",
    "visits"."pat_no" AS "s__visits__pat_no",
    "visits"."clinic" AS "s__visits__clinic",
    "visits"."cpt1" AS "s__visits__cpt1",
    "visits"."units1" AS "s__visits__units1",
    "visits"."cpt2" AS "s__visits__cpt2",
    "visits"."units2" AS "s__visits__units2",
    "c"."code" AS "s__c__code",
    "c"."name" AS "s__c__name",
    CASE "cs_slots"."n" WHEN 1 THEN "visits"."cpt1" WHEN 2 THEN "visits"."cpt2" END AS "e__cpt",
    CASE "cs_slots"."n" WHEN 1 THEN "visits"."units1" WHEN 2 THEN "visits"."units2" END AS "e__units",
    "cs_slots"."n" AS "__slot"
  FROM "legacy"."visits" AS "visits"
  LEFT JOIN "legacy"."clinics" AS "c"
    ON (
      "c"."code"
    ) = (
      "visits"."clinic"
    )
  CROSS JOIN (
    SELECT
      1 AS "n"
    UNION ALL
    SELECT
      2 AS "n"
  ) AS "cs_slots"
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
        ) AS TEXT)
        AND "cs_x"."state" <> 'inactive'
    ) AS "f__patient_id",
    "cs_in"."s__c__name" AS "f__clinic_name",
    REPLACE(UPPER(TRIM("cs_in"."e__cpt")), 'ẞ', 'ß') AS "f__cpt",
    "cs_in"."e__units" AS "f__units",
    CAST((
      "cs_in"."s__visits__visit_id"
    ) AS TEXT) || '|' || CAST((
      "cs_in"."__slot"
    ) AS TEXT) AS "__key",
    COALESCE((
      TRUE AND (
        NOT (
          "cs_in"."e__cpt"
        ) IS NULL
      )
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
      WHEN LENGTH(CAST("cs_fields"."f__clinic_name" AS TEXT)) > 40
      THEN 5
      WHEN "cs_fields"."f__cpt" IS NULL
      THEN 6
      WHEN LENGTH(CAST("cs_fields"."f__cpt" AS TEXT)) > 5
      THEN 7
      WHEN "cs_fields"."f__units" IS NULL
      THEN 8
      WHEN NOT COALESCE((
        (
          "cs_fields"."f__units"
        ) BETWEEN 1 AND 8
      ), TRUE)
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
  "cs_rules"."f__patient_id",
  "cs_rules"."f__clinic_name",
  "cs_rules"."f__cpt",
  "cs_rules"."f__units",
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

-- tests/golden/mini.mig:64: legacy.visits -> emr.charge: rejected rows with the first rule that failed
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
  'legacy.visits -> emr.charge',
  'legacy.visits',
  CAST((
    "w"."s__visits__visit_id"
  ) AS TEXT),
  "w"."__slot",
  "w"."__row",
  CASE "w"."__rule"
    WHEN 1
    THEN 'cast'
    WHEN 2
    THEN 'key'
    WHEN 3
    THEN 'reject:73'
    WHEN 4
    THEN 'not null:emr.charge.patient_id'
    WHEN 5
    THEN 'length:emr.charge.clinic_name'
    WHEN 6
    THEN 'not null:emr.charge.cpt'
    WHEN 7
    THEN 'length:emr.charge.cpt'
    WHEN 8
    THEN 'not null:emr.charge.units'
    WHEN 9
    THEN 'check:emr.charge.units'
    WHEN 10
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
    THEN 'clinic_name is longer than 40 characters'
    WHEN 6
    THEN 'cpt is required but empty'
    WHEN 7
    THEN 'cpt is longer than 5 characters'
    WHEN 8
    THEN 'units is required but empty'
    WHEN 9
    THEN 'units fails its check constraint'
    WHEN 10
    THEN 'duplicate legacy key (an earlier row has the same key)'
  END,
  CAST(JSON_OBJECT(
    'visit_id',
    "r"."visit_id",
    'pat_no',
    "r"."pat_no",
    'clinic',
    "r"."clinic",
    'cpt1',
    "r"."cpt1",
    'units1',
    "r"."units1",
    'cpt2',
    "r"."cpt2",
    'units2',
    "r"."units2"
  ) AS TEXT)
FROM "cs_work__emr__charge" AS "w"
JOIN "chartshift_stage"."legacy__visits" AS "r"
  ON "r"."__row" = "w"."__row"
WHERE
  "w"."__status" = 'rejected'
ORDER BY
  "w"."__row",
  "w"."__slot";

-- tests/golden/mini.mig:68: crosswalk emr.charge
DROP TABLE IF EXISTS "cs_xwalk_new__emr__charge";

-- tests/golden/mini.mig:68: crosswalk emr.charge: keep known ids, number new keys in key order after the highest id, merged keys point at their survivor
CREATE TEMPORARY TABLE "cs_xwalk_new__emr__charge" AS
WITH "prev" AS (
  SELECT
    "legacy_key",
    "own_id"
  FROM "chartshift"."xwalk__emr__charge"
), "cur" AS (
  SELECT
    "__key",
    "__status",
    "__survivor_key"
  FROM "cs_work__emr__charge"
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

-- tests/golden/mini.mig:68: crosswalk emr.charge: replace contents
DELETE FROM "chartshift"."xwalk__emr__charge";

-- tests/golden/mini.mig:68: crosswalk emr.charge
INSERT INTO "chartshift"."xwalk__emr__charge" (
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
FROM "cs_xwalk_new__emr__charge"
ORDER BY
  "legacy_key";

-- tests/golden/mini.mig:64: legacy.visits -> emr.charge: load the surviving rows
INSERT INTO "emr"."charge" (
  "id",
  "patient_id",
  "clinic_name",
  "cpt",
  "units"
)
SELECT
  "x"."target_id",
  CAST("w"."f__patient_id" AS BIGINT),
  CAST("w"."f__clinic_name" AS TEXT),
  CAST("w"."f__cpt" AS TEXT),
  CAST("w"."f__units" AS INT)
FROM "cs_work__emr__charge" AS "w"
JOIN "chartshift"."xwalk__emr__charge" AS "x"
  ON "x"."legacy_key" = "w"."__key"
WHERE
  "w"."__status" = 'loaded'
ORDER BY
  "x"."target_id";

