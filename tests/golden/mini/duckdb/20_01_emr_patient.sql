-- chartshift 0.1.0 | dialect duckdb
-- spec tests/golden/mini.mig sha256 4fcd8160fcafdc6d82ad9519bcb07d1fada1c0da12651e67632ae52e937406e6
-- 20_01_emr_patient: map legacy.patients -> emr.patient
-- Generated file: do not edit. Regenerate with `chartshift compile tests/golden/mini.mig`.


-- tests/golden/mini.mig:52: work table left by an earlier run
DROP TABLE IF EXISTS "cs_work__emr__patient";

-- tests/golden/mini.mig:52: legacy.patients -> emr.patient: every kept row with its fields and status
CREATE TEMPORARY TABLE "cs_work__emr__patient" AS
WITH "cs_in" AS (
  SELECT
    *
  FROM (
    SELECT
      "patients"."__row" AS "__row",
      "patients"."__cast_error" AS "__cast_error",
      "patients"."pat_no" AS "s__patients__pat_no",
      "patients"."fname" AS "s__patients__fname",
      "patients"."lname" AS "s__patients__lname",
      "patients"."dob" AS "s__patients__dob",
      "patients"."gender" AS "s__patients__gender",
      "patients"."status" AS "s__patients__status",
      1 AS "__slot"
    FROM "legacy"."patients" AS "patients"
  ) AS "cs_in"
  WHERE
    COALESCE(
      (
        (
          (
            COALESCE("cs_in"."s__patients__status", '')
          ) <> (
            'D'
          )
        )
      ),
      FALSE
    )
), "cs_fields" AS (
  SELECT
    "cs_in".*,
    TRIM("cs_in"."s__patients__pat_no", ' ') AS "f__mrn",
    ARRAY_TO_STRING(
      LIST_TRANSFORM(
        REGEXP_EXTRACT_ALL(TRIM("cs_in"."s__patients__fname", ' '), '\pL+|\PL+'),
        LAMBDA "_cs_run" : CASE
          WHEN REGEXP_MATCHES(_cs_run, '^\pL')
          THEN REPLACE(UPPER(LEFT(_cs_run, 1)), 'ẞ', 'ß') || LOWER(SUBSTRING(_cs_run, 2))
          ELSE _cs_run
        END
      ),
      ''
    ) AS "f__first_name",
    ARRAY_TO_STRING(
      LIST_TRANSFORM(
        REGEXP_EXTRACT_ALL(TRIM("cs_in"."s__patients__lname", ' '), '\pL+|\PL+'),
        LAMBDA "_cs_run" : CASE
          WHEN REGEXP_MATCHES(_cs_run, '^\pL')
          THEN REPLACE(UPPER(LEFT(_cs_run, 1)), 'ẞ', 'ß') || LOWER(SUBSTRING(_cs_run, 2))
          ELSE _cs_run
        END
      ),
      ''
    ) AS "f__last_name",
    COALESCE(
      CAST(NULLIF(
        REGEXP_EXTRACT(
          REGEXP_REPLACE(
            TRIM("cs_in"."s__patients__dob"),
            '(?s)^(?:([0-9]{1,2})\/([0-9]{1,2})\/([0-9]{4}))$|^.*$',
            '\3-\1-\2',
            'g'
          ),
          '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))$'
        ),
        ''
      ) AS DATE),
      CAST(NULLIF(
        REGEXP_EXTRACT(
          REGEXP_REPLACE(
            TRIM("cs_in"."s__patients__dob"),
            '(?s)^(?:([0-9]{4})\-([0-9]{1,2})\-([0-9]{1,2}))$|^.*$',
            '\1-\2-\3',
            'g'
          ),
          '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))$'
        ),
        ''
      ) AS DATE)
    ) AS "f__birth_date",
    CASE REPLACE(UPPER(TRIM("cs_in"."s__patients__gender", ' ')), 'ẞ', 'ß')
      WHEN 'M'
      THEN 'male'
      WHEN 'MALE'
      THEN 'male'
      WHEN 'F'
      THEN 'female'
      WHEN 'FEMALE'
      THEN 'female'
      ELSE 'unknown'
    END AS "f__sex",
    CAST((
      "cs_in"."s__patients__pat_no"
    ) AS TEXT) AS "__key"
  FROM "cs_in"
), "cs_rules" AS (
  SELECT
    "cs_fields".*,
    CASE
      WHEN NOT "cs_fields"."__cast_error" IS NULL
      THEN 1
      WHEN "cs_fields"."__key" IS NULL
      THEN 2
      WHEN COALESCE(
        (
          (
            NOT (
              "cs_fields"."s__patients__dob"
            ) IS NULL
          )
          AND (
            (
              "cs_fields"."f__birth_date"
            ) IS NULL
          )
        ),
        FALSE
      )
      THEN 3
      WHEN "cs_fields"."f__mrn" IS NULL
      THEN 4
      WHEN LENGTH(CAST("cs_fields"."f__mrn" AS TEXT)) > 20
      THEN 5
      WHEN "cs_fields"."f__first_name" IS NULL
      THEN 6
      WHEN LENGTH(CAST("cs_fields"."f__first_name" AS TEXT)) > 50
      THEN 7
      WHEN "cs_fields"."f__last_name" IS NULL
      THEN 8
      WHEN LENGTH(CAST("cs_fields"."f__last_name" AS TEXT)) > 50
      THEN 9
      WHEN "cs_fields"."f__sex" IS NULL
      THEN 10
      WHEN LENGTH(CAST("cs_fields"."f__sex" AS TEXT)) > 7
      THEN 11
      WHEN NOT (
        "cs_fields"."f__sex" IN ('male', 'female', 'unknown')
      )
      THEN 12
      WHEN NOT "cs_dups"."first_row" IS NULL AND "cs_fields"."__row" > "cs_dups"."first_row"
      THEN 13
    END AS "__rule"
  FROM "cs_fields"
  LEFT JOIN (
    SELECT
      "cs_fields"."s__patients__pat_no" AS "__k1",
      MIN("cs_fields"."__row") AS "first_row"
    FROM "cs_fields"
    GROUP BY
      "cs_fields"."s__patients__pat_no"
    HAVING
      COUNT(*) > 1
  ) AS "cs_dups"
    ON "cs_dups"."__k1" = "cs_fields"."s__patients__pat_no"
), "cs_status" AS (
  SELECT
    "cs_rules"."__row",
    "cs_rules"."__slot",
    "cs_rules"."__key",
    "cs_rules"."__rule",
    "cs_rules"."f__mrn",
    "cs_rules"."f__first_name",
    "cs_rules"."f__last_name",
    "cs_rules"."f__birth_date",
    "cs_rules"."f__sex",
    "cs_rules"."s__patients__pat_no",
    CASE
      WHEN NOT "cs_rules"."__rule" IS NULL
      THEN 'rejected'
      WHEN ROW_NUMBER() OVER (
        PARTITION BY (
          "cs_rules"."__rule" IS NULL
        ), REPLACE(UPPER(TRIM("cs_rules"."s__patients__lname", ' ')), 'ẞ', 'ß'), REPLACE(UPPER(TRIM("cs_rules"."s__patients__fname", ' ')), 'ẞ', 'ß'), "cs_rules"."f__birth_date", CASE
          WHEN (
            REPLACE(UPPER(TRIM("cs_rules"."s__patients__lname", ' ')), 'ẞ', 'ß')
          ) IS NULL
          OR (
            REPLACE(UPPER(TRIM("cs_rules"."s__patients__fname", ' ')), 'ẞ', 'ß')
          ) IS NULL
          OR (
            "cs_rules"."f__birth_date"
          ) IS NULL
          THEN "cs_rules"."__key"
        END
        ORDER BY "cs_rules"."s__patients__pat_no" ASC, "cs_rules"."__key"
      ) > 1
      THEN 'merged'
      ELSE 'loaded'
    END AS "__status",
    FIRST_VALUE("cs_rules"."__key") OVER (
      PARTITION BY (
        "cs_rules"."__rule" IS NULL
      ), REPLACE(UPPER(TRIM("cs_rules"."s__patients__lname", ' ')), 'ẞ', 'ß'), REPLACE(UPPER(TRIM("cs_rules"."s__patients__fname", ' ')), 'ẞ', 'ß'), "cs_rules"."f__birth_date", CASE
        WHEN (
          REPLACE(UPPER(TRIM("cs_rules"."s__patients__lname", ' ')), 'ẞ', 'ß')
        ) IS NULL
        OR (
          REPLACE(UPPER(TRIM("cs_rules"."s__patients__fname", ' ')), 'ẞ', 'ß')
        ) IS NULL
        OR (
          "cs_rules"."f__birth_date"
        ) IS NULL
        THEN "cs_rules"."__key"
      END
      ORDER BY "cs_rules"."s__patients__pat_no" ASC, "cs_rules"."__key"
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
        FROM "chartshift"."xwalk__emr__patient"
      ) + ROW_NUMBER() OVER (
        ORDER BY (
          "cs_prev"."own_id" IS NULL AND "cs_status"."__status" = 'loaded'
        ) DESC, "cs_status"."__row", "cs_status"."__slot"
      )
    END
  ) AS "__own_id"
FROM "cs_status"
LEFT JOIN "chartshift"."xwalk__emr__patient" AS "cs_prev"
  ON "cs_prev"."legacy_key" = "cs_status"."__key";

-- tests/golden/mini.mig:52: legacy.patients -> emr.patient: rejected rows with the first rule that failed
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
  'legacy.patients -> emr.patient',
  'legacy.patients',
  CAST((
    "w"."s__patients__pat_no"
  ) AS TEXT),
  "w"."__slot",
  "w"."__row",
  CASE "w"."__rule"
    WHEN 1
    THEN 'cast'
    WHEN 2
    THEN 'key'
    WHEN 3
    THEN 'reject:60'
    WHEN 4
    THEN 'not null:emr.patient.mrn'
    WHEN 5
    THEN 'length:emr.patient.mrn'
    WHEN 6
    THEN 'not null:emr.patient.first_name'
    WHEN 7
    THEN 'length:emr.patient.first_name'
    WHEN 8
    THEN 'not null:emr.patient.last_name'
    WHEN 9
    THEN 'length:emr.patient.last_name'
    WHEN 10
    THEN 'not null:emr.patient.sex'
    WHEN 11
    THEN 'length:emr.patient.sex'
    WHEN 12
    THEN 'in:emr.patient.sex'
    WHEN 13
    THEN 'duplicate key'
  END,
  CASE "w"."__rule"
    WHEN 1
    THEN 'value does not fit the source column type'
    WHEN 2
    THEN 'missing legacy key'
    WHEN 3
    THEN 'unparseable date of birth'
    WHEN 4
    THEN 'mrn is required but empty'
    WHEN 5
    THEN 'mrn is longer than 20 characters'
    WHEN 6
    THEN 'first_name is required but empty'
    WHEN 7
    THEN 'first_name is longer than 50 characters'
    WHEN 8
    THEN 'last_name is required but empty'
    WHEN 9
    THEN 'last_name is longer than 50 characters'
    WHEN 10
    THEN 'sex is required but empty'
    WHEN 11
    THEN 'sex is longer than 7 characters'
    WHEN 12
    THEN 'sex is not one of the allowed values'
    WHEN 13
    THEN 'duplicate legacy key (an earlier row has the same key)'
  END,
  CAST(JSON_OBJECT(
    'pat_no',
    "r"."pat_no",
    'fname',
    "r"."fname",
    'lname',
    "r"."lname",
    'dob',
    "r"."dob",
    'gender',
    "r"."gender",
    'status',
    "r"."status"
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
    THEN 'too_long'
    WHEN 6
    THEN 'not_null'
    WHEN 7
    THEN 'too_long'
    WHEN 8
    THEN 'not_null'
    WHEN 9
    THEN 'too_long'
    WHEN 10
    THEN 'not_null'
    WHEN 11
    THEN 'too_long'
    WHEN 12
    THEN 'not_allowed'
    WHEN 13
    THEN 'duplicate_key'
  END
FROM "cs_work__emr__patient" AS "w"
JOIN "chartshift_stage"."legacy__patients" AS "r"
  ON "r"."__row" = "w"."__row"
WHERE
  "w"."__status" = 'rejected'
ORDER BY
  "w"."__row",
  "w"."__slot";

-- tests/golden/mini.mig:54: crosswalk emr.patient: the keys of this run are written again below
DELETE FROM "chartshift"."xwalk__emr__patient"
WHERE
  "legacy_key" IN (
    SELECT
      "__key"
    FROM "cs_work__emr__patient"
    WHERE
      "__status" IN ('loaded', 'merged')
  );

-- tests/golden/mini.mig:54: crosswalk emr.patient: keys not loaded by this run stay, inactive, with their ids
UPDATE "chartshift"."xwalk__emr__patient" SET "state" = 'inactive', "target_id" = NULL
WHERE
  "state" <> 'inactive';

-- tests/golden/mini.mig:54: crosswalk emr.patient: loaded keys with their ids, merged keys pointing at their survivor's id
INSERT INTO "chartshift"."xwalk__emr__patient" (
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
FROM "cs_work__emr__patient" AS "w"
LEFT JOIN "cs_work__emr__patient" AS "s"
  ON "s"."__key" = "w"."__survivor_key" AND "s"."__status" = 'loaded'
WHERE
  "w"."__status" IN ('loaded', 'merged');

-- tests/golden/mini.mig:52: legacy.patients -> emr.patient: load the surviving rows
INSERT INTO "emr"."patient" (
  "id",
  "mrn",
  "first_name",
  "last_name",
  "birth_date",
  "sex"
)
SELECT
  CAST("w"."__own_id" AS BIGINT),
  CAST("w"."f__mrn" AS TEXT),
  CAST("w"."f__first_name" AS TEXT),
  CAST("w"."f__last_name" AS TEXT),
  CAST("w"."f__birth_date" AS DATE),
  CAST("w"."f__sex" AS TEXT)
FROM "cs_work__emr__patient" AS "w"
WHERE
  "w"."__status" = 'loaded';

-- tests/golden/mini.mig:52: legacy.patients -> emr.patient: accounting identity: source rows = loaded + rejected + filtered + merged + aggregated
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
  'legacy.patients -> emr.patient',
  'legacy.patients',
  'emr.patient',
  (
    SELECT
      COUNT(*)
    FROM "legacy"."patients"
  ),
  (
    SELECT
      COUNT(*)
    FROM "emr"."patient"
  ),
  (
    SELECT
      COUNT(*)
    FROM "chartshift"."rejects"
    WHERE
      "map" = 'legacy.patients -> emr.patient'
  ),
  (
    SELECT
      COUNT(*)
    FROM (
      SELECT
        "patients"."__row" AS "__row",
        "patients"."__cast_error" AS "__cast_error",
        "patients"."pat_no" AS "s__patients__pat_no",
        "patients"."fname" AS "s__patients__fname",
        "patients"."lname" AS "s__patients__lname",
        "patients"."dob" AS "s__patients__dob",
        "patients"."gender" AS "s__patients__gender",
        "patients"."status" AS "s__patients__status",
        1 AS "__slot"
      FROM "legacy"."patients" AS "patients"
    ) AS "cs_in"
    WHERE
      NOT COALESCE(
        (
          (
            (
              COALESCE("cs_in"."s__patients__status", '')
            ) <> (
              'D'
            )
          )
        ),
        FALSE
      )
  ),
  (
    SELECT
      COUNT(*)
    FROM "cs_work__emr__patient"
    WHERE
      "__status" = 'merged'
  ),
  0;

-- tests/golden/mini.mig:52: legacy.patients -> emr.patient: work table no longer needed
DROP TABLE IF EXISTS "cs_work__emr__patient";

