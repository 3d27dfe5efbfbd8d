-- chartshift 0.1.0 | dialect mysql
-- spec specs/two_systems.mig sha256 76eeb791ddfc46d4013247302076b35042796b3181d91a47e7b0e553ee1643b2
-- 20_20_emr_auth_usage: map sysA.visits -> emr.auth_usage
-- Generated file: do not edit. Regenerate with `chartshift compile specs/two_systems.mig`.


-- specs/two_systems.mig:577: work table left by an earlier run
DROP TABLE IF EXISTS `chartshift__cs_work__emr__auth_usage`;

-- specs/two_systems.mig:578: join sysA.auths as a: copy left by an earlier run
DROP TABLE IF EXISTS `chartshift__cs_j1__emr__auth_usage`;

-- specs/two_systems.mig:578: join sysA.auths as a: a copy of its rows, to index
CREATE TABLE `chartshift__cs_j1__emr__auth_usage` AS
SELECT
  *
FROM `sysA__auths`;

-- specs/two_systems.mig:578: join sysA.auths as a: an index on the columns `on` compares
CREATE INDEX `cs_on` ON `chartshift__cs_j1__emr__auth_usage`(`case_no`(255));

-- specs/two_systems.mig:577: sysA.visits -> emr.auth_usage: every kept row with its fields and status
CREATE TABLE `chartshift__cs_work__emr__auth_usage` AS
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
        `visits`.`__row` AS `__row`,
        `visits`.`__cast_error` AS `__cast_error`,
        `visits`.`visit_id` AS `s__visits__visit_id`,
        `visits`.`case_no` AS `s__visits__case_no`,
        `visits`.`dos` AS `s__visits__dos`,
        `visits`.`status` AS `s__visits__status`,
        `a`.`auth_no` AS `s__a__auth_no`,
        `a`.`case_no` AS `s__a__case_no`,
        `a`.`start_date` AS `s__a__start_date`,
        `a`.`end_date` AS `s__a__end_date`,
        `a`.`__row` AS `j__a__row`
      FROM `sysA__visits` AS `visits`
      LEFT JOIN `chartshift__cs_j1__emr__auth_usage` AS `a`
        ON (
          `a`.`case_no`
        ) = (
          `visits`.`case_no`
        )
    ) AS `cs_raw`
    LEFT JOIN (
      SELECT
        `__row`,
        COUNT(DISTINCT `j__a__row`) AS `__n__a`,
        MIN(`j__a__row`) AS `first__a`
      FROM (
        SELECT
          `visits`.`__row` AS `__row`,
          `a`.`__row` AS `j__a__row`
        FROM `sysA__visits` AS `visits`
        LEFT JOIN `chartshift__cs_j1__emr__auth_usage` AS `a`
          ON (
            `a`.`case_no`
          ) = (
            `visits`.`case_no`
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
            UPPER(TRIM(BOTH ' ' FROM `cs_in`.`s__visits__status`))
          ) = (
            'COMPLETED'
          )
        )
        AND (
          (
            CAST(NULLIF(
              REGEXP_SUBSTR(
                CAST(REGEXP_REPLACE(
                  CAST(TRIM(`cs_in`.`s__visits__dos`) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
                  '(?s)^(?:([0-9]{1,2})\\/([0-9]{1,2})\\/([0-9]{4}))\\z|^.*\\z',
                  '\\3-\\1-\\2'
                ) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
                '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))\\z'
              ),
              ''
            ) AS DATE)
          ) BETWEEN CAST(NULLIF(
            REGEXP_SUBSTR(
              CAST(REGEXP_REPLACE(
                CAST(TRIM(`cs_in`.`s__a__start_date`) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
                '(?s)^(?:([0-9]{1,2})\\/([0-9]{1,2})\\/([0-9]{4}))\\z|^.*\\z',
                '\\3-\\1-\\2'
              ) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
              '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))\\z'
            ),
            ''
          ) AS DATE) AND CAST(NULLIF(
            REGEXP_SUBSTR(
              CAST(REGEXP_REPLACE(
                CAST(TRIM(`cs_in`.`s__a__end_date`) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
                '(?s)^(?:([0-9]{1,2})\\/([0-9]{1,2})\\/([0-9]{4}))\\z|^.*\\z',
                '\\3-\\1-\\2'
              ) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
              '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))\\z'
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
    `cs_in`.`s__visits__case_no` AS `g__1`,
    `cs_in`.`s__a__auth_no` AS `g__2`,
    `cs_in`.`s__a__start_date` AS `g__3`
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
    MIN(CAST(`cs_ranked`.`g__1` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin) AS `g__1`,
    MIN(CAST(`cs_ranked`.`g__2` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin) AS `g__2`,
    MIN(CAST(`cs_ranked`.`g__3` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin) AS `g__3`,
    COUNT(*) AS `a__1`
  FROM `cs_ranked`
  GROUP BY
    CAST(`cs_ranked`.`g__1` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
    CAST(`cs_ranked`.`g__2` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
    CAST(`cs_ranked`.`g__3` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin
), `cs_fields` AS (
  SELECT
    `cs_groups`.*,
    `cs_ref1`.`target_id` AS `f__authorization_id`,
    `cs_groups`.`a__1` AS `f__visits_used`,
    CAST(CONCAT(
      CAST((
        'sysA.visits'
      ) AS CHAR),
      '|',
      CAST((
        `cs_groups`.`g__1`
      ) AS CHAR),
      '|',
      CAST((
        `cs_groups`.`g__2`
      ) AS CHAR),
      '|',
      CAST((
        `cs_groups`.`g__3`
      ) AS CHAR)
    ) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin AS `__key`
  FROM `cs_groups`
  LEFT JOIN `chartshift__xwalk__emr__authorization__cs_new` AS `cs_ref1`
    ON `cs_ref1`.`legacy_key` = CAST(CONCAT(
      CAST((
        'sysA.auths'
      ) AS CHAR),
      '|',
      CAST((
        `cs_groups`.`g__1`
      ) AS CHAR),
      '|',
      CAST((
        `cs_groups`.`g__2`
      ) AS CHAR),
      '|',
      CAST((
        `cs_groups`.`g__3`
      ) AS CHAR)
    ) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin
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
    NULL AS `s__visits__visit_id`,
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
    `cs_in`.`s__visits__visit_id`,
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
      THEN (
        SELECT
          COALESCE(MAX(`own_id`), 0)
        FROM `chartshift__xwalk__emr__auth_usage`
      ) + ROW_NUMBER() OVER (
        ORDER BY (
          `cs_prev`.`own_id` IS NULL AND `cs_status`.`__status` = 'loaded'
        ) DESC, CASE WHEN `cs_status`.`__row` IS NULL THEN 1 ELSE 0 END, `cs_status`.`__row`, CASE WHEN `cs_status`.`__slot` IS NULL THEN 1 ELSE 0 END, `cs_status`.`__slot`
      )
    END
  ) AS `__own_id`
FROM `cs_status`
LEFT JOIN `chartshift__xwalk__emr__auth_usage` AS `cs_prev`
  ON `cs_prev`.`legacy_key` = `cs_status`.`__key`;

-- specs/two_systems.mig:577: sysA.visits -> emr.auth_usage: rejected rows with the first rule that failed
INSERT INTO `chartshift__rejects__cs_new` (
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
  'sysA.visits -> emr.auth_usage',
  'sysA.visits',
  CAST(CAST((
    `w`.`s__visits__visit_id`
  ) AS CHAR) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
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
    THEN 'reject:586'
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
    THEN CONCAT('ambiguous match (', CAST((
      `w`.`__n__a`
    ) AS CHAR), ' rows of sysA.auths)')
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
  CAST(JSON_OBJECT(
    'visit_id',
    `r`.`visit_id`,
    'case_no',
    `r`.`case_no`,
    'pat_no',
    `r`.`pat_no`,
    'prov_id',
    `r`.`prov_id`,
    'dos',
    `r`.`dos`,
    'status',
    `r`.`status`,
    'cpt1',
    `r`.`cpt1`,
    'units1',
    `r`.`units1`,
    'mod1',
    `r`.`mod1`,
    'amount1',
    `r`.`amount1`,
    'cpt2',
    `r`.`cpt2`,
    'units2',
    `r`.`units2`,
    'mod2',
    `r`.`mod2`,
    'amount2',
    `r`.`amount2`,
    'cpt3',
    `r`.`cpt3`,
    'units3',
    `r`.`units3`,
    'mod3',
    `r`.`mod3`,
    'amount3',
    `r`.`amount3`
  ) AS CHAR),
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
FROM `chartshift__cs_work__emr__auth_usage` AS `w`
JOIN `chartshift_stage__sysA__visits` AS `r`
  ON `r`.`__row` = `w`.`__row`
WHERE
  `w`.`__status` = 'rejected'
ORDER BY
  CASE WHEN `w`.`__row` IS NULL THEN 1 ELSE 0 END, `w`.`__row`,
  CASE WHEN `w`.`__slot` IS NULL THEN 1 ELSE 0 END, `w`.`__slot`;

-- specs/two_systems.mig:583: crosswalk emr.auth_usage: loaded keys with their ids, merged keys pointing at their survivor's id
INSERT INTO `chartshift__xwalk__emr__auth_usage__cs_new` (
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
FROM `chartshift__cs_work__emr__auth_usage` AS `w`
WHERE
  `w`.`__status` IN ('loaded', 'merged');

-- specs/two_systems.mig:577: sysA.visits -> emr.auth_usage: load the surviving rows
INSERT INTO `emr__auth_usage__cs_new` (
  `id`,
  `authorization_id`,
  `visits_used`
)
SELECT
  CAST(`w`.`__own_id` AS SIGNED),
  CAST(`w`.`f__authorization_id` AS SIGNED),
  CAST(`w`.`f__visits_used` AS SIGNED)
FROM `chartshift__cs_work__emr__auth_usage` AS `w`
WHERE
  `w`.`__status` = 'loaded';

-- specs/two_systems.mig:577: sysA.visits -> emr.auth_usage: accounting identity: source rows = loaded + rejected + filtered + merged + aggregated
INSERT INTO `chartshift__reconciliation__cs_new` (
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
  'sysA.visits -> emr.auth_usage',
  'sysA.visits',
  'emr.auth_usage',
  (
    SELECT
      COUNT(*)
    FROM `sysA__visits`
  ),
  (
    SELECT
      COUNT(*)
    FROM `emr__auth_usage__cs_new`
  ),
  (
    SELECT
      COUNT(*)
    FROM `chartshift__rejects__cs_new`
    WHERE
      `map` = 'sysA.visits -> emr.auth_usage'
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
          `visits`.`__row` AS `__row`,
          `visits`.`__cast_error` AS `__cast_error`,
          `visits`.`visit_id` AS `s__visits__visit_id`,
          `visits`.`case_no` AS `s__visits__case_no`,
          `visits`.`dos` AS `s__visits__dos`,
          `visits`.`status` AS `s__visits__status`,
          `a`.`auth_no` AS `s__a__auth_no`,
          `a`.`case_no` AS `s__a__case_no`,
          `a`.`start_date` AS `s__a__start_date`,
          `a`.`end_date` AS `s__a__end_date`,
          `a`.`__row` AS `j__a__row`
        FROM `sysA__visits` AS `visits`
        LEFT JOIN `chartshift__cs_j1__emr__auth_usage` AS `a`
          ON (
            `a`.`case_no`
          ) = (
            `visits`.`case_no`
          )
      ) AS `cs_raw`
      LEFT JOIN (
        SELECT
          `__row`,
          COUNT(DISTINCT `j__a__row`) AS `__n__a`,
          MIN(`j__a__row`) AS `first__a`
        FROM (
          SELECT
            `visits`.`__row` AS `__row`,
            `a`.`__row` AS `j__a__row`
          FROM `sysA__visits` AS `visits`
          LEFT JOIN `chartshift__cs_j1__emr__auth_usage` AS `a`
            ON (
              `a`.`case_no`
            ) = (
              `visits`.`case_no`
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
              UPPER(TRIM(BOTH ' ' FROM `cs_in`.`s__visits__status`))
            ) = (
              'COMPLETED'
            )
          )
          AND (
            (
              CAST(NULLIF(
                REGEXP_SUBSTR(
                  CAST(REGEXP_REPLACE(
                    CAST(TRIM(`cs_in`.`s__visits__dos`) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
                    '(?s)^(?:([0-9]{1,2})\\/([0-9]{1,2})\\/([0-9]{4}))\\z|^.*\\z',
                    '\\3-\\1-\\2'
                  ) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
                  '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))\\z'
                ),
                ''
              ) AS DATE)
            ) BETWEEN CAST(NULLIF(
              REGEXP_SUBSTR(
                CAST(REGEXP_REPLACE(
                  CAST(TRIM(`cs_in`.`s__a__start_date`) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
                  '(?s)^(?:([0-9]{1,2})\\/([0-9]{1,2})\\/([0-9]{4}))\\z|^.*\\z',
                  '\\3-\\1-\\2'
                ) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
                '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))\\z'
              ),
              ''
            ) AS DATE) AND CAST(NULLIF(
              REGEXP_SUBSTR(
                CAST(REGEXP_REPLACE(
                  CAST(TRIM(`cs_in`.`s__a__end_date`) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
                  '(?s)^(?:([0-9]{1,2})\\/([0-9]{1,2})\\/([0-9]{4}))\\z|^.*\\z',
                  '\\3-\\1-\\2'
                ) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
                '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))\\z'
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
      CAST(COALESCE(SUM(`cs_groups`.`n`) - COUNT(*), 0) AS SIGNED)
    FROM (
      SELECT
        COUNT(*) AS `n`
      FROM (
        SELECT
          `cs_in`.*,
          `cs_in`.`s__visits__case_no` AS `g__1`,
          `cs_in`.`s__a__auth_no` AS `g__2`,
          `cs_in`.`s__a__start_date` AS `g__3`
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
                `visits`.`__row` AS `__row`,
                `visits`.`__cast_error` AS `__cast_error`,
                `visits`.`visit_id` AS `s__visits__visit_id`,
                `visits`.`case_no` AS `s__visits__case_no`,
                `visits`.`dos` AS `s__visits__dos`,
                `visits`.`status` AS `s__visits__status`,
                `a`.`auth_no` AS `s__a__auth_no`,
                `a`.`case_no` AS `s__a__case_no`,
                `a`.`start_date` AS `s__a__start_date`,
                `a`.`end_date` AS `s__a__end_date`,
                `a`.`__row` AS `j__a__row`
              FROM `sysA__visits` AS `visits`
              LEFT JOIN `chartshift__cs_j1__emr__auth_usage` AS `a`
                ON (
                  `a`.`case_no`
                ) = (
                  `visits`.`case_no`
                )
            ) AS `cs_raw`
            LEFT JOIN (
              SELECT
                `__row`,
                COUNT(DISTINCT `j__a__row`) AS `__n__a`,
                MIN(`j__a__row`) AS `first__a`
              FROM (
                SELECT
                  `visits`.`__row` AS `__row`,
                  `a`.`__row` AS `j__a__row`
                FROM `sysA__visits` AS `visits`
                LEFT JOIN `chartshift__cs_j1__emr__auth_usage` AS `a`
                  ON (
                    `a`.`case_no`
                  ) = (
                    `visits`.`case_no`
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
                    UPPER(TRIM(BOTH ' ' FROM `cs_in`.`s__visits__status`))
                  ) = (
                    'COMPLETED'
                  )
                )
                AND (
                  (
                    CAST(NULLIF(
                      REGEXP_SUBSTR(
                        CAST(REGEXP_REPLACE(
                          CAST(TRIM(`cs_in`.`s__visits__dos`) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
                          '(?s)^(?:([0-9]{1,2})\\/([0-9]{1,2})\\/([0-9]{4}))\\z|^.*\\z',
                          '\\3-\\1-\\2'
                        ) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
                        '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))\\z'
                      ),
                      ''
                    ) AS DATE)
                  ) BETWEEN CAST(NULLIF(
                    REGEXP_SUBSTR(
                      CAST(REGEXP_REPLACE(
                        CAST(TRIM(`cs_in`.`s__a__start_date`) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
                        '(?s)^(?:([0-9]{1,2})\\/([0-9]{1,2})\\/([0-9]{4}))\\z|^.*\\z',
                        '\\3-\\1-\\2'
                      ) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
                      '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))\\z'
                    ),
                    ''
                  ) AS DATE) AND CAST(NULLIF(
                    REGEXP_SUBSTR(
                      CAST(REGEXP_REPLACE(
                        CAST(TRIM(`cs_in`.`s__a__end_date`) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
                        '(?s)^(?:([0-9]{1,2})\\/([0-9]{1,2})\\/([0-9]{4}))\\z|^.*\\z',
                        '\\3-\\1-\\2'
                      ) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
                      '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))\\z'
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
        CAST(`cs_vals`.`g__1` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
        CAST(`cs_vals`.`g__2` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
        CAST(`cs_vals`.`g__3` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin
    ) AS `cs_groups`
  );

-- specs/two_systems.mig:577: sysA.visits -> emr.auth_usage: work table no longer needed
DROP TABLE IF EXISTS `chartshift__cs_work__emr__auth_usage`;

-- specs/two_systems.mig:578: join a: copy no longer needed
DROP TABLE IF EXISTS `chartshift__cs_j1__emr__auth_usage`;

