-- chartshift 0.1.0 | dialect postgres
-- spec specs/two_systems.mig sha256 76eeb791ddfc46d4013247302076b35042796b3181d91a47e7b0e553ee1643b2
-- 20_01_emr_practitioner: map sysA.providers -> emr.practitioner
-- Generated file: do not edit. Regenerate with `chartshift compile specs/two_systems.mig`.


-- specs/two_systems.mig:299: work table left by an earlier run
DROP TABLE IF EXISTS "cs_work__emr__practitioner";

-- specs/two_systems.mig:299: sysA.providers -> emr.practitioner: every kept row with its fields and status
CREATE TEMPORARY TABLE "cs_work__emr__practitioner" AS
WITH "cs_in" AS (
  SELECT
    "providers"."__row" AS "__row",
    "providers"."__cast_error" AS "__cast_error",
    "providers"."prov_id" AS "s__providers__prov_id",
    "providers"."name" AS "s__providers__name",
    "providers"."credential" AS "s__providers__credential",
    "providers"."npi" AS "s__providers__npi",
    1 AS "__slot"
  FROM "sysA"."providers" AS "providers"
), "cs_fields" AS (
  SELECT
    "cs_in".*,
    TRIM(BOTH ' ' FROM "cs_in"."s__providers__prov_id") AS "f__provider_code",
    TRIM(BOTH ' ' FROM "cs_in"."s__providers__name") AS "f__full_name",
    UPPER(TRIM(BOTH ' ' FROM "cs_in"."s__providers__credential")) AS "f__credential",
    TRIM(BOTH ' ' FROM "cs_in"."s__providers__npi") AS "f__npi",
    (
      CAST((
        'sysA.providers'
      ) AS VARCHAR) || '|' || CAST((
        "cs_in"."s__providers__prov_id"
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
      WHEN COALESCE(
        (
          NOT (
            COALESCE(
              CASE
                WHEN TRIM(BOTH ' ' FROM "cs_fields"."f__npi") IS NULL
                THEN NULL
                ELSE COALESCE(
                  (
                    24 + CAST(SUBSTRING('0246813579' FROM CAST(SUBSTRING(CASE
                      WHEN TRIM(BOTH ' ' FROM TRIM(BOTH ' ' FROM "cs_fields"."f__npi")) ~ '^(?:[12][0-9]{9})$'
                      THEN TRIM(BOTH ' ' FROM TRIM(BOTH ' ' FROM "cs_fields"."f__npi"))
                    END FROM 1 FOR 1) AS INT) + 1 FOR 1) AS INT) + CAST(SUBSTRING(CASE
                      WHEN TRIM(BOTH ' ' FROM TRIM(BOTH ' ' FROM "cs_fields"."f__npi")) ~ '^(?:[12][0-9]{9})$'
                      THEN TRIM(BOTH ' ' FROM TRIM(BOTH ' ' FROM "cs_fields"."f__npi"))
                    END FROM 2 FOR 1) AS INT) + CAST(SUBSTRING('0246813579' FROM CAST(SUBSTRING(CASE
                      WHEN TRIM(BOTH ' ' FROM TRIM(BOTH ' ' FROM "cs_fields"."f__npi")) ~ '^(?:[12][0-9]{9})$'
                      THEN TRIM(BOTH ' ' FROM TRIM(BOTH ' ' FROM "cs_fields"."f__npi"))
                    END FROM 3 FOR 1) AS INT) + 1 FOR 1) AS INT) + CAST(SUBSTRING(CASE
                      WHEN TRIM(BOTH ' ' FROM TRIM(BOTH ' ' FROM "cs_fields"."f__npi")) ~ '^(?:[12][0-9]{9})$'
                      THEN TRIM(BOTH ' ' FROM TRIM(BOTH ' ' FROM "cs_fields"."f__npi"))
                    END FROM 4 FOR 1) AS INT) + CAST(SUBSTRING('0246813579' FROM CAST(SUBSTRING(CASE
                      WHEN TRIM(BOTH ' ' FROM TRIM(BOTH ' ' FROM "cs_fields"."f__npi")) ~ '^(?:[12][0-9]{9})$'
                      THEN TRIM(BOTH ' ' FROM TRIM(BOTH ' ' FROM "cs_fields"."f__npi"))
                    END FROM 5 FOR 1) AS INT) + 1 FOR 1) AS INT) + CAST(SUBSTRING(CASE
                      WHEN TRIM(BOTH ' ' FROM TRIM(BOTH ' ' FROM "cs_fields"."f__npi")) ~ '^(?:[12][0-9]{9})$'
                      THEN TRIM(BOTH ' ' FROM TRIM(BOTH ' ' FROM "cs_fields"."f__npi"))
                    END FROM 6 FOR 1) AS INT) + CAST(SUBSTRING('0246813579' FROM CAST(SUBSTRING(CASE
                      WHEN TRIM(BOTH ' ' FROM TRIM(BOTH ' ' FROM "cs_fields"."f__npi")) ~ '^(?:[12][0-9]{9})$'
                      THEN TRIM(BOTH ' ' FROM TRIM(BOTH ' ' FROM "cs_fields"."f__npi"))
                    END FROM 7 FOR 1) AS INT) + 1 FOR 1) AS INT) + CAST(SUBSTRING(CASE
                      WHEN TRIM(BOTH ' ' FROM TRIM(BOTH ' ' FROM "cs_fields"."f__npi")) ~ '^(?:[12][0-9]{9})$'
                      THEN TRIM(BOTH ' ' FROM TRIM(BOTH ' ' FROM "cs_fields"."f__npi"))
                    END FROM 8 FOR 1) AS INT) + CAST(SUBSTRING('0246813579' FROM CAST(SUBSTRING(CASE
                      WHEN TRIM(BOTH ' ' FROM TRIM(BOTH ' ' FROM "cs_fields"."f__npi")) ~ '^(?:[12][0-9]{9})$'
                      THEN TRIM(BOTH ' ' FROM TRIM(BOTH ' ' FROM "cs_fields"."f__npi"))
                    END FROM 9 FOR 1) AS INT) + 1 FOR 1) AS INT) + CAST(SUBSTRING(CASE
                      WHEN TRIM(BOTH ' ' FROM TRIM(BOTH ' ' FROM "cs_fields"."f__npi")) ~ '^(?:[12][0-9]{9})$'
                      THEN TRIM(BOTH ' ' FROM TRIM(BOTH ' ' FROM "cs_fields"."f__npi"))
                    END FROM 10 FOR 1) AS INT)
                  ) % 10 = 0,
                  FALSE
                )
              END,
              FALSE
            )
          )
        ),
        FALSE
      )
      THEN 3
      WHEN "cs_fields"."f__provider_code" IS NULL
      THEN 4
      WHEN LENGTH(CAST("cs_fields"."f__provider_code" AS VARCHAR)) > 20
      THEN 5
      WHEN "cs_fields"."f__full_name" IS NULL
      THEN 6
      WHEN LENGTH(CAST("cs_fields"."f__full_name" AS VARCHAR)) > 100
      THEN 7
      WHEN LENGTH(CAST("cs_fields"."f__credential" AS VARCHAR)) > 10
      THEN 8
      WHEN "cs_fields"."f__npi" IS NULL
      THEN 9
      WHEN LENGTH(CAST("cs_fields"."f__npi" AS VARCHAR)) > 10
      THEN 10
      WHEN NOT "cs_dups"."first_row" IS NULL AND "cs_fields"."__row" > "cs_dups"."first_row"
      THEN 11
    END AS "__rule"
  FROM "cs_fields"
  LEFT JOIN (
    SELECT
      "cs_fields"."s__providers__prov_id" COLLATE "C" AS "__k1",
      MIN("cs_fields"."__row") AS "first_row"
    FROM "cs_fields"
    GROUP BY
      "cs_fields"."s__providers__prov_id" COLLATE "C"
    HAVING
      COUNT(*) > 1
  ) AS "cs_dups"
    ON "cs_dups"."__k1" = "cs_fields"."s__providers__prov_id" COLLATE "C"
), "cs_status" AS (
  SELECT
    "cs_rules"."__row",
    "cs_rules"."__slot",
    "cs_rules"."__key",
    "cs_rules"."__rule",
    "cs_rules"."f__provider_code",
    "cs_rules"."f__full_name",
    "cs_rules"."f__credential",
    "cs_rules"."f__npi",
    "cs_rules"."s__providers__prov_id",
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
        FROM "chartshift"."xwalk__emr__practitioner"
      ) + ROW_NUMBER() OVER (
        ORDER BY (
          "cs_prev"."own_id" IS NULL AND "cs_status"."__status" = 'loaded'
        ) DESC NULLS LAST, "cs_status"."__row", "cs_status"."__slot"
      )
    END
  ) AS "__own_id"
FROM "cs_status"
LEFT JOIN "chartshift"."xwalk__emr__practitioner" AS "cs_prev"
  ON "cs_prev"."legacy_key" = "cs_status"."__key";

-- specs/two_systems.mig:299: sysA.providers -> emr.practitioner: statistics of the work table
ANALYZE "cs_work__emr__practitioner";

-- specs/two_systems.mig:299: sysA.providers -> emr.practitioner: rejected rows with the first rule that failed
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
  'sysA.providers -> emr.practitioner',
  'sysA.providers',
  CAST((
    "w"."s__providers__prov_id"
  ) AS VARCHAR) COLLATE "C",
  "w"."__slot",
  "w"."__row",
  CASE "w"."__rule"
    WHEN 1
    THEN 'cast'
    WHEN 2
    THEN 'key'
    WHEN 3
    THEN 'reject:305'
    WHEN 4
    THEN 'not null:emr.practitioner.provider_code'
    WHEN 5
    THEN 'length:emr.practitioner.provider_code'
    WHEN 6
    THEN 'not null:emr.practitioner.full_name'
    WHEN 7
    THEN 'length:emr.practitioner.full_name'
    WHEN 8
    THEN 'length:emr.practitioner.credential'
    WHEN 9
    THEN 'not null:emr.practitioner.npi'
    WHEN 10
    THEN 'length:emr.practitioner.npi'
    WHEN 11
    THEN 'duplicate key'
  END,
  CASE "w"."__rule"
    WHEN 1
    THEN 'value does not fit the source column type'
    WHEN 2
    THEN 'missing legacy key'
    WHEN 3
    THEN 'invalid NPI'
    WHEN 4
    THEN 'provider_code is required but empty'
    WHEN 5
    THEN 'provider_code is longer than 20 characters'
    WHEN 6
    THEN 'full_name is required but empty'
    WHEN 7
    THEN 'full_name is longer than 100 characters'
    WHEN 8
    THEN 'credential is longer than 10 characters'
    WHEN 9
    THEN 'npi is required but empty'
    WHEN 10
    THEN 'npi is longer than 10 characters'
    WHEN 11
    THEN 'duplicate legacy key (an earlier row has the same key)'
  END,
  CAST(JSON_BUILD_OBJECT('prov_id', "r"."prov_id", 'name', "r"."name", 'credential', "r"."credential", 'npi', "r"."npi") AS TEXT),
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
    THEN 'too_long'
    WHEN 9
    THEN 'not_null'
    WHEN 10
    THEN 'too_long'
    WHEN 11
    THEN 'duplicate_key'
  END
FROM "cs_work__emr__practitioner" AS "w"
JOIN "chartshift_stage"."sysA__providers" AS "r"
  ON "r"."__row" = "w"."__row"
WHERE
  "w"."__status" = 'rejected'
ORDER BY
  "w"."__row",
  "w"."__slot";

-- specs/two_systems.mig:300: crosswalk emr.practitioner: the keys of this run are written again below
DELETE FROM "chartshift"."xwalk__emr__practitioner"
WHERE
  "legacy_key" IN (
    SELECT
      "__key"
    FROM "cs_work__emr__practitioner"
    WHERE
      "__status" IN ('loaded', 'merged')
  );

-- specs/two_systems.mig:300: crosswalk emr.practitioner: keys not loaded by this run stay, inactive, with their ids
UPDATE "chartshift"."xwalk__emr__practitioner" SET "state" = 'inactive', "target_id" = NULL
WHERE
  "state" <> 'inactive';

-- specs/two_systems.mig:300: crosswalk emr.practitioner: loaded keys with their ids, merged keys pointing at their survivor's id
INSERT INTO "chartshift"."xwalk__emr__practitioner" (
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
FROM "cs_work__emr__practitioner" AS "w"
WHERE
  "w"."__status" IN ('loaded', 'merged');

-- specs/two_systems.mig:300: crosswalk emr.practitioner: statistics for the maps that join it
ANALYZE "chartshift"."xwalk__emr__practitioner";

-- specs/two_systems.mig:299: sysA.providers -> emr.practitioner: load the surviving rows
INSERT INTO "emr"."practitioner" (
  "id",
  "provider_code",
  "full_name",
  "credential",
  "npi"
)
SELECT
  CAST("w"."__own_id" AS BIGINT),
  CAST("w"."f__provider_code" AS VARCHAR(20)),
  CAST("w"."f__full_name" AS VARCHAR(100)),
  CAST("w"."f__credential" AS VARCHAR(10)),
  CAST("w"."f__npi" AS CHAR(10))
FROM "cs_work__emr__practitioner" AS "w"
WHERE
  "w"."__status" = 'loaded';

-- specs/two_systems.mig:299: sysA.providers -> emr.practitioner: accounting identity: source rows = loaded + rejected + filtered + merged + aggregated
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
  'sysA.providers -> emr.practitioner',
  'sysA.providers',
  'emr.practitioner',
  (
    SELECT
      COUNT(*)
    FROM "sysA"."providers"
  ),
  (
    SELECT
      COUNT(*)
    FROM "emr"."practitioner"
  ),
  (
    SELECT
      COUNT(*)
    FROM "chartshift"."rejects"
    WHERE
      "map" = 'sysA.providers -> emr.practitioner'
  ),
  0,
  0,
  0;

-- specs/two_systems.mig:299: sysA.providers -> emr.practitioner: work table no longer needed
DROP TABLE IF EXISTS "cs_work__emr__practitioner";

