-- chartshift 0.1.0 | dialect duckdb
-- spec tests/golden/mini.mig sha256 4fcd8160fcafdc6d82ad9519bcb07d1fada1c0da12651e67632ae52e937406e6
-- 20_02_emr_charge: map legacy.visits -> emr.charge
-- Generated file: do not edit. Regenerate with `chartshift compile tests/golden/mini.mig`.


-- tests/golden/mini.mig:64: work table left by an earlier run
DROP TABLE IF EXISTS "cs_work__emr__charge";

-- tests/golden/mini.mig:64: legacy.visits -> emr.charge: every kept row with its fields and status
CREATE TEMPORARY TABLE "cs_work__emr__charge" AS
WITH "cs_in" AS (
  SELECT
    *
  FROM (
    SELECT
      "cs_raw".*,
      "cs_amb"."__n__c" AS "__n__c",
      CASE "cs_slots"."n"
        WHEN 1
        THEN "cs_raw"."s__visits__cpt1"
        WHEN 2
        THEN "cs_raw"."s__visits__cpt2"
      END AS "e__cpt",
      CASE "cs_slots"."n"
        WHEN 1
        THEN "cs_raw"."s__visits__units1"
        WHEN 2
        THEN "cs_raw"."s__visits__units2"
      END AS "e__units",
      "cs_slots"."n" AS "__slot"
    FROM (
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
        "c"."__row" AS "j__c__row"
      FROM "legacy"."visits" AS "visits"
      LEFT JOIN "legacy"."clinics" AS "c"
        ON (
          "c"."code"
        ) = (
          "visits"."clinic"
        )
    ) AS "cs_raw"
    LEFT JOIN (
      SELECT
        "__row",
        COUNT(DISTINCT "j__c__row") AS "__n__c",
        MIN("j__c__row") AS "first__c"
      FROM (
        SELECT
          "visits"."__row" AS "__row",
          "c"."__row" AS "j__c__row"
        FROM "legacy"."visits" AS "visits"
        LEFT JOIN "legacy"."clinics" AS "c"
          ON (
            "c"."code"
          ) = (
            "visits"."clinic"
          )
      ) AS "cs_raw"
      GROUP BY
        "__row"
      HAVING
        COUNT(*) > 1
    ) AS "cs_amb"
      ON "cs_amb"."__row" = "cs_raw"."__row"
    CROSS JOIN (
      SELECT
        1 AS "n"
      UNION ALL
      SELECT
        2 AS "n"
    ) AS "cs_slots"
    WHERE
      (
        "cs_amb"."first__c" IS NULL OR "cs_raw"."j__c__row" = "cs_amb"."first__c"
      )
  ) AS "cs_in"
  WHERE
    COALESCE((
      (
        NOT (
          "cs_in"."e__cpt"
        ) IS NULL
      )
    ), FALSE)
), "cs_fields" AS (
  SELECT
    "cs_in".*,
    "cs_ref1"."target_id" AS "f__patient_id",
    "cs_in"."s__c__name" AS "f__clinic_name",
    REPLACE(UPPER(TRIM("cs_in"."e__cpt", ' ')), 'ẞ', 'ß') AS "f__cpt",
    "cs_in"."e__units" AS "f__units",
    CAST((
      "cs_in"."s__visits__visit_id"
    ) AS TEXT) || '|' || CAST((
      "cs_in"."__slot"
    ) AS TEXT) AS "__key"
  FROM "cs_in"
  LEFT JOIN "chartshift"."xwalk__emr__patient" AS "cs_ref1"
    ON "cs_ref1"."legacy_key" = CAST((
      "cs_in"."s__visits__pat_no"
    ) AS TEXT)
    AND "cs_ref1"."state" <> 'inactive'
), "cs_rules" AS (
  SELECT
    "cs_fields".*,
    CASE
      WHEN NOT "cs_fields"."__cast_error" IS NULL
      THEN 1
      WHEN "cs_fields"."__n__c" > 1
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
      WHEN LENGTH(CAST("cs_fields"."f__clinic_name" AS TEXT)) > 40
      THEN 6
      WHEN "cs_fields"."f__cpt" IS NULL
      THEN 7
      WHEN LENGTH(CAST("cs_fields"."f__cpt" AS TEXT)) > 5
      THEN 8
      WHEN "cs_fields"."f__units" IS NULL
      THEN 9
      WHEN NOT COALESCE((
        (
          "cs_fields"."f__units"
        ) BETWEEN 1 AND 8
      ), TRUE)
      THEN 10
      WHEN NOT "cs_dups"."first_row" IS NULL
      AND "cs_fields"."__row" * 2 + "cs_fields"."__slot" > "cs_dups"."first_row"
      THEN 11
    END AS "__rule"
  FROM "cs_fields"
  LEFT JOIN (
    SELECT
      "cs_fields"."s__visits__visit_id" AS "__k1",
      "cs_fields"."__slot" AS "__k2",
      MIN("cs_fields"."__row" * 2 + "cs_fields"."__slot") AS "first_row"
    FROM "cs_fields"
    GROUP BY
      "cs_fields"."s__visits__visit_id",
      "cs_fields"."__slot"
    HAVING
      COUNT(*) > 1
  ) AS "cs_dups"
    ON "cs_dups"."__k1" = "cs_fields"."s__visits__visit_id"
    AND "cs_dups"."__k2" = "cs_fields"."__slot"
), "cs_status" AS (
  SELECT
    "cs_rules"."__row",
    "cs_rules"."__slot",
    "cs_rules"."__key",
    "cs_rules"."__rule",
    "cs_rules"."__n__c",
    "cs_rules"."f__patient_id",
    "cs_rules"."f__clinic_name",
    "cs_rules"."f__cpt",
    "cs_rules"."f__units",
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
        FROM "chartshift"."xwalk__emr__charge"
      ) + ROW_NUMBER() OVER (
        ORDER BY (
          "cs_prev"."own_id" IS NULL AND "cs_status"."__status" = 'loaded'
        ) DESC, "cs_status"."__row", "cs_status"."__slot"
      )
    END
  ) AS "__own_id"
FROM "cs_status"
LEFT JOIN "chartshift"."xwalk__emr__charge" AS "cs_prev"
  ON "cs_prev"."legacy_key" = "cs_status"."__key";

-- tests/golden/mini.mig:64: legacy.visits -> emr.charge: rejected rows with the first rule that failed
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
    THEN 'ambiguous_match'
    WHEN 3
    THEN 'key'
    WHEN 4
    THEN 'reject:73'
    WHEN 5
    THEN 'not null:emr.charge.patient_id'
    WHEN 6
    THEN 'length:emr.charge.clinic_name'
    WHEN 7
    THEN 'not null:emr.charge.cpt'
    WHEN 8
    THEN 'length:emr.charge.cpt'
    WHEN 9
    THEN 'not null:emr.charge.units'
    WHEN 10
    THEN 'check:emr.charge.units'
    WHEN 11
    THEN 'duplicate key'
  END,
  CASE "w"."__rule"
    WHEN 1
    THEN 'value does not fit the source column type'
    WHEN 2
    THEN 'ambiguous match (' || CAST((
      "w"."__n__c"
    ) AS TEXT) || ' rows of legacy.clinics)'
    WHEN 3
    THEN 'missing legacy key'
    WHEN 4
    THEN 'visit for unknown patient'
    WHEN 5
    THEN 'patient_id is required but empty'
    WHEN 6
    THEN 'clinic_name is longer than 40 characters'
    WHEN 7
    THEN 'cpt is required but empty'
    WHEN 8
    THEN 'cpt is longer than 5 characters'
    WHEN 9
    THEN 'units is required but empty'
    WHEN 10
    THEN 'units fails its check constraint'
    WHEN 11
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
    THEN 'too_long'
    WHEN 7
    THEN 'not_null'
    WHEN 8
    THEN 'too_long'
    WHEN 9
    THEN 'not_null'
    WHEN 10
    THEN 'check_failed'
    WHEN 11
    THEN 'duplicate_key'
  END
FROM "cs_work__emr__charge" AS "w"
JOIN "chartshift_stage"."legacy__visits" AS "r"
  ON "r"."__row" = "w"."__row"
WHERE
  "w"."__status" = 'rejected'
ORDER BY
  "w"."__row",
  "w"."__slot";

-- tests/golden/mini.mig:68: crosswalk emr.charge: the keys of this run are written again below
DELETE FROM "chartshift"."xwalk__emr__charge"
WHERE
  "legacy_key" IN (
    SELECT
      "__key"
    FROM "cs_work__emr__charge"
    WHERE
      "__status" IN ('loaded', 'merged')
  );

-- tests/golden/mini.mig:68: crosswalk emr.charge: keys not loaded by this run stay, inactive, with their ids
UPDATE "chartshift"."xwalk__emr__charge" SET "state" = 'inactive', "target_id" = NULL
WHERE
  "state" <> 'inactive';

-- tests/golden/mini.mig:68: crosswalk emr.charge: loaded keys with their ids, merged keys pointing at their survivor's id
INSERT INTO "chartshift"."xwalk__emr__charge" (
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
FROM "cs_work__emr__charge" AS "w"
WHERE
  "w"."__status" IN ('loaded', 'merged');

-- tests/golden/mini.mig:64: legacy.visits -> emr.charge: load the surviving rows
INSERT INTO "emr"."charge" (
  "id",
  "patient_id",
  "clinic_name",
  "cpt",
  "units"
)
SELECT
  CAST("w"."__own_id" AS BIGINT),
  CAST("w"."f__patient_id" AS BIGINT),
  CAST("w"."f__clinic_name" AS TEXT),
  CAST("w"."f__cpt" AS TEXT),
  CAST("w"."f__units" AS INT)
FROM "cs_work__emr__charge" AS "w"
WHERE
  "w"."__status" = 'loaded';

-- tests/golden/mini.mig:64: legacy.visits -> emr.charge: accounting identity: source rows = loaded + rejected + filtered + merged + aggregated
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
  'legacy.visits -> emr.charge',
  'legacy.visits',
  'emr.charge',
  (
    SELECT
      COUNT(*)
    FROM "legacy"."visits"
  ) * 2,
  (
    SELECT
      COUNT(*)
    FROM "emr"."charge"
  ),
  (
    SELECT
      COUNT(*)
    FROM "chartshift"."rejects"
    WHERE
      "map" = 'legacy.visits -> emr.charge'
  ),
  (
    SELECT
      COUNT(*)
    FROM (
      SELECT
        "cs_raw".*,
        "cs_amb"."__n__c" AS "__n__c",
        CASE "cs_slots"."n"
          WHEN 1
          THEN "cs_raw"."s__visits__cpt1"
          WHEN 2
          THEN "cs_raw"."s__visits__cpt2"
        END AS "e__cpt",
        CASE "cs_slots"."n"
          WHEN 1
          THEN "cs_raw"."s__visits__units1"
          WHEN 2
          THEN "cs_raw"."s__visits__units2"
        END AS "e__units",
        "cs_slots"."n" AS "__slot"
      FROM (
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
          "c"."__row" AS "j__c__row"
        FROM "legacy"."visits" AS "visits"
        LEFT JOIN "legacy"."clinics" AS "c"
          ON (
            "c"."code"
          ) = (
            "visits"."clinic"
          )
      ) AS "cs_raw"
      LEFT JOIN (
        SELECT
          "__row",
          COUNT(DISTINCT "j__c__row") AS "__n__c",
          MIN("j__c__row") AS "first__c"
        FROM (
          SELECT
            "visits"."__row" AS "__row",
            "c"."__row" AS "j__c__row"
          FROM "legacy"."visits" AS "visits"
          LEFT JOIN "legacy"."clinics" AS "c"
            ON (
              "c"."code"
            ) = (
              "visits"."clinic"
            )
        ) AS "cs_raw"
        GROUP BY
          "__row"
        HAVING
          COUNT(*) > 1
      ) AS "cs_amb"
        ON "cs_amb"."__row" = "cs_raw"."__row"
      CROSS JOIN (
        SELECT
          1 AS "n"
        UNION ALL
        SELECT
          2 AS "n"
      ) AS "cs_slots"
      WHERE
        (
          "cs_amb"."first__c" IS NULL OR "cs_raw"."j__c__row" = "cs_amb"."first__c"
        )
    ) AS "cs_in"
    WHERE
      NOT COALESCE((
        (
          NOT (
            "cs_in"."e__cpt"
          ) IS NULL
        )
      ), FALSE)
  ),
  0,
  0;

-- tests/golden/mini.mig:64: legacy.visits -> emr.charge: work table no longer needed
DROP TABLE IF EXISTS "cs_work__emr__charge";

