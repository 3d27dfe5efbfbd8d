-- chartshift 0.1.0 | dialect spark
-- spec specs/two_systems.mig sha256 76eeb791ddfc46d4013247302076b35042796b3181d91a47e7b0e553ee1643b2
-- 20_21_emr_auth_usage: map sysB.appts -> emr.auth_usage
-- Generated file: do not edit. Regenerate with `chartshift compile specs/two_systems.mig`.


-- specs/two_systems.mig:589: work table left by an earlier run
DROP TABLE IF EXISTS `chartshift`.`cs_work__emr__auth_usage`;

-- specs/two_systems.mig:589: sysB.appts -> emr.auth_usage: every kept row with its fields and status
CREATE TABLE `chartshift`.`cs_work__emr__auth_usage` AS
WITH `cs_in` AS (
  SELECT
    *
  FROM (
    SELECT
      `cs_raw`.*,
      `cs_amb`.`__n__a` AS `__n__a`,
      1 AS `__slot`
    FROM (
      SELECT
        `appts`.`__row` AS `__row`,
        `appts`.`__cast_error` AS `__cast_error`,
        `appts`.`appt_id` AS `s__appts__appt_id`,
        `appts`.`episode_id` AS `s__appts__episode_id`,
        `appts`.`appt_date` AS `s__appts__appt_date`,
        `appts`.`appt_status` AS `s__appts__appt_status`,
        `a`.`auth_ref` AS `s__a__auth_ref`,
        `a`.`episode_id` AS `s__a__episode_id`,
        `a`.`auth_from` AS `s__a__auth_from`,
        `a`.`auth_to` AS `s__a__auth_to`,
        `a`.`__row` AS `j__a__row`
      FROM `sysB`.`appts` AS `appts`
      LEFT JOIN `sysB`.`priorauth` AS `a`
        ON (
          `a`.`episode_id`
        ) = (
          `appts`.`episode_id`
        )
    ) AS `cs_raw`
    LEFT JOIN (
      SELECT
        `__row`,
        COUNT(DISTINCT `j__a__row`) AS `__n__a`,
        MIN(`j__a__row`) AS `first__a`
      FROM (
        SELECT
          `appts`.`__row` AS `__row`,
          `a`.`__row` AS `j__a__row`
        FROM `sysB`.`appts` AS `appts`
        LEFT JOIN `sysB`.`priorauth` AS `a`
          ON (
            `a`.`episode_id`
          ) = (
            `appts`.`episode_id`
          )
      ) AS `cs_raw`
      GROUP BY
        `__row`
      HAVING
        COUNT(*) > 1
    ) AS `cs_amb`
      ON `cs_amb`.`__row` = `cs_raw`.`__row`
    WHERE
      (
        `cs_amb`.`first__a` IS NULL OR `cs_raw`.`j__a__row` = `cs_amb`.`first__a`
      )
  ) AS `cs_in`
  WHERE
    COALESCE(
      (
        (
          (
            ARRAY_JOIN(
              TRANSFORM(
                SPLIT(TRIM(BOTH ' ' FROM `cs_in`.`s__appts__appt_status`), 'ß', -1),
                `_cs_part` -> UPPER(_cs_part)
              ),
              'ß'
            )
          ) = (
            'K'
          )
        )
        AND (
          (
            CAST(NULLIF(
              REGEXP_EXTRACT(
                REGEXP_REPLACE(
                  TRIM(`cs_in`.`s__appts__appt_date`),
                  '(?s)^(?:([0-9]{4})([0-9]{2})([0-9]{1,2}))\\z|^.*\\z',
                  '$1-$2-$3'
                ),
                '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))\\z',
                0
              ),
              ''
            ) AS DATE)
          ) BETWEEN CAST(NULLIF(
            REGEXP_EXTRACT(
              REGEXP_REPLACE(
                TRIM(`cs_in`.`s__a__auth_from`),
                '(?s)^(?:([0-9]{4})([0-9]{2})([0-9]{1,2}))\\z|^.*\\z',
                '$1-$2-$3'
              ),
              '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))\\z',
              0
            ),
            ''
          ) AS DATE) AND CAST(NULLIF(
            REGEXP_EXTRACT(
              REGEXP_REPLACE(
                TRIM(`cs_in`.`s__a__auth_to`),
                '(?s)^(?:([0-9]{4})([0-9]{2})([0-9]{1,2}))\\z|^.*\\z',
                '$1-$2-$3'
              ),
              '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))\\z',
              0
            ),
            ''
          ) AS DATE)
        )
      ),
      FALSE
    )
), `cs_vals` AS (
  SELECT
    `cs_in`.*,
    `cs_in`.`s__a__auth_ref` AS `g__1`
  FROM `cs_in`
  WHERE
    NOT (
      NOT `cs_in`.`__cast_error` IS NULL OR COALESCE(`cs_in`.`__n__a`, 1) > 1
    )
), `cs_ranked` AS (
  SELECT
    `cs_vals`.*
  FROM `cs_vals`
), `cs_groups` AS (
  SELECT
    MIN(`cs_ranked`.`__row`) AS `__row`,
    MIN(`cs_ranked`.`g__1`) AS `g__1`,
    COUNT(*) AS `a__1`
  FROM `cs_ranked`
  GROUP BY
    `cs_ranked`.`g__1`
), `cs_fields` AS (
  SELECT
    `cs_groups`.*,
    `cs_ref1`.`target_id` AS `f__authorization_id`,
    `cs_groups`.`a__1` AS `f__visits_used`,
    CAST((
      'sysB.appts'
    ) AS STRING) || '|' || CAST((
      `cs_groups`.`g__1`
    ) AS STRING) AS `__key`
  FROM `cs_groups`
  LEFT JOIN `chartshift`.`xwalk__emr__authorization__cs_new` AS `cs_ref1`
    ON `cs_ref1`.`legacy_key` = CAST((
      'sysB.priorauth'
    ) AS STRING) || '|' || CAST((
      `cs_groups`.`g__1`
    ) AS STRING)
    AND `cs_ref1`.`state` <> 'inactive'
), `cs_rules` AS (
  SELECT
    `cs_fields`.*,
    CASE
      WHEN `cs_fields`.`__key` IS NULL
      THEN 3
      WHEN COALESCE((
        (
          `cs_fields`.`f__authorization_id`
        ) IS NULL
      ), FALSE)
      THEN 4
      WHEN `cs_fields`.`f__authorization_id` IS NULL
      THEN 5
      WHEN `cs_fields`.`f__visits_used` IS NULL
      THEN 6
      WHEN NOT `cs_dups`.`first_row` IS NULL AND `cs_fields`.`__row` > `cs_dups`.`first_row`
      THEN 7
    END AS `__rule`
  FROM `cs_fields`
  LEFT JOIN (
    SELECT
      `cs_fields`.`__key`,
      MIN(`cs_fields`.`__row`) AS `first_row`
    FROM `cs_fields`
    GROUP BY
      `cs_fields`.`__key`
    HAVING
      COUNT(*) > 1
  ) AS `cs_dups`
    ON `cs_dups`.`__key` = `cs_fields`.`__key`
), `cs_status` AS (
  SELECT
    `cs_rules`.`__row`,
    1 AS `__slot`,
    `cs_rules`.`__key`,
    `cs_rules`.`__rule`,
    `cs_rules`.`f__authorization_id`,
    `cs_rules`.`f__visits_used`,
    NULL AS `s__appts__appt_id`,
    NULL AS `__n__a`,
    CASE WHEN NOT `cs_rules`.`__rule` IS NULL THEN 'rejected' ELSE 'loaded' END AS `__status`
  FROM `cs_rules`
  UNION ALL
  SELECT
    `cs_in`.`__row`,
    1 AS `__slot`,
    NULL AS `__key`,
    CASE
      WHEN NOT `cs_in`.`__cast_error` IS NULL
      THEN 1
      WHEN COALESCE(`cs_in`.`__n__a`, 1) > 1
      THEN 2
    END AS `__rule`,
    NULL AS `f__authorization_id`,
    NULL AS `f__visits_used`,
    `cs_in`.`s__appts__appt_id`,
    `cs_in`.`__n__a`,
    'rejected' AS `__status`
  FROM `cs_in`
  WHERE
    (
      NOT `cs_in`.`__cast_error` IS NULL OR COALESCE(`cs_in`.`__n__a`, 1) > 1
    )
)
SELECT
  `cs_status`.*,
  COALESCE(
    `cs_prev`.`own_id`,
    CASE
      WHEN `cs_prev`.`own_id` IS NULL AND `cs_status`.`__status` = 'loaded'
      THEN CASE
        WHEN (
          SELECT
            COALESCE(MAX(`own_id`), 0)
          FROM `chartshift`.`xwalk__emr__auth_usage__cs_new`
        ) > (
          SELECT
            COALESCE(MAX(`own_id`), 0)
          FROM `chartshift`.`xwalk__emr__auth_usage`
        )
        THEN (
          SELECT
            COALESCE(MAX(`own_id`), 0)
          FROM `chartshift`.`xwalk__emr__auth_usage__cs_new`
        )
        ELSE (
          SELECT
            COALESCE(MAX(`own_id`), 0)
          FROM `chartshift`.`xwalk__emr__auth_usage`
        )
      END + ROW_NUMBER() OVER (
        ORDER BY (
          `cs_prev`.`own_id` IS NULL AND `cs_status`.`__status` = 'loaded'
        ) DESC, `cs_status`.`__row` NULLS LAST, `cs_status`.`__slot` NULLS LAST
      )
    END
  ) AS `__own_id`
FROM `cs_status`
LEFT JOIN `chartshift`.`xwalk__emr__auth_usage` AS `cs_prev`
  ON `cs_prev`.`legacy_key` = `cs_status`.`__key`;

-- specs/two_systems.mig:589: sysB.appts -> emr.auth_usage: rejected rows with the first rule that failed
INSERT INTO `chartshift`.`rejects__cs_new` (
  `map`,
  `source_table`,
  `source_key`,
  `slot`,
  `record`,
  `rule`,
  `reason`,
  `original_row`,
  `reason_code`
)
SELECT
  'sysB.appts -> emr.auth_usage',
  'sysB.appts',
  CAST((
    `w`.`s__appts__appt_id`
  ) AS STRING),
  `w`.`__slot`,
  `w`.`__row`,
  CASE `w`.`__rule`
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
  CASE `w`.`__rule`
    WHEN 1
    THEN 'value does not fit the source column type'
    WHEN 2
    THEN 'ambiguous match (' || CAST((
      `w`.`__n__a`
    ) AS STRING) || ' rows of sysB.priorauth)'
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
  TO_JSON(
    NAMED_STRUCT(
      'appt_id',
      `r`.`appt_id`,
      'episode_id',
      `r`.`episode_id`,
      'client_id',
      `r`.`client_id`,
      'staff_no',
      `r`.`staff_no`,
      'appt_date',
      `r`.`appt_date`,
      'appt_status',
      `r`.`appt_status`
    )
  ),
  CASE `w`.`__rule`
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
FROM `chartshift`.`cs_work__emr__auth_usage` AS `w`
JOIN `chartshift_stage`.`sysB__appts` AS `r`
  ON `r`.`__row` = `w`.`__row`
WHERE
  `w`.`__status` = 'rejected'
ORDER BY
  `w`.`__row` NULLS LAST,
  `w`.`__slot` NULLS LAST;

-- specs/two_systems.mig:594: crosswalk emr.auth_usage: loaded keys with their ids, merged keys pointing at their survivor's id
INSERT INTO `chartshift`.`xwalk__emr__auth_usage__cs_new` (
  `legacy_key`,
  `own_id`,
  `target_id`,
  `state`
)
SELECT
  `w`.`__key`,
  `w`.`__own_id`,
  `w`.`__own_id`,
  `w`.`__status`
FROM `chartshift`.`cs_work__emr__auth_usage` AS `w`
WHERE
  `w`.`__status` IN ('loaded', 'merged');

-- specs/two_systems.mig:594: crosswalk emr.auth_usage: keys not loaded by this run stay, inactive, with their ids
INSERT INTO `chartshift`.`xwalk__emr__auth_usage__cs_new` (
  `legacy_key`,
  `own_id`,
  `target_id`,
  `state`
)
SELECT
  `p`.`legacy_key`,
  `p`.`own_id`,
  NULL,
  'inactive'
FROM `chartshift`.`xwalk__emr__auth_usage` AS `p`
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM `chartshift`.`xwalk__emr__auth_usage__cs_new`
    WHERE
      `xwalk__emr__auth_usage__cs_new`.`legacy_key` = `p`.`legacy_key`
  );

-- specs/two_systems.mig:589: sysB.appts -> emr.auth_usage: load the surviving rows
INSERT INTO `emr`.`auth_usage__cs_new` (
  `id`,
  `authorization_id`,
  `visits_used`
)
SELECT
  CAST(`w`.`__own_id` AS BIGINT),
  CAST(`w`.`f__authorization_id` AS BIGINT),
  CAST(`w`.`f__visits_used` AS INT)
FROM `chartshift`.`cs_work__emr__auth_usage` AS `w`
WHERE
  `w`.`__status` = 'loaded';

-- specs/two_systems.mig:589: sysB.appts -> emr.auth_usage: accounting identity: source rows = loaded + rejected + filtered + merged + aggregated
INSERT INTO `chartshift`.`reconciliation__cs_new` (
  `map`,
  `source_table`,
  `target_table`,
  `source_rows`,
  `loaded`,
  `rejected`,
  `filtered`,
  `merged`,
  `aggregated`
)
SELECT
  'sysB.appts -> emr.auth_usage',
  'sysB.appts',
  'emr.auth_usage',
  (
    SELECT
      COUNT(*)
    FROM `sysB`.`appts`
  ),
  (
    SELECT
      COUNT(*)
    FROM `emr`.`auth_usage__cs_new`
  ) - (
    SELECT
      COALESCE(SUM(`loaded`), 0)
    FROM `chartshift`.`reconciliation__cs_new`
    WHERE
      `target_table` = 'emr.auth_usage'
  ),
  (
    SELECT
      COUNT(*)
    FROM `chartshift`.`rejects__cs_new`
    WHERE
      `map` = 'sysB.appts -> emr.auth_usage'
  ),
  (
    SELECT
      COUNT(*)
    FROM (
      SELECT
        `cs_raw`.*,
        `cs_amb`.`__n__a` AS `__n__a`,
        1 AS `__slot`
      FROM (
        SELECT
          `appts`.`__row` AS `__row`,
          `appts`.`__cast_error` AS `__cast_error`,
          `appts`.`appt_id` AS `s__appts__appt_id`,
          `appts`.`episode_id` AS `s__appts__episode_id`,
          `appts`.`appt_date` AS `s__appts__appt_date`,
          `appts`.`appt_status` AS `s__appts__appt_status`,
          `a`.`auth_ref` AS `s__a__auth_ref`,
          `a`.`episode_id` AS `s__a__episode_id`,
          `a`.`auth_from` AS `s__a__auth_from`,
          `a`.`auth_to` AS `s__a__auth_to`,
          `a`.`__row` AS `j__a__row`
        FROM `sysB`.`appts` AS `appts`
        LEFT JOIN `sysB`.`priorauth` AS `a`
          ON (
            `a`.`episode_id`
          ) = (
            `appts`.`episode_id`
          )
      ) AS `cs_raw`
      LEFT JOIN (
        SELECT
          `__row`,
          COUNT(DISTINCT `j__a__row`) AS `__n__a`,
          MIN(`j__a__row`) AS `first__a`
        FROM (
          SELECT
            `appts`.`__row` AS `__row`,
            `a`.`__row` AS `j__a__row`
          FROM `sysB`.`appts` AS `appts`
          LEFT JOIN `sysB`.`priorauth` AS `a`
            ON (
              `a`.`episode_id`
            ) = (
              `appts`.`episode_id`
            )
        ) AS `cs_raw`
        GROUP BY
          `__row`
        HAVING
          COUNT(*) > 1
      ) AS `cs_amb`
        ON `cs_amb`.`__row` = `cs_raw`.`__row`
      WHERE
        (
          `cs_amb`.`first__a` IS NULL OR `cs_raw`.`j__a__row` = `cs_amb`.`first__a`
        )
    ) AS `cs_in`
    WHERE
      NOT COALESCE(
        (
          (
            (
              ARRAY_JOIN(
                TRANSFORM(
                  SPLIT(TRIM(BOTH ' ' FROM `cs_in`.`s__appts__appt_status`), 'ß', -1),
                  `_cs_part` -> UPPER(_cs_part)
                ),
                'ß'
              )
            ) = (
              'K'
            )
          )
          AND (
            (
              CAST(NULLIF(
                REGEXP_EXTRACT(
                  REGEXP_REPLACE(
                    TRIM(`cs_in`.`s__appts__appt_date`),
                    '(?s)^(?:([0-9]{4})([0-9]{2})([0-9]{1,2}))\\z|^.*\\z',
                    '$1-$2-$3'
                  ),
                  '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))\\z',
                  0
                ),
                ''
              ) AS DATE)
            ) BETWEEN CAST(NULLIF(
              REGEXP_EXTRACT(
                REGEXP_REPLACE(
                  TRIM(`cs_in`.`s__a__auth_from`),
                  '(?s)^(?:([0-9]{4})([0-9]{2})([0-9]{1,2}))\\z|^.*\\z',
                  '$1-$2-$3'
                ),
                '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))\\z',
                0
              ),
              ''
            ) AS DATE) AND CAST(NULLIF(
              REGEXP_EXTRACT(
                REGEXP_REPLACE(
                  TRIM(`cs_in`.`s__a__auth_to`),
                  '(?s)^(?:([0-9]{4})([0-9]{2})([0-9]{1,2}))\\z|^.*\\z',
                  '$1-$2-$3'
                ),
                '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))\\z',
                0
              ),
              ''
            ) AS DATE)
          )
        ),
        FALSE
      )
  ),
  0,
  (
    SELECT
      CAST(COALESCE(SUM(`cs_groups`.`n`) - COUNT(*), 0) AS BIGINT)
    FROM (
      SELECT
        COUNT(*) AS `n`
      FROM (
        SELECT
          `cs_in`.*,
          `cs_in`.`s__a__auth_ref` AS `g__1`
        FROM (
          SELECT
            *
          FROM (
            SELECT
              `cs_raw`.*,
              `cs_amb`.`__n__a` AS `__n__a`,
              1 AS `__slot`
            FROM (
              SELECT
                `appts`.`__row` AS `__row`,
                `appts`.`__cast_error` AS `__cast_error`,
                `appts`.`appt_id` AS `s__appts__appt_id`,
                `appts`.`episode_id` AS `s__appts__episode_id`,
                `appts`.`appt_date` AS `s__appts__appt_date`,
                `appts`.`appt_status` AS `s__appts__appt_status`,
                `a`.`auth_ref` AS `s__a__auth_ref`,
                `a`.`episode_id` AS `s__a__episode_id`,
                `a`.`auth_from` AS `s__a__auth_from`,
                `a`.`auth_to` AS `s__a__auth_to`,
                `a`.`__row` AS `j__a__row`
              FROM `sysB`.`appts` AS `appts`
              LEFT JOIN `sysB`.`priorauth` AS `a`
                ON (
                  `a`.`episode_id`
                ) = (
                  `appts`.`episode_id`
                )
            ) AS `cs_raw`
            LEFT JOIN (
              SELECT
                `__row`,
                COUNT(DISTINCT `j__a__row`) AS `__n__a`,
                MIN(`j__a__row`) AS `first__a`
              FROM (
                SELECT
                  `appts`.`__row` AS `__row`,
                  `a`.`__row` AS `j__a__row`
                FROM `sysB`.`appts` AS `appts`
                LEFT JOIN `sysB`.`priorauth` AS `a`
                  ON (
                    `a`.`episode_id`
                  ) = (
                    `appts`.`episode_id`
                  )
              ) AS `cs_raw`
              GROUP BY
                `__row`
              HAVING
                COUNT(*) > 1
            ) AS `cs_amb`
              ON `cs_amb`.`__row` = `cs_raw`.`__row`
            WHERE
              (
                `cs_amb`.`first__a` IS NULL OR `cs_raw`.`j__a__row` = `cs_amb`.`first__a`
              )
          ) AS `cs_in`
          WHERE
            COALESCE(
              (
                (
                  (
                    ARRAY_JOIN(
                      TRANSFORM(
                        SPLIT(TRIM(BOTH ' ' FROM `cs_in`.`s__appts__appt_status`), 'ß', -1),
                        `_cs_part` -> UPPER(_cs_part)
                      ),
                      'ß'
                    )
                  ) = (
                    'K'
                  )
                )
                AND (
                  (
                    CAST(NULLIF(
                      REGEXP_EXTRACT(
                        REGEXP_REPLACE(
                          TRIM(`cs_in`.`s__appts__appt_date`),
                          '(?s)^(?:([0-9]{4})([0-9]{2})([0-9]{1,2}))\\z|^.*\\z',
                          '$1-$2-$3'
                        ),
                        '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))\\z',
                        0
                      ),
                      ''
                    ) AS DATE)
                  ) BETWEEN CAST(NULLIF(
                    REGEXP_EXTRACT(
                      REGEXP_REPLACE(
                        TRIM(`cs_in`.`s__a__auth_from`),
                        '(?s)^(?:([0-9]{4})([0-9]{2})([0-9]{1,2}))\\z|^.*\\z',
                        '$1-$2-$3'
                      ),
                      '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))\\z',
                      0
                    ),
                    ''
                  ) AS DATE) AND CAST(NULLIF(
                    REGEXP_EXTRACT(
                      REGEXP_REPLACE(
                        TRIM(`cs_in`.`s__a__auth_to`),
                        '(?s)^(?:([0-9]{4})([0-9]{2})([0-9]{1,2}))\\z|^.*\\z',
                        '$1-$2-$3'
                      ),
                      '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))\\z',
                      0
                    ),
                    ''
                  ) AS DATE)
                )
              ),
              FALSE
            )
        ) AS `cs_in`
        WHERE
          NOT (
            NOT `cs_in`.`__cast_error` IS NULL OR COALESCE(`cs_in`.`__n__a`, 1) > 1
          )
      ) AS `cs_vals`
      GROUP BY
        `cs_vals`.`g__1`
    ) AS `cs_groups`
  );

-- specs/two_systems.mig:589: sysB.appts -> emr.auth_usage: work table no longer needed
DROP TABLE IF EXISTS `chartshift`.`cs_work__emr__auth_usage`;

