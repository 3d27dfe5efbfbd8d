-- chartshift 0.1.0 | dialect mysql
-- spec specs/two_systems.mig sha256 76eeb791ddfc46d4013247302076b35042796b3181d91a47e7b0e553ee1643b2
-- 20_11_emr_authorization: map sysA.auths -> emr.authorization
-- Generated file: do not edit. Regenerate with `chartshift compile specs/two_systems.mig`.


-- specs/two_systems.mig:456: work table left by an earlier run
DROP TABLE IF EXISTS `chartshift__cs_work__emr__authorization`;

-- specs/two_systems.mig:456: sysA.auths -> emr.authorization: every kept row with its fields and status
CREATE TABLE `chartshift__cs_work__emr__authorization` AS
WITH `cs_in` AS (
  SELECT
    `auths`.`__row` AS `__row`,
    `auths`.`__cast_error` AS `__cast_error`,
    `auths`.`auth_no` AS `s__auths__auth_no`,
    `auths`.`case_no` AS `s__auths__case_no`,
    `auths`.`visits_authorized` AS `s__auths__visits_authorized`,
    `auths`.`start_date` AS `s__auths__start_date`,
    `auths`.`end_date` AS `s__auths__end_date`,
    1 AS `__slot`
  FROM `sysA__auths` AS `auths`
), `cs_fields` AS (
  SELECT
    `cs_in`.*,
    `cs_ref1`.`target_id` AS `f__episode_id`,
    NULLIF(
      CAST(TRIM(BOTH ' ' FROM `cs_in`.`s__auths__auth_no`) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
      '0000'
    ) AS `f__auth_number`,
    `cs_in`.`s__auths__visits_authorized` AS `f__visits_authorized`,
    CAST(NULLIF(
      REGEXP_SUBSTR(
        CAST(REGEXP_REPLACE(
          CAST(TRIM(`cs_in`.`s__auths__start_date`) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
          '(?s)^(?:([0-9]{1,2})\\/([0-9]{1,2})\\/([0-9]{4}))\\z|^.*\\z',
          '\\3-\\1-\\2'
        ) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
        '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))\\z'
      ),
      ''
    ) AS DATE) AS `f__start_date`,
    CAST(NULLIF(
      REGEXP_SUBSTR(
        CAST(REGEXP_REPLACE(
          CAST(TRIM(`cs_in`.`s__auths__end_date`) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
          '(?s)^(?:([0-9]{1,2})\\/([0-9]{1,2})\\/([0-9]{4}))\\z|^.*\\z',
          '\\3-\\1-\\2'
        ) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
        '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))\\z'
      ),
      ''
    ) AS DATE) AS `f__end_date`,
    CASE
      WHEN (
        CAST(DATEDIFF(
          CAST(NULLIF(
            REGEXP_SUBSTR(
              CAST(REGEXP_REPLACE(
                CAST(TRIM(`cs_in`.`s__auths__end_date`) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
                '(?s)^(?:([0-9]{1,2})\\/([0-9]{1,2})\\/([0-9]{4}))\\z|^.*\\z',
                '\\3-\\1-\\2'
              ) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
              '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))\\z'
            ),
            ''
          ) AS DATE),
          CAST('2024-07-01' AS DATE)
        ) AS SIGNED)
      ) < (
        0
      )
      THEN 0
      ELSE CAST(DATEDIFF(
        CAST(NULLIF(
          REGEXP_SUBSTR(
            CAST(REGEXP_REPLACE(
              CAST(TRIM(`cs_in`.`s__auths__end_date`) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
              '(?s)^(?:([0-9]{1,2})\\/([0-9]{1,2})\\/([0-9]{4}))\\z|^.*\\z',
              '\\3-\\1-\\2'
            ) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
            '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))\\z'
          ),
          ''
        ) AS DATE),
        CAST('2024-07-01' AS DATE)
      ) AS SIGNED)
    END AS `f__days_remaining`,
    CAST(CONCAT(
      CAST((
        'sysA.auths'
      ) AS CHAR),
      '|',
      CAST((
        `cs_in`.`s__auths__case_no`
      ) AS CHAR),
      '|',
      CAST((
        `cs_in`.`s__auths__auth_no`
      ) AS CHAR),
      '|',
      CAST((
        `cs_in`.`s__auths__start_date`
      ) AS CHAR)
    ) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin AS `__key`
  FROM `cs_in`
  LEFT JOIN `chartshift__xwalk__emr__episode__cs_new` AS `cs_ref1`
    ON `cs_ref1`.`legacy_key` = CAST(CONCAT(
      CAST((
        'sysA.cases'
      ) AS CHAR),
      '|',
      CAST((
        `cs_in`.`s__auths__case_no`
      ) AS CHAR)
    ) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin
    AND `cs_ref1`.`state` <> 'inactive'
), `cs_rules` AS (
  SELECT
    `cs_fields`.*,
    CASE
      WHEN NOT `cs_fields`.`__cast_error` IS NULL
      THEN 1
      WHEN `cs_fields`.`__key` IS NULL
      THEN 2
      WHEN COALESCE((
        (
          `cs_fields`.`f__episode_id`
        ) IS NULL
      ), FALSE)
      THEN 3
      WHEN `cs_fields`.`f__episode_id` IS NULL
      THEN 4
      WHEN CHAR_LENGTH(CAST(`cs_fields`.`f__auth_number` AS CHAR)) > 30
      THEN 5
      WHEN NOT `cs_dups`.`first_row` IS NULL AND `cs_fields`.`__row` > `cs_dups`.`first_row`
      THEN 6
    END AS `__rule`
  FROM `cs_fields`
  LEFT JOIN (
    SELECT
      CAST(`cs_fields`.`s__auths__case_no` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin AS `__k1`,
      CAST(`cs_fields`.`s__auths__auth_no` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin AS `__k2`,
      CAST(`cs_fields`.`s__auths__start_date` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin AS `__k3`,
      MIN(`cs_fields`.`__row`) AS `first_row`
    FROM `cs_fields`
    GROUP BY
      CAST(`cs_fields`.`s__auths__case_no` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
      CAST(`cs_fields`.`s__auths__auth_no` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
      CAST(`cs_fields`.`s__auths__start_date` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin
    HAVING
      COUNT(*) > 1
  ) AS `cs_dups`
    ON `cs_dups`.`__k1` = CAST(`cs_fields`.`s__auths__case_no` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin
    AND `cs_dups`.`__k2` = CAST(`cs_fields`.`s__auths__auth_no` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin
    AND `cs_dups`.`__k3` = CAST(`cs_fields`.`s__auths__start_date` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin
), `cs_status` AS (
  SELECT
    `cs_rules`.`__row`,
    `cs_rules`.`__slot`,
    `cs_rules`.`__key`,
    `cs_rules`.`__rule`,
    `cs_rules`.`f__episode_id`,
    `cs_rules`.`f__auth_number`,
    `cs_rules`.`f__visits_authorized`,
    `cs_rules`.`f__start_date`,
    `cs_rules`.`f__end_date`,
    `cs_rules`.`f__days_remaining`,
    CASE WHEN NOT `cs_rules`.`__rule` IS NULL THEN 'rejected' ELSE 'loaded' END AS `__status`
  FROM `cs_rules`
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
        FROM `chartshift__xwalk__emr__authorization`
      ) + ROW_NUMBER() OVER (
        ORDER BY (
          `cs_prev`.`own_id` IS NULL AND `cs_status`.`__status` = 'loaded'
        ) DESC, CASE WHEN `cs_status`.`__row` IS NULL THEN 1 ELSE 0 END, `cs_status`.`__row`, CASE WHEN `cs_status`.`__slot` IS NULL THEN 1 ELSE 0 END, `cs_status`.`__slot`
      )
    END
  ) AS `__own_id`
FROM `cs_status`
LEFT JOIN `chartshift__xwalk__emr__authorization` AS `cs_prev`
  ON `cs_prev`.`legacy_key` = `cs_status`.`__key`;

-- specs/two_systems.mig:456: sysA.auths -> emr.authorization: rejected rows with the first rule that failed
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
  'sysA.auths -> emr.authorization',
  'sysA.auths',
  CAST(NULL AS CHAR),
  `w`.`__slot`,
  `w`.`__row`,
  CASE `w`.`__rule`
    WHEN 1
    THEN 'cast'
    WHEN 2
    THEN 'key'
    WHEN 3
    THEN 'reject:467'
    WHEN 4
    THEN 'not null:emr.authorization.episode_id'
    WHEN 5
    THEN 'length:emr.authorization.auth_number'
    WHEN 6
    THEN 'duplicate key'
  END,
  CASE `w`.`__rule`
    WHEN 1
    THEN 'value does not fit the source column type'
    WHEN 2
    THEN 'missing legacy key'
    WHEN 3
    THEN 'authorization for unknown episode'
    WHEN 4
    THEN 'episode_id is required but empty'
    WHEN 5
    THEN 'auth_number is longer than 30 characters'
    WHEN 6
    THEN 'duplicate legacy key (an earlier row has the same key)'
  END,
  CAST(JSON_OBJECT(
    'auth_no',
    `r`.`auth_no`,
    'case_no',
    `r`.`case_no`,
    'visits_authorized',
    `r`.`visits_authorized`,
    'start_date',
    `r`.`start_date`,
    'end_date',
    `r`.`end_date`
  ) AS CHAR),
  CASE `w`.`__rule`
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
    THEN 'duplicate_key'
  END
FROM `chartshift__cs_work__emr__authorization` AS `w`
JOIN `chartshift_stage__sysA__auths` AS `r`
  ON `r`.`__row` = `w`.`__row`
WHERE
  `w`.`__status` = 'rejected'
ORDER BY
  CASE WHEN `w`.`__row` IS NULL THEN 1 ELSE 0 END, `w`.`__row`,
  CASE WHEN `w`.`__slot` IS NULL THEN 1 ELSE 0 END, `w`.`__slot`;

-- specs/two_systems.mig:457: crosswalk emr.authorization: loaded keys with their ids, merged keys pointing at their survivor's id
INSERT INTO `chartshift__xwalk__emr__authorization__cs_new` (
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
FROM `chartshift__cs_work__emr__authorization` AS `w`
WHERE
  `w`.`__status` IN ('loaded', 'merged');

-- specs/two_systems.mig:456: sysA.auths -> emr.authorization: load the surviving rows
INSERT INTO `emr__authorization__cs_new` (
  `id`,
  `episode_id`,
  `auth_number`,
  `visits_authorized`,
  `start_date`,
  `end_date`,
  `days_remaining`
)
SELECT
  CAST(`w`.`__own_id` AS SIGNED),
  CAST(`w`.`f__episode_id` AS SIGNED),
  CAST(`w`.`f__auth_number` AS CHAR(30)),
  CAST(`w`.`f__visits_authorized` AS SIGNED),
  CAST(`w`.`f__start_date` AS DATE),
  CAST(`w`.`f__end_date` AS DATE),
  CAST(`w`.`f__days_remaining` AS SIGNED)
FROM `chartshift__cs_work__emr__authorization` AS `w`
WHERE
  `w`.`__status` = 'loaded';

-- specs/two_systems.mig:456: sysA.auths -> emr.authorization: accounting identity: source rows = loaded + rejected + filtered + merged + aggregated
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
  'sysA.auths -> emr.authorization',
  'sysA.auths',
  'emr.authorization',
  (
    SELECT
      COUNT(*)
    FROM `sysA__auths`
  ),
  (
    SELECT
      COUNT(*)
    FROM `emr__authorization__cs_new`
  ),
  (
    SELECT
      COUNT(*)
    FROM `chartshift__rejects__cs_new`
    WHERE
      `map` = 'sysA.auths -> emr.authorization'
  ),
  0,
  0,
  0;

-- specs/two_systems.mig:456: sysA.auths -> emr.authorization: work table no longer needed
DROP TABLE IF EXISTS `chartshift__cs_work__emr__authorization`;

