-- chartshift 0.1.0 | dialect spark
-- spec specs/two_systems.mig sha256 76eeb791ddfc46d4013247302076b35042796b3181d91a47e7b0e553ee1643b2
-- 20_11_emr_authorization: map sysA.auths -> emr.authorization
-- Generated file: do not edit. Regenerate with `chartshift compile specs/two_systems.mig`.


-- specs/two_systems.mig:456: work table left by an earlier run
DROP TABLE IF EXISTS `chartshift`.`cs_work__emr__authorization`;

-- specs/two_systems.mig:456: sysA.auths -> emr.authorization: every kept row with its fields and status
CREATE TABLE `chartshift`.`cs_work__emr__authorization` AS
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
  FROM `sysA`.`auths` AS `auths`
), `cs_fields` AS (
  SELECT
    `cs_in`.*,
    `cs_ref1`.`target_id` AS `f__episode_id`,
    NULLIF(TRIM(BOTH ' ' FROM `cs_in`.`s__auths__auth_no`), '0000') AS `f__auth_number`,
    `cs_in`.`s__auths__visits_authorized` AS `f__visits_authorized`,
    CAST(NULLIF(
      REGEXP_EXTRACT(
        REGEXP_REPLACE(
          TRIM(`cs_in`.`s__auths__start_date`),
          '(?s)^(?:([0-9]{1,2})\\/([0-9]{1,2})\\/([0-9]{4}))\\z|^.*\\z',
          '$3-$1-$2'
        ),
        '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))\\z',
        0
      ),
      ''
    ) AS DATE) AS `f__start_date`,
    CAST(NULLIF(
      REGEXP_EXTRACT(
        REGEXP_REPLACE(
          TRIM(`cs_in`.`s__auths__end_date`),
          '(?s)^(?:([0-9]{1,2})\\/([0-9]{1,2})\\/([0-9]{4}))\\z|^.*\\z',
          '$3-$1-$2'
        ),
        '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))\\z',
        0
      ),
      ''
    ) AS DATE) AS `f__end_date`,
    CASE
      WHEN (
        CAST(DATEDIFF(
          CAST(NULLIF(
            REGEXP_EXTRACT(
              REGEXP_REPLACE(
                TRIM(`cs_in`.`s__auths__end_date`),
                '(?s)^(?:([0-9]{1,2})\\/([0-9]{1,2})\\/([0-9]{4}))\\z|^.*\\z',
                '$3-$1-$2'
              ),
              '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))\\z',
              0
            ),
            ''
          ) AS DATE),
          CAST('2024-07-01' AS DATE)
        ) AS BIGINT)
      ) < (
        0
      )
      THEN 0
      ELSE CAST(DATEDIFF(
        CAST(NULLIF(
          REGEXP_EXTRACT(
            REGEXP_REPLACE(
              TRIM(`cs_in`.`s__auths__end_date`),
              '(?s)^(?:([0-9]{1,2})\\/([0-9]{1,2})\\/([0-9]{4}))\\z|^.*\\z',
              '$3-$1-$2'
            ),
            '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))\\z',
            0
          ),
          ''
        ) AS DATE),
        CAST('2024-07-01' AS DATE)
      ) AS BIGINT)
    END AS `f__days_remaining`,
    CAST((
      'sysA.auths'
    ) AS STRING) || '|' || CAST((
      `cs_in`.`s__auths__case_no`
    ) AS STRING) || '|' || CAST((
      `cs_in`.`s__auths__auth_no`
    ) AS STRING) || '|' || CAST((
      `cs_in`.`s__auths__start_date`
    ) AS STRING) AS `__key`
  FROM `cs_in`
  LEFT JOIN `chartshift`.`xwalk__emr__episode__cs_new` AS `cs_ref1`
    ON `cs_ref1`.`legacy_key` = CAST((
      'sysA.cases'
    ) AS STRING) || '|' || CAST((
      `cs_in`.`s__auths__case_no`
    ) AS STRING)
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
      WHEN LENGTH(CAST(`cs_fields`.`f__auth_number` AS STRING)) > 30
      THEN 5
      WHEN NOT `cs_dups`.`first_row` IS NULL AND `cs_fields`.`__row` > `cs_dups`.`first_row`
      THEN 6
    END AS `__rule`
  FROM `cs_fields`
  LEFT JOIN (
    SELECT
      `cs_fields`.`s__auths__case_no` AS `__k1`,
      `cs_fields`.`s__auths__auth_no` AS `__k2`,
      `cs_fields`.`s__auths__start_date` AS `__k3`,
      MIN(`cs_fields`.`__row`) AS `first_row`
    FROM `cs_fields`
    GROUP BY
      `cs_fields`.`s__auths__case_no`,
      `cs_fields`.`s__auths__auth_no`,
      `cs_fields`.`s__auths__start_date`
    HAVING
      COUNT(*) > 1
  ) AS `cs_dups`
    ON `cs_dups`.`__k1` = `cs_fields`.`s__auths__case_no`
    AND `cs_dups`.`__k2` = `cs_fields`.`s__auths__auth_no`
    AND `cs_dups`.`__k3` = `cs_fields`.`s__auths__start_date`
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
        FROM `chartshift`.`xwalk__emr__authorization`
      ) + ROW_NUMBER() OVER (
        ORDER BY (
          `cs_prev`.`own_id` IS NULL AND `cs_status`.`__status` = 'loaded'
        ) DESC, `cs_status`.`__row` NULLS LAST, `cs_status`.`__slot` NULLS LAST
      )
    END
  ) AS `__own_id`
FROM `cs_status`
LEFT JOIN `chartshift`.`xwalk__emr__authorization` AS `cs_prev`
  ON `cs_prev`.`legacy_key` = `cs_status`.`__key`;

-- specs/two_systems.mig:456: sysA.auths -> emr.authorization: rejected rows with the first rule that failed
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
  'sysA.auths -> emr.authorization',
  'sysA.auths',
  CAST(NULL AS STRING),
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
  TO_JSON(
    NAMED_STRUCT(
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
    )
  ),
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
FROM `chartshift`.`cs_work__emr__authorization` AS `w`
JOIN `chartshift_stage`.`sysA__auths` AS `r`
  ON `r`.`__row` = `w`.`__row`
WHERE
  `w`.`__status` = 'rejected'
ORDER BY
  `w`.`__row` NULLS LAST,
  `w`.`__slot` NULLS LAST;

-- specs/two_systems.mig:457: crosswalk emr.authorization: loaded keys with their ids, merged keys pointing at their survivor's id
INSERT INTO `chartshift`.`xwalk__emr__authorization__cs_new` (
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
FROM `chartshift`.`cs_work__emr__authorization` AS `w`
WHERE
  `w`.`__status` IN ('loaded', 'merged');

-- specs/two_systems.mig:456: sysA.auths -> emr.authorization: load the surviving rows
INSERT INTO `emr`.`authorization__cs_new` (
  `id`,
  `episode_id`,
  `auth_number`,
  `visits_authorized`,
  `start_date`,
  `end_date`,
  `days_remaining`
)
SELECT
  CAST(`w`.`__own_id` AS BIGINT),
  CAST(`w`.`f__episode_id` AS BIGINT),
  CAST(`w`.`f__auth_number` AS VARCHAR(30)),
  CAST(`w`.`f__visits_authorized` AS INT),
  CAST(`w`.`f__start_date` AS DATE),
  CAST(`w`.`f__end_date` AS DATE),
  CAST(`w`.`f__days_remaining` AS INT)
FROM `chartshift`.`cs_work__emr__authorization` AS `w`
WHERE
  `w`.`__status` = 'loaded';

-- specs/two_systems.mig:456: sysA.auths -> emr.authorization: accounting identity: source rows = loaded + rejected + filtered + merged + aggregated
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
  'sysA.auths -> emr.authorization',
  'sysA.auths',
  'emr.authorization',
  (
    SELECT
      COUNT(*)
    FROM `sysA`.`auths`
  ),
  (
    SELECT
      COUNT(*)
    FROM `emr`.`authorization__cs_new`
  ),
  (
    SELECT
      COUNT(*)
    FROM `chartshift`.`rejects__cs_new`
    WHERE
      `map` = 'sysA.auths -> emr.authorization'
  ),
  0,
  0,
  0;

-- specs/two_systems.mig:456: sysA.auths -> emr.authorization: work table no longer needed
DROP TABLE IF EXISTS `chartshift`.`cs_work__emr__authorization`;

