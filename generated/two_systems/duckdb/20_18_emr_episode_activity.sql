-- chartshift 0.1.0 | dialect duckdb
-- spec specs/two_systems.mig sha256 76eeb791ddfc46d4013247302076b35042796b3181d91a47e7b0e553ee1643b2
-- 20_18_emr_episode_activity: map sysA.visits -> emr.episode_activity
-- Generated file: do not edit. Regenerate with `chartshift compile specs/two_systems.mig`.


-- specs/two_systems.mig:553: work table left by an earlier run
DROP TABLE IF EXISTS "cs_work__emr__episode_activity";

-- specs/two_systems.mig:553: sysA.visits -> emr.episode_activity: every kept row with its fields and status
CREATE TEMPORARY TABLE "cs_work__emr__episode_activity" AS
WITH "cs_in" AS (
  SELECT
    *
  FROM (
    SELECT
      "visits"."__row" AS "__row",
      "visits"."__cast_error" AS "__cast_error",
      "visits"."visit_id" AS "s__visits__visit_id",
      "visits"."case_no" AS "s__visits__case_no",
      "visits"."dos" AS "s__visits__dos",
      "visits"."status" AS "s__visits__status",
      1 AS "__slot"
    FROM "sysA"."visits" AS "visits"
  ) AS "cs_in"
  WHERE
    COALESCE(
      (
        (
          (
            REPLACE(UPPER(TRIM("cs_in"."s__visits__status", ' ')), 'ẞ', 'ß')
          ) = (
            'COMPLETED'
          )
        )
      ),
      FALSE
    )
), "cs_vals" AS (
  SELECT
    "cs_in".*,
    "cs_in"."s__visits__case_no" AS "g__1",
    CAST(NULLIF(
      REGEXP_EXTRACT(
        REGEXP_REPLACE(
          TRIM("cs_in"."s__visits__dos"),
          '(?s)^(?:([0-9]{1,2})\/([0-9]{1,2})\/([0-9]{4}))$|^.*$',
          '\3-\1-\2',
          'g'
        ),
        '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))$'
      ),
      ''
    ) AS DATE) AS "v__1",
    CAST(NULLIF(
      REGEXP_EXTRACT(
        REGEXP_REPLACE(
          TRIM("cs_in"."s__visits__dos"),
          '(?s)^(?:([0-9]{1,2})\/([0-9]{1,2})\/([0-9]{4}))$|^.*$',
          '\3-\1-\2',
          'g'
        ),
        '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))$'
      ),
      ''
    ) AS DATE) AS "v__2"
  FROM "cs_in"
  WHERE
    NOT (
      NOT "cs_in"."__cast_error" IS NULL
    )
), "cs_ranked" AS (
  SELECT
    "cs_vals".*
  FROM "cs_vals"
), "cs_groups" AS (
  SELECT
    MIN("cs_ranked"."__row") AS "__row",
    MIN("cs_ranked"."g__1") AS "g__1",
    MIN("cs_ranked"."v__1") AS "a__1",
    MAX("cs_ranked"."v__2") AS "a__2",
    COUNT(*) AS "a__3"
  FROM "cs_ranked"
  GROUP BY
    "cs_ranked"."g__1"
), "cs_fields" AS (
  SELECT
    "cs_groups".*,
    "cs_ref1"."target_id" AS "f__episode_id",
    "cs_groups"."a__1" AS "f__first_visit_date",
    "cs_groups"."a__2" AS "f__last_visit_date",
    "cs_groups"."a__3" AS "f__completed_visits",
    CAST((
      'sysA.visits'
    ) AS TEXT) || '|' || CAST((
      "cs_groups"."g__1"
    ) AS TEXT) AS "__key"
  FROM "cs_groups"
  LEFT JOIN "chartshift"."xwalk__emr__episode" AS "cs_ref1"
    ON "cs_ref1"."legacy_key" = CAST((
      'sysA.cases'
    ) AS TEXT) || '|' || CAST((
      "cs_groups"."g__1"
    ) AS TEXT)
    AND "cs_ref1"."state" <> 'inactive'
), "cs_rules" AS (
  SELECT
    "cs_fields".*,
    CASE
      WHEN "cs_fields"."__key" IS NULL
      THEN 2
      WHEN COALESCE(
        (
          (
            (
              SELECT
                "cs_x"."target_id"
              FROM "chartshift"."xwalk__emr__episode" AS "cs_x"
              WHERE
                "cs_x"."legacy_key" = CAST((
                  'sysA.cases'
                ) AS TEXT) || '|' || CAST((
                  "cs_fields"."g__1"
                ) AS TEXT)
                AND "cs_x"."state" <> 'inactive'
            )
          ) IS NULL
        ),
        FALSE
      )
      THEN 3
      WHEN "cs_fields"."f__episode_id" IS NULL
      THEN 4
      WHEN "cs_fields"."f__completed_visits" IS NULL
      THEN 5
      WHEN NOT "cs_dups"."first_row" IS NULL AND "cs_fields"."__row" > "cs_dups"."first_row"
      THEN 6
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
    "cs_rules"."f__episode_id",
    "cs_rules"."f__first_visit_date",
    "cs_rules"."f__last_visit_date",
    "cs_rules"."f__completed_visits",
    NULL AS "s__visits__visit_id",
    CASE WHEN NOT "cs_rules"."__rule" IS NULL THEN 'rejected' ELSE 'loaded' END AS "__status"
  FROM "cs_rules"
  UNION ALL
  SELECT
    "cs_in"."__row",
    1 AS "__slot",
    NULL AS "__key",
    CASE WHEN NOT "cs_in"."__cast_error" IS NULL THEN 1 END AS "__rule",
    NULL AS "f__episode_id",
    NULL AS "f__first_visit_date",
    NULL AS "f__last_visit_date",
    NULL AS "f__completed_visits",
    "cs_in"."s__visits__visit_id",
    'rejected' AS "__status"
  FROM "cs_in"
  WHERE
    (
      NOT "cs_in"."__cast_error" IS NULL
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
        FROM "chartshift"."xwalk__emr__episode_activity"
      ) + ROW_NUMBER() OVER (
        ORDER BY (
          "cs_prev"."own_id" IS NULL AND "cs_status"."__status" = 'loaded'
        ) DESC, "cs_status"."__row", "cs_status"."__slot"
      )
    END
  ) AS "__own_id"
FROM "cs_status"
LEFT JOIN "chartshift"."xwalk__emr__episode_activity" AS "cs_prev"
  ON "cs_prev"."legacy_key" = "cs_status"."__key";

-- specs/two_systems.mig:553: sysA.visits -> emr.episode_activity: rejected rows with the first rule that failed
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
  'sysA.visits -> emr.episode_activity',
  'sysA.visits',
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
    THEN 'reject:561'
    WHEN 4
    THEN 'not null:emr.episode_activity.episode_id'
    WHEN 5
    THEN 'not null:emr.episode_activity.completed_visits'
    WHEN 6
    THEN 'duplicate key'
  END,
  CASE "w"."__rule"
    WHEN 1
    THEN 'value does not fit the source column type'
    WHEN 2
    THEN 'missing legacy key'
    WHEN 3
    THEN 'activity of an unknown episode'
    WHEN 4
    THEN 'episode_id is required but empty'
    WHEN 5
    THEN 'completed_visits is required but empty'
    WHEN 6
    THEN 'duplicate legacy key (an earlier group has the same key)'
  END,
  CAST(JSON_OBJECT(
    'visit_id',
    "r"."visit_id",
    'case_no',
    "r"."case_no",
    'pat_no',
    "r"."pat_no",
    'prov_id',
    "r"."prov_id",
    'dos',
    "r"."dos",
    'status',
    "r"."status",
    'cpt1',
    "r"."cpt1",
    'units1',
    "r"."units1",
    'mod1',
    "r"."mod1",
    'amount1',
    "r"."amount1",
    'cpt2',
    "r"."cpt2",
    'units2',
    "r"."units2",
    'mod2',
    "r"."mod2",
    'amount2',
    "r"."amount2",
    'cpt3',
    "r"."cpt3",
    'units3',
    "r"."units3",
    'mod3',
    "r"."mod3",
    'amount3',
    "r"."amount3"
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
    THEN 'duplicate_key'
  END
FROM "cs_work__emr__episode_activity" AS "w"
JOIN "chartshift_stage"."sysA__visits" AS "r"
  ON "r"."__row" = "w"."__row"
WHERE
  "w"."__status" = 'rejected'
ORDER BY
  "w"."__row",
  "w"."__slot";

-- specs/two_systems.mig:556: crosswalk emr.episode_activity: the keys of this run are written again below
DELETE FROM "chartshift"."xwalk__emr__episode_activity"
WHERE
  "legacy_key" IN (
    SELECT
      "__key"
    FROM "cs_work__emr__episode_activity"
    WHERE
      "__status" IN ('loaded', 'merged')
  );

-- specs/two_systems.mig:556: crosswalk emr.episode_activity: keys not loaded by this run stay, inactive, with their ids
UPDATE "chartshift"."xwalk__emr__episode_activity" SET "state" = 'inactive', "target_id" = NULL
WHERE
  "state" <> 'inactive';

-- specs/two_systems.mig:556: crosswalk emr.episode_activity: loaded keys with their ids, merged keys pointing at their survivor's id
INSERT INTO "chartshift"."xwalk__emr__episode_activity" (
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
FROM "cs_work__emr__episode_activity" AS "w"
WHERE
  "w"."__status" IN ('loaded', 'merged');

-- specs/two_systems.mig:553: sysA.visits -> emr.episode_activity: load the surviving rows
INSERT INTO "emr"."episode_activity" (
  "id",
  "episode_id",
  "first_visit_date",
  "last_visit_date",
  "completed_visits"
)
SELECT
  CAST("w"."__own_id" AS BIGINT),
  CAST("w"."f__episode_id" AS BIGINT),
  CAST("w"."f__first_visit_date" AS DATE),
  CAST("w"."f__last_visit_date" AS DATE),
  CAST("w"."f__completed_visits" AS INT)
FROM "cs_work__emr__episode_activity" AS "w"
WHERE
  "w"."__status" = 'loaded';

-- specs/two_systems.mig:553: sysA.visits -> emr.episode_activity: accounting identity: source rows = loaded + rejected + filtered + merged + aggregated
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
  'sysA.visits -> emr.episode_activity',
  'sysA.visits',
  'emr.episode_activity',
  (
    SELECT
      COUNT(*)
    FROM "sysA"."visits"
  ),
  (
    SELECT
      COUNT(*)
    FROM "emr"."episode_activity"
  ),
  (
    SELECT
      COUNT(*)
    FROM "chartshift"."rejects"
    WHERE
      "map" = 'sysA.visits -> emr.episode_activity'
  ),
  (
    SELECT
      COUNT(*)
    FROM (
      SELECT
        "visits"."__row" AS "__row",
        "visits"."__cast_error" AS "__cast_error",
        "visits"."visit_id" AS "s__visits__visit_id",
        "visits"."case_no" AS "s__visits__case_no",
        "visits"."dos" AS "s__visits__dos",
        "visits"."status" AS "s__visits__status",
        1 AS "__slot"
      FROM "sysA"."visits" AS "visits"
    ) AS "cs_in"
    WHERE
      NOT COALESCE(
        (
          (
            (
              REPLACE(UPPER(TRIM("cs_in"."s__visits__status", ' ')), 'ẞ', 'ß')
            ) = (
              'COMPLETED'
            )
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
          "cs_in"."s__visits__case_no" AS "g__1",
          CAST(NULLIF(
            REGEXP_EXTRACT(
              REGEXP_REPLACE(
                TRIM("cs_in"."s__visits__dos"),
                '(?s)^(?:([0-9]{1,2})\/([0-9]{1,2})\/([0-9]{4}))$|^.*$',
                '\3-\1-\2',
                'g'
              ),
              '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))$'
            ),
            ''
          ) AS DATE) AS "v__1",
          CAST(NULLIF(
            REGEXP_EXTRACT(
              REGEXP_REPLACE(
                TRIM("cs_in"."s__visits__dos"),
                '(?s)^(?:([0-9]{1,2})\/([0-9]{1,2})\/([0-9]{4}))$|^.*$',
                '\3-\1-\2',
                'g'
              ),
              '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))$'
            ),
            ''
          ) AS DATE) AS "v__2"
        FROM (
          SELECT
            *
          FROM (
            SELECT
              "visits"."__row" AS "__row",
              "visits"."__cast_error" AS "__cast_error",
              "visits"."visit_id" AS "s__visits__visit_id",
              "visits"."case_no" AS "s__visits__case_no",
              "visits"."dos" AS "s__visits__dos",
              "visits"."status" AS "s__visits__status",
              1 AS "__slot"
            FROM "sysA"."visits" AS "visits"
          ) AS "cs_in"
          WHERE
            COALESCE(
              (
                (
                  (
                    REPLACE(UPPER(TRIM("cs_in"."s__visits__status", ' ')), 'ẞ', 'ß')
                  ) = (
                    'COMPLETED'
                  )
                )
              ),
              FALSE
            )
        ) AS "cs_in"
        WHERE
          NOT (
            NOT "cs_in"."__cast_error" IS NULL
          )
      ) AS "cs_vals"
      GROUP BY
        "cs_vals"."g__1"
    ) AS "cs_groups"
  );

-- specs/two_systems.mig:553: sysA.visits -> emr.episode_activity: work table no longer needed
DROP TABLE IF EXISTS "cs_work__emr__episode_activity";

