-- chartshift 0.1.0 | dialect postgres
-- spec specs/two_systems.mig sha256 76eeb791ddfc46d4013247302076b35042796b3181d91a47e7b0e553ee1643b2
-- 20_21_emr_auth_usage: map sysB.appts -> emr.auth_usage
-- Generated file: do not edit. Regenerate with `chartshift compile specs/two_systems.mig`.


-- specs/two_systems.mig:589: work table left by an earlier run
DROP TABLE IF EXISTS "cs_work__emr__auth_usage";

-- specs/two_systems.mig:589: sysB.appts -> emr.auth_usage: every kept row with its fields and status
CREATE TEMPORARY TABLE "cs_work__emr__auth_usage" AS
WITH "cs_in" AS (
  SELECT
    *
  FROM (
    SELECT
      "cs_raw".*,
      "cs_amb"."__n__a" AS "__n__a",
      1 AS "__slot"
    FROM (
      SELECT
        "appts"."__row" AS "__row",
        "appts"."__cast_error" AS "__cast_error",
        "appts"."appt_id" AS "s__appts__appt_id",
        "appts"."episode_id" AS "s__appts__episode_id",
        "appts"."appt_date" AS "s__appts__appt_date",
        "appts"."appt_status" AS "s__appts__appt_status",
        "a"."auth_ref" AS "s__a__auth_ref",
        "a"."episode_id" AS "s__a__episode_id",
        "a"."auth_from" AS "s__a__auth_from",
        "a"."auth_to" AS "s__a__auth_to",
        "a"."__row" AS "j__a__row"
      FROM "sysB"."appts" AS "appts"
      LEFT JOIN "sysB"."priorauth" AS "a"
        ON (
          "a"."episode_id"
        ) = (
          "appts"."episode_id"
        )
    ) AS "cs_raw"
    LEFT JOIN (
      SELECT
        "__row",
        COUNT(DISTINCT "j__a__row") AS "__n__a",
        MIN("j__a__row") AS "first__a"
      FROM (
        SELECT
          "appts"."__row" AS "__row",
          "a"."__row" AS "j__a__row"
        FROM "sysB"."appts" AS "appts"
        LEFT JOIN "sysB"."priorauth" AS "a"
          ON (
            "a"."episode_id"
          ) = (
            "appts"."episode_id"
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
        "cs_amb"."first__a" IS NULL OR "cs_raw"."j__a__row" = "cs_amb"."first__a"
      )
  ) AS "cs_in"
  WHERE
    COALESCE(
      (
        (
          (
            UPPER(TRIM(BOTH ' ' FROM "cs_in"."s__appts__appt_status"))
          ) = (
            'K'
          )
        )
        AND (
          (
            CASE
              WHEN TRANSLATE(TRIM("cs_in"."s__appts__appt_date"), '0123456789', '9999999999') IN ('9999999', '99999999')
              THEN CASE
                WHEN CAST(SUBSTR(TRIM("cs_in"."s__appts__appt_date"), 1, 4) AS INT) >= 1
                AND CAST(SUBSTR(TRIM("cs_in"."s__appts__appt_date"), 7) AS INT) BETWEEN 1 AND CASE CAST(SUBSTR(TRIM("cs_in"."s__appts__appt_date"), 5, 2) AS INT)
                  WHEN 1
                  THEN 31
                  WHEN 2
                  THEN CASE
                    WHEN CAST(SUBSTR(TRIM("cs_in"."s__appts__appt_date"), 1, 4) AS INT) % 4 = 0
                    AND (
                      CAST(SUBSTR(TRIM("cs_in"."s__appts__appt_date"), 1, 4) AS INT) % 100 <> 0
                      OR CAST(SUBSTR(TRIM("cs_in"."s__appts__appt_date"), 1, 4) AS INT) % 400 = 0
                    )
                    THEN 29
                    ELSE 28
                  END
                  WHEN 3
                  THEN 31
                  WHEN 4
                  THEN 30
                  WHEN 5
                  THEN 31
                  WHEN 6
                  THEN 30
                  WHEN 7
                  THEN 31
                  WHEN 8
                  THEN 31
                  WHEN 9
                  THEN 30
                  WHEN 10
                  THEN 31
                  WHEN 11
                  THEN 30
                  WHEN 12
                  THEN 31
                  ELSE 0
                END
                THEN MAKE_DATE(
                  CAST(SUBSTR(TRIM("cs_in"."s__appts__appt_date"), 1, 4) AS INT),
                  CAST(SUBSTR(TRIM("cs_in"."s__appts__appt_date"), 5, 2) AS INT),
                  CAST(SUBSTR(TRIM("cs_in"."s__appts__appt_date"), 7) AS INT)
                )
              END
            END
          ) BETWEEN CASE
            WHEN TRANSLATE(TRIM("cs_in"."s__a__auth_from"), '0123456789', '9999999999') IN ('9999999', '99999999')
            THEN CASE
              WHEN CAST(SUBSTR(TRIM("cs_in"."s__a__auth_from"), 1, 4) AS INT) >= 1
              AND CAST(SUBSTR(TRIM("cs_in"."s__a__auth_from"), 7) AS INT) BETWEEN 1 AND CASE CAST(SUBSTR(TRIM("cs_in"."s__a__auth_from"), 5, 2) AS INT)
                WHEN 1
                THEN 31
                WHEN 2
                THEN CASE
                  WHEN CAST(SUBSTR(TRIM("cs_in"."s__a__auth_from"), 1, 4) AS INT) % 4 = 0
                  AND (
                    CAST(SUBSTR(TRIM("cs_in"."s__a__auth_from"), 1, 4) AS INT) % 100 <> 0
                    OR CAST(SUBSTR(TRIM("cs_in"."s__a__auth_from"), 1, 4) AS INT) % 400 = 0
                  )
                  THEN 29
                  ELSE 28
                END
                WHEN 3
                THEN 31
                WHEN 4
                THEN 30
                WHEN 5
                THEN 31
                WHEN 6
                THEN 30
                WHEN 7
                THEN 31
                WHEN 8
                THEN 31
                WHEN 9
                THEN 30
                WHEN 10
                THEN 31
                WHEN 11
                THEN 30
                WHEN 12
                THEN 31
                ELSE 0
              END
              THEN MAKE_DATE(
                CAST(SUBSTR(TRIM("cs_in"."s__a__auth_from"), 1, 4) AS INT),
                CAST(SUBSTR(TRIM("cs_in"."s__a__auth_from"), 5, 2) AS INT),
                CAST(SUBSTR(TRIM("cs_in"."s__a__auth_from"), 7) AS INT)
              )
            END
          END AND CASE
            WHEN TRANSLATE(TRIM("cs_in"."s__a__auth_to"), '0123456789', '9999999999') IN ('9999999', '99999999')
            THEN CASE
              WHEN CAST(SUBSTR(TRIM("cs_in"."s__a__auth_to"), 1, 4) AS INT) >= 1
              AND CAST(SUBSTR(TRIM("cs_in"."s__a__auth_to"), 7) AS INT) BETWEEN 1 AND CASE CAST(SUBSTR(TRIM("cs_in"."s__a__auth_to"), 5, 2) AS INT)
                WHEN 1
                THEN 31
                WHEN 2
                THEN CASE
                  WHEN CAST(SUBSTR(TRIM("cs_in"."s__a__auth_to"), 1, 4) AS INT) % 4 = 0
                  AND (
                    CAST(SUBSTR(TRIM("cs_in"."s__a__auth_to"), 1, 4) AS INT) % 100 <> 0
                    OR CAST(SUBSTR(TRIM("cs_in"."s__a__auth_to"), 1, 4) AS INT) % 400 = 0
                  )
                  THEN 29
                  ELSE 28
                END
                WHEN 3
                THEN 31
                WHEN 4
                THEN 30
                WHEN 5
                THEN 31
                WHEN 6
                THEN 30
                WHEN 7
                THEN 31
                WHEN 8
                THEN 31
                WHEN 9
                THEN 30
                WHEN 10
                THEN 31
                WHEN 11
                THEN 30
                WHEN 12
                THEN 31
                ELSE 0
              END
              THEN MAKE_DATE(
                CAST(SUBSTR(TRIM("cs_in"."s__a__auth_to"), 1, 4) AS INT),
                CAST(SUBSTR(TRIM("cs_in"."s__a__auth_to"), 5, 2) AS INT),
                CAST(SUBSTR(TRIM("cs_in"."s__a__auth_to"), 7) AS INT)
              )
            END
          END
        )
      ),
      FALSE
    )
), "cs_vals" AS (
  SELECT
    "cs_in".*,
    "cs_in"."s__a__auth_ref" AS "g__1"
  FROM "cs_in"
  WHERE
    NOT (
      NOT "cs_in"."__cast_error" IS NULL OR COALESCE("cs_in"."__n__a", 1) > 1
    )
), "cs_ranked" AS (
  SELECT
    "cs_vals".*
  FROM "cs_vals"
), "cs_groups" AS (
  SELECT
    MIN("cs_ranked"."__row") AS "__row",
    MIN("cs_ranked"."g__1" COLLATE "C") AS "g__1",
    COUNT(*) AS "a__1"
  FROM "cs_ranked"
  GROUP BY
    "cs_ranked"."g__1" COLLATE "C"
), "cs_fields" AS (
  SELECT
    "cs_groups".*,
    "cs_ref1"."target_id" AS "f__authorization_id",
    "cs_groups"."a__1" AS "f__visits_used",
    (
      CAST((
        'sysB.appts'
      ) AS VARCHAR) || '|' || CAST((
        "cs_groups"."g__1"
      ) AS VARCHAR)
    ) COLLATE "C" AS "__key"
  FROM "cs_groups"
  LEFT JOIN "chartshift"."xwalk__emr__authorization" AS "cs_ref1"
    ON "cs_ref1"."legacy_key" = (
      CAST((
        'sysB.priorauth'
      ) AS VARCHAR) || '|' || CAST((
        "cs_groups"."g__1"
      ) AS VARCHAR)
    ) COLLATE "C"
    AND "cs_ref1"."state" <> 'inactive'
), "cs_rules" AS (
  SELECT
    "cs_fields".*,
    CASE
      WHEN "cs_fields"."__key" IS NULL
      THEN 3
      WHEN COALESCE((
        (
          "cs_fields"."f__authorization_id"
        ) IS NULL
      ), FALSE)
      THEN 4
      WHEN "cs_fields"."f__authorization_id" IS NULL
      THEN 5
      WHEN "cs_fields"."f__visits_used" IS NULL
      THEN 6
      WHEN NOT "cs_dups"."first_row" IS NULL AND "cs_fields"."__row" > "cs_dups"."first_row"
      THEN 7
    END AS "__rule"
  FROM "cs_fields"
  LEFT JOIN (
    SELECT
      "cs_fields"."__key",
      MIN("cs_fields"."__row") AS "first_row"
    FROM "cs_fields"
    GROUP BY
      "cs_fields"."__key"
    HAVING
      COUNT(*) > 1
  ) AS "cs_dups"
    ON "cs_dups"."__key" = "cs_fields"."__key"
), "cs_status" AS (
  SELECT
    "cs_rules"."__row",
    1 AS "__slot",
    "cs_rules"."__key",
    "cs_rules"."__rule",
    "cs_rules"."f__authorization_id",
    "cs_rules"."f__visits_used",
    NULL AS "s__appts__appt_id",
    NULL AS "__n__a",
    CASE WHEN NOT "cs_rules"."__rule" IS NULL THEN 'rejected' ELSE 'loaded' END AS "__status"
  FROM "cs_rules"
  UNION ALL
  SELECT
    "cs_in"."__row",
    1 AS "__slot",
    NULL AS "__key",
    CASE
      WHEN NOT "cs_in"."__cast_error" IS NULL
      THEN 1
      WHEN COALESCE("cs_in"."__n__a", 1) > 1
      THEN 2
    END AS "__rule",
    NULL AS "f__authorization_id",
    NULL AS "f__visits_used",
    "cs_in"."s__appts__appt_id",
    "cs_in"."__n__a",
    'rejected' AS "__status"
  FROM "cs_in"
  WHERE
    (
      NOT "cs_in"."__cast_error" IS NULL OR COALESCE("cs_in"."__n__a", 1) > 1
    )
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
        FROM "chartshift"."xwalk__emr__auth_usage"
      ) + ROW_NUMBER() OVER (
        ORDER BY (
          "cs_prev"."own_id" IS NULL AND "cs_status"."__status" = 'loaded'
        ) DESC NULLS LAST, "cs_status"."__row", "cs_status"."__slot"
      )
    END
  ) AS "__own_id"
FROM "cs_status"
LEFT JOIN "chartshift"."xwalk__emr__auth_usage" AS "cs_prev"
  ON "cs_prev"."legacy_key" = "cs_status"."__key";

-- specs/two_systems.mig:589: sysB.appts -> emr.auth_usage: statistics of the work table
ANALYZE "cs_work__emr__auth_usage";

-- specs/two_systems.mig:589: sysB.appts -> emr.auth_usage: rejected rows with the first rule that failed
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
  'sysB.appts -> emr.auth_usage',
  'sysB.appts',
  CAST((
    "w"."s__appts__appt_id"
  ) AS VARCHAR) COLLATE "C",
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
    THEN 'reject:597'
    WHEN 5
    THEN 'not null:emr.auth_usage.authorization_id'
    WHEN 6
    THEN 'not null:emr.auth_usage.visits_used'
    WHEN 7
    THEN 'duplicate key'
  END,
  CASE "w"."__rule"
    WHEN 1
    THEN 'value does not fit the source column type'
    WHEN 2
    THEN 'ambiguous match (' || CAST((
      "w"."__n__a"
    ) AS VARCHAR) || ' rows of sysB.priorauth)'
    WHEN 3
    THEN 'missing legacy key'
    WHEN 4
    THEN 'usage of an unknown authorization'
    WHEN 5
    THEN 'authorization_id is required but empty'
    WHEN 6
    THEN 'visits_used is required but empty'
    WHEN 7
    THEN 'duplicate legacy key (an earlier group has the same key)'
  END,
  CAST(JSON_BUILD_OBJECT(
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
    THEN 'duplicate_key'
  END
FROM "cs_work__emr__auth_usage" AS "w"
JOIN "chartshift_stage"."sysB__appts" AS "r"
  ON "r"."__row" = "w"."__row"
WHERE
  "w"."__status" = 'rejected'
ORDER BY
  "w"."__row",
  "w"."__slot";

-- specs/two_systems.mig:594: crosswalk emr.auth_usage: the keys of this run are written again below
DELETE FROM "chartshift"."xwalk__emr__auth_usage"
WHERE
  "legacy_key" IN (
    SELECT
      "__key"
    FROM "cs_work__emr__auth_usage"
    WHERE
      "__status" IN ('loaded', 'merged')
  );

-- specs/two_systems.mig:594: crosswalk emr.auth_usage: loaded keys with their ids, merged keys pointing at their survivor's id
INSERT INTO "chartshift"."xwalk__emr__auth_usage" (
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
FROM "cs_work__emr__auth_usage" AS "w"
WHERE
  "w"."__status" IN ('loaded', 'merged');

-- specs/two_systems.mig:594: crosswalk emr.auth_usage: statistics for the maps that join it
ANALYZE "chartshift"."xwalk__emr__auth_usage";

-- specs/two_systems.mig:589: sysB.appts -> emr.auth_usage: load the surviving rows
INSERT INTO "emr"."auth_usage" (
  "id",
  "authorization_id",
  "visits_used"
)
SELECT
  CAST("w"."__own_id" AS BIGINT),
  CAST("w"."f__authorization_id" AS BIGINT),
  CAST("w"."f__visits_used" AS INT)
FROM "cs_work__emr__auth_usage" AS "w"
WHERE
  "w"."__status" = 'loaded';

-- specs/two_systems.mig:589: sysB.appts -> emr.auth_usage: accounting identity: source rows = loaded + rejected + filtered + merged + aggregated
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
  'sysB.appts -> emr.auth_usage',
  'sysB.appts',
  'emr.auth_usage',
  (
    SELECT
      COUNT(*)
    FROM "sysB"."appts"
  ),
  (
    SELECT
      COUNT(*)
    FROM "emr"."auth_usage"
  ) - (
    SELECT
      COALESCE(SUM("loaded"), 0)
    FROM "chartshift"."reconciliation"
    WHERE
      "target_table" = 'emr.auth_usage'
  ),
  (
    SELECT
      COUNT(*)
    FROM "chartshift"."rejects"
    WHERE
      "map" = 'sysB.appts -> emr.auth_usage'
  ),
  (
    SELECT
      COUNT(*)
    FROM (
      SELECT
        "cs_raw".*,
        "cs_amb"."__n__a" AS "__n__a",
        1 AS "__slot"
      FROM (
        SELECT
          "appts"."__row" AS "__row",
          "appts"."__cast_error" AS "__cast_error",
          "appts"."appt_id" AS "s__appts__appt_id",
          "appts"."episode_id" AS "s__appts__episode_id",
          "appts"."appt_date" AS "s__appts__appt_date",
          "appts"."appt_status" AS "s__appts__appt_status",
          "a"."auth_ref" AS "s__a__auth_ref",
          "a"."episode_id" AS "s__a__episode_id",
          "a"."auth_from" AS "s__a__auth_from",
          "a"."auth_to" AS "s__a__auth_to",
          "a"."__row" AS "j__a__row"
        FROM "sysB"."appts" AS "appts"
        LEFT JOIN "sysB"."priorauth" AS "a"
          ON (
            "a"."episode_id"
          ) = (
            "appts"."episode_id"
          )
      ) AS "cs_raw"
      LEFT JOIN (
        SELECT
          "__row",
          COUNT(DISTINCT "j__a__row") AS "__n__a",
          MIN("j__a__row") AS "first__a"
        FROM (
          SELECT
            "appts"."__row" AS "__row",
            "a"."__row" AS "j__a__row"
          FROM "sysB"."appts" AS "appts"
          LEFT JOIN "sysB"."priorauth" AS "a"
            ON (
              "a"."episode_id"
            ) = (
              "appts"."episode_id"
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
          "cs_amb"."first__a" IS NULL OR "cs_raw"."j__a__row" = "cs_amb"."first__a"
        )
    ) AS "cs_in"
    WHERE
      NOT COALESCE(
        (
          (
            (
              UPPER(TRIM(BOTH ' ' FROM "cs_in"."s__appts__appt_status"))
            ) = (
              'K'
            )
          )
          AND (
            (
              CASE
                WHEN TRANSLATE(TRIM("cs_in"."s__appts__appt_date"), '0123456789', '9999999999') IN ('9999999', '99999999')
                THEN CASE
                  WHEN CAST(SUBSTR(TRIM("cs_in"."s__appts__appt_date"), 1, 4) AS INT) >= 1
                  AND CAST(SUBSTR(TRIM("cs_in"."s__appts__appt_date"), 7) AS INT) BETWEEN 1 AND CASE CAST(SUBSTR(TRIM("cs_in"."s__appts__appt_date"), 5, 2) AS INT)
                    WHEN 1
                    THEN 31
                    WHEN 2
                    THEN CASE
                      WHEN CAST(SUBSTR(TRIM("cs_in"."s__appts__appt_date"), 1, 4) AS INT) % 4 = 0
                      AND (
                        CAST(SUBSTR(TRIM("cs_in"."s__appts__appt_date"), 1, 4) AS INT) % 100 <> 0
                        OR CAST(SUBSTR(TRIM("cs_in"."s__appts__appt_date"), 1, 4) AS INT) % 400 = 0
                      )
                      THEN 29
                      ELSE 28
                    END
                    WHEN 3
                    THEN 31
                    WHEN 4
                    THEN 30
                    WHEN 5
                    THEN 31
                    WHEN 6
                    THEN 30
                    WHEN 7
                    THEN 31
                    WHEN 8
                    THEN 31
                    WHEN 9
                    THEN 30
                    WHEN 10
                    THEN 31
                    WHEN 11
                    THEN 30
                    WHEN 12
                    THEN 31
                    ELSE 0
                  END
                  THEN MAKE_DATE(
                    CAST(SUBSTR(TRIM("cs_in"."s__appts__appt_date"), 1, 4) AS INT),
                    CAST(SUBSTR(TRIM("cs_in"."s__appts__appt_date"), 5, 2) AS INT),
                    CAST(SUBSTR(TRIM("cs_in"."s__appts__appt_date"), 7) AS INT)
                  )
                END
              END
            ) BETWEEN CASE
              WHEN TRANSLATE(TRIM("cs_in"."s__a__auth_from"), '0123456789', '9999999999') IN ('9999999', '99999999')
              THEN CASE
                WHEN CAST(SUBSTR(TRIM("cs_in"."s__a__auth_from"), 1, 4) AS INT) >= 1
                AND CAST(SUBSTR(TRIM("cs_in"."s__a__auth_from"), 7) AS INT) BETWEEN 1 AND CASE CAST(SUBSTR(TRIM("cs_in"."s__a__auth_from"), 5, 2) AS INT)
                  WHEN 1
                  THEN 31
                  WHEN 2
                  THEN CASE
                    WHEN CAST(SUBSTR(TRIM("cs_in"."s__a__auth_from"), 1, 4) AS INT) % 4 = 0
                    AND (
                      CAST(SUBSTR(TRIM("cs_in"."s__a__auth_from"), 1, 4) AS INT) % 100 <> 0
                      OR CAST(SUBSTR(TRIM("cs_in"."s__a__auth_from"), 1, 4) AS INT) % 400 = 0
                    )
                    THEN 29
                    ELSE 28
                  END
                  WHEN 3
                  THEN 31
                  WHEN 4
                  THEN 30
                  WHEN 5
                  THEN 31
                  WHEN 6
                  THEN 30
                  WHEN 7
                  THEN 31
                  WHEN 8
                  THEN 31
                  WHEN 9
                  THEN 30
                  WHEN 10
                  THEN 31
                  WHEN 11
                  THEN 30
                  WHEN 12
                  THEN 31
                  ELSE 0
                END
                THEN MAKE_DATE(
                  CAST(SUBSTR(TRIM("cs_in"."s__a__auth_from"), 1, 4) AS INT),
                  CAST(SUBSTR(TRIM("cs_in"."s__a__auth_from"), 5, 2) AS INT),
                  CAST(SUBSTR(TRIM("cs_in"."s__a__auth_from"), 7) AS INT)
                )
              END
            END AND CASE
              WHEN TRANSLATE(TRIM("cs_in"."s__a__auth_to"), '0123456789', '9999999999') IN ('9999999', '99999999')
              THEN CASE
                WHEN CAST(SUBSTR(TRIM("cs_in"."s__a__auth_to"), 1, 4) AS INT) >= 1
                AND CAST(SUBSTR(TRIM("cs_in"."s__a__auth_to"), 7) AS INT) BETWEEN 1 AND CASE CAST(SUBSTR(TRIM("cs_in"."s__a__auth_to"), 5, 2) AS INT)
                  WHEN 1
                  THEN 31
                  WHEN 2
                  THEN CASE
                    WHEN CAST(SUBSTR(TRIM("cs_in"."s__a__auth_to"), 1, 4) AS INT) % 4 = 0
                    AND (
                      CAST(SUBSTR(TRIM("cs_in"."s__a__auth_to"), 1, 4) AS INT) % 100 <> 0
                      OR CAST(SUBSTR(TRIM("cs_in"."s__a__auth_to"), 1, 4) AS INT) % 400 = 0
                    )
                    THEN 29
                    ELSE 28
                  END
                  WHEN 3
                  THEN 31
                  WHEN 4
                  THEN 30
                  WHEN 5
                  THEN 31
                  WHEN 6
                  THEN 30
                  WHEN 7
                  THEN 31
                  WHEN 8
                  THEN 31
                  WHEN 9
                  THEN 30
                  WHEN 10
                  THEN 31
                  WHEN 11
                  THEN 30
                  WHEN 12
                  THEN 31
                  ELSE 0
                END
                THEN MAKE_DATE(
                  CAST(SUBSTR(TRIM("cs_in"."s__a__auth_to"), 1, 4) AS INT),
                  CAST(SUBSTR(TRIM("cs_in"."s__a__auth_to"), 5, 2) AS INT),
                  CAST(SUBSTR(TRIM("cs_in"."s__a__auth_to"), 7) AS INT)
                )
              END
            END
          )
        ),
        FALSE
      )
  ),
  0,
  (
    SELECT
      CAST(COALESCE(SUM("cs_groups"."n") - COUNT(*), 0) AS BIGINT)
    FROM (
      SELECT
        COUNT(*) AS "n"
      FROM (
        SELECT
          "cs_in".*,
          "cs_in"."s__a__auth_ref" AS "g__1"
        FROM (
          SELECT
            *
          FROM (
            SELECT
              "cs_raw".*,
              "cs_amb"."__n__a" AS "__n__a",
              1 AS "__slot"
            FROM (
              SELECT
                "appts"."__row" AS "__row",
                "appts"."__cast_error" AS "__cast_error",
                "appts"."appt_id" AS "s__appts__appt_id",
                "appts"."episode_id" AS "s__appts__episode_id",
                "appts"."appt_date" AS "s__appts__appt_date",
                "appts"."appt_status" AS "s__appts__appt_status",
                "a"."auth_ref" AS "s__a__auth_ref",
                "a"."episode_id" AS "s__a__episode_id",
                "a"."auth_from" AS "s__a__auth_from",
                "a"."auth_to" AS "s__a__auth_to",
                "a"."__row" AS "j__a__row"
              FROM "sysB"."appts" AS "appts"
              LEFT JOIN "sysB"."priorauth" AS "a"
                ON (
                  "a"."episode_id"
                ) = (
                  "appts"."episode_id"
                )
            ) AS "cs_raw"
            LEFT JOIN (
              SELECT
                "__row",
                COUNT(DISTINCT "j__a__row") AS "__n__a",
                MIN("j__a__row") AS "first__a"
              FROM (
                SELECT
                  "appts"."__row" AS "__row",
                  "a"."__row" AS "j__a__row"
                FROM "sysB"."appts" AS "appts"
                LEFT JOIN "sysB"."priorauth" AS "a"
                  ON (
                    "a"."episode_id"
                  ) = (
                    "appts"."episode_id"
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
                "cs_amb"."first__a" IS NULL OR "cs_raw"."j__a__row" = "cs_amb"."first__a"
              )
          ) AS "cs_in"
          WHERE
            COALESCE(
              (
                (
                  (
                    UPPER(TRIM(BOTH ' ' FROM "cs_in"."s__appts__appt_status"))
                  ) = (
                    'K'
                  )
                )
                AND (
                  (
                    CASE
                      WHEN TRANSLATE(TRIM("cs_in"."s__appts__appt_date"), '0123456789', '9999999999') IN ('9999999', '99999999')
                      THEN CASE
                        WHEN CAST(SUBSTR(TRIM("cs_in"."s__appts__appt_date"), 1, 4) AS INT) >= 1
                        AND CAST(SUBSTR(TRIM("cs_in"."s__appts__appt_date"), 7) AS INT) BETWEEN 1 AND CASE CAST(SUBSTR(TRIM("cs_in"."s__appts__appt_date"), 5, 2) AS INT)
                          WHEN 1
                          THEN 31
                          WHEN 2
                          THEN CASE
                            WHEN CAST(SUBSTR(TRIM("cs_in"."s__appts__appt_date"), 1, 4) AS INT) % 4 = 0
                            AND (
                              CAST(SUBSTR(TRIM("cs_in"."s__appts__appt_date"), 1, 4) AS INT) % 100 <> 0
                              OR CAST(SUBSTR(TRIM("cs_in"."s__appts__appt_date"), 1, 4) AS INT) % 400 = 0
                            )
                            THEN 29
                            ELSE 28
                          END
                          WHEN 3
                          THEN 31
                          WHEN 4
                          THEN 30
                          WHEN 5
                          THEN 31
                          WHEN 6
                          THEN 30
                          WHEN 7
                          THEN 31
                          WHEN 8
                          THEN 31
                          WHEN 9
                          THEN 30
                          WHEN 10
                          THEN 31
                          WHEN 11
                          THEN 30
                          WHEN 12
                          THEN 31
                          ELSE 0
                        END
                        THEN MAKE_DATE(
                          CAST(SUBSTR(TRIM("cs_in"."s__appts__appt_date"), 1, 4) AS INT),
                          CAST(SUBSTR(TRIM("cs_in"."s__appts__appt_date"), 5, 2) AS INT),
                          CAST(SUBSTR(TRIM("cs_in"."s__appts__appt_date"), 7) AS INT)
                        )
                      END
                    END
                  ) BETWEEN CASE
                    WHEN TRANSLATE(TRIM("cs_in"."s__a__auth_from"), '0123456789', '9999999999') IN ('9999999', '99999999')
                    THEN CASE
                      WHEN CAST(SUBSTR(TRIM("cs_in"."s__a__auth_from"), 1, 4) AS INT) >= 1
                      AND CAST(SUBSTR(TRIM("cs_in"."s__a__auth_from"), 7) AS INT) BETWEEN 1 AND CASE CAST(SUBSTR(TRIM("cs_in"."s__a__auth_from"), 5, 2) AS INT)
                        WHEN 1
                        THEN 31
                        WHEN 2
                        THEN CASE
                          WHEN CAST(SUBSTR(TRIM("cs_in"."s__a__auth_from"), 1, 4) AS INT) % 4 = 0
                          AND (
                            CAST(SUBSTR(TRIM("cs_in"."s__a__auth_from"), 1, 4) AS INT) % 100 <> 0
                            OR CAST(SUBSTR(TRIM("cs_in"."s__a__auth_from"), 1, 4) AS INT) % 400 = 0
                          )
                          THEN 29
                          ELSE 28
                        END
                        WHEN 3
                        THEN 31
                        WHEN 4
                        THEN 30
                        WHEN 5
                        THEN 31
                        WHEN 6
                        THEN 30
                        WHEN 7
                        THEN 31
                        WHEN 8
                        THEN 31
                        WHEN 9
                        THEN 30
                        WHEN 10
                        THEN 31
                        WHEN 11
                        THEN 30
                        WHEN 12
                        THEN 31
                        ELSE 0
                      END
                      THEN MAKE_DATE(
                        CAST(SUBSTR(TRIM("cs_in"."s__a__auth_from"), 1, 4) AS INT),
                        CAST(SUBSTR(TRIM("cs_in"."s__a__auth_from"), 5, 2) AS INT),
                        CAST(SUBSTR(TRIM("cs_in"."s__a__auth_from"), 7) AS INT)
                      )
                    END
                  END AND CASE
                    WHEN TRANSLATE(TRIM("cs_in"."s__a__auth_to"), '0123456789', '9999999999') IN ('9999999', '99999999')
                    THEN CASE
                      WHEN CAST(SUBSTR(TRIM("cs_in"."s__a__auth_to"), 1, 4) AS INT) >= 1
                      AND CAST(SUBSTR(TRIM("cs_in"."s__a__auth_to"), 7) AS INT) BETWEEN 1 AND CASE CAST(SUBSTR(TRIM("cs_in"."s__a__auth_to"), 5, 2) AS INT)
                        WHEN 1
                        THEN 31
                        WHEN 2
                        THEN CASE
                          WHEN CAST(SUBSTR(TRIM("cs_in"."s__a__auth_to"), 1, 4) AS INT) % 4 = 0
                          AND (
                            CAST(SUBSTR(TRIM("cs_in"."s__a__auth_to"), 1, 4) AS INT) % 100 <> 0
                            OR CAST(SUBSTR(TRIM("cs_in"."s__a__auth_to"), 1, 4) AS INT) % 400 = 0
                          )
                          THEN 29
                          ELSE 28
                        END
                        WHEN 3
                        THEN 31
                        WHEN 4
                        THEN 30
                        WHEN 5
                        THEN 31
                        WHEN 6
                        THEN 30
                        WHEN 7
                        THEN 31
                        WHEN 8
                        THEN 31
                        WHEN 9
                        THEN 30
                        WHEN 10
                        THEN 31
                        WHEN 11
                        THEN 30
                        WHEN 12
                        THEN 31
                        ELSE 0
                      END
                      THEN MAKE_DATE(
                        CAST(SUBSTR(TRIM("cs_in"."s__a__auth_to"), 1, 4) AS INT),
                        CAST(SUBSTR(TRIM("cs_in"."s__a__auth_to"), 5, 2) AS INT),
                        CAST(SUBSTR(TRIM("cs_in"."s__a__auth_to"), 7) AS INT)
                      )
                    END
                  END
                )
              ),
              FALSE
            )
        ) AS "cs_in"
        WHERE
          NOT (
            NOT "cs_in"."__cast_error" IS NULL OR COALESCE("cs_in"."__n__a", 1) > 1
          )
      ) AS "cs_vals"
      GROUP BY
        "cs_vals"."g__1" COLLATE "C"
    ) AS "cs_groups"
  );

-- specs/two_systems.mig:589: sysB.appts -> emr.auth_usage: work table no longer needed
DROP TABLE IF EXISTS "cs_work__emr__auth_usage";

