-- chartshift 0.1.0 | dialect spark
-- spec specs/two_systems.mig sha256 76eeb791ddfc46d4013247302076b35042796b3181d91a47e7b0e553ee1643b2
-- 20_06_emr_coverage: map sysB.coverage -> emr.coverage
-- Generated file: do not edit. Regenerate with `chartshift compile specs/two_systems.mig`.


-- specs/two_systems.mig:387: work table left by an earlier run
DROP TABLE IF EXISTS `chartshift`.`cs_work__emr__coverage`;

-- specs/two_systems.mig:387: sysB.coverage -> emr.coverage: every kept row with its fields and status
CREATE TABLE `chartshift`.`cs_work__emr__coverage` AS
WITH `cs_in` AS (
  SELECT
    `cs_raw`.*,
    `cs_amb`.`__n__i` AS `__n__i`,
    1 AS `__slot`
  FROM (
    SELECT
      `coverage`.`__row` AS `__row`,
      `coverage`.`__cast_error` AS `__cast_error`,
      `coverage`.`ins_id` AS `s__coverage__ins_id`,
      `coverage`.`client_id` AS `s__coverage__client_id`,
      `coverage`.`payer_cd` AS `s__coverage__payer_cd`,
      `coverage`.`plan_cd` AS `s__coverage__plan_cd`,
      `coverage`.`member_no` AS `s__coverage__member_no`,
      `coverage`.`cob_seq` AS `s__coverage__cob_seq`,
      `coverage`.`from_dt` AS `s__coverage__from_dt`,
      `coverage`.`thru_dt` AS `s__coverage__thru_dt`,
      `i`.`payer_cd` AS `s__i__payer_cd`,
      `i`.`plan_cd` AS `s__i__plan_cd`,
      `i`.`payer_name` AS `s__i__payer_name`,
      `i`.`payer_type` AS `s__i__payer_type`,
      `i`.`__row` AS `j__i__row`
    FROM `sysB`.`coverage` AS `coverage`
    LEFT JOIN `sysB`.`insco` AS `i`
      ON (
        (
          `i`.`payer_cd`
        ) = (
          ARRAY_JOIN(
            TRANSFORM(
              SPLIT(TRIM(BOTH ' ' FROM `coverage`.`payer_cd`), 'ß', -1),
              `_cs_part` -> UPPER(_cs_part)
            ),
            'ß'
          )
        )
      )
      AND (
        (
          `i`.`plan_cd`
        ) = (
          ARRAY_JOIN(
            TRANSFORM(
              SPLIT(TRIM(BOTH ' ' FROM `coverage`.`plan_cd`), 'ß', -1),
              `_cs_part` -> UPPER(_cs_part)
            ),
            'ß'
          )
        )
      )
  ) AS `cs_raw`
  LEFT JOIN (
    SELECT
      `__row`,
      COUNT(DISTINCT `j__i__row`) AS `__n__i`,
      MIN(`j__i__row`) AS `first__i`
    FROM (
      SELECT
        `coverage`.`__row` AS `__row`,
        `i`.`__row` AS `j__i__row`
      FROM `sysB`.`coverage` AS `coverage`
      LEFT JOIN `sysB`.`insco` AS `i`
        ON (
          (
            `i`.`payer_cd`
          ) = (
            ARRAY_JOIN(
              TRANSFORM(
                SPLIT(TRIM(BOTH ' ' FROM `coverage`.`payer_cd`), 'ß', -1),
                `_cs_part` -> UPPER(_cs_part)
              ),
              'ß'
            )
          )
        )
        AND (
          (
            `i`.`plan_cd`
          ) = (
            ARRAY_JOIN(
              TRANSFORM(
                SPLIT(TRIM(BOTH ' ' FROM `coverage`.`plan_cd`), 'ß', -1),
                `_cs_part` -> UPPER(_cs_part)
              ),
              'ß'
            )
          )
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
      `cs_amb`.`first__i` IS NULL OR `cs_raw`.`j__i__row` = `cs_amb`.`first__i`
    )
), `cs_fields` AS (
  SELECT
    `cs_in`.*,
    `cs_ref1`.`target_id` AS `f__patient_id`,
    `cs_in`.`s__i__payer_name` AS `f__payer_name`,
    `cs_in`.`s__i__payer_type` AS `f__payer_type`,
    TRIM(BOTH ' ' FROM `cs_in`.`s__coverage__member_no`) AS `f__member_id`,
    CASE TRIM(BOTH ' ' FROM `cs_in`.`s__coverage__cob_seq`) WHEN 'P' THEN 1 ELSE 2 END AS `f__priority`,
    CAST(NULLIF(
      REGEXP_EXTRACT(
        REGEXP_REPLACE(
          TRIM(`cs_in`.`s__coverage__from_dt`),
          '(?s)^(?:([0-9]{4})([0-9]{2})([0-9]{1,2}))\\z|^.*\\z',
          '$1-$2-$3'
        ),
        '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))\\z',
        0
      ),
      ''
    ) AS DATE) AS `f__start_date`,
    CAST(NULLIF(
      REGEXP_EXTRACT(
        REGEXP_REPLACE(
          TRIM(`cs_in`.`s__coverage__thru_dt`),
          '(?s)^(?:([0-9]{4})([0-9]{2})([0-9]{1,2}))\\z|^.*\\z',
          '$1-$2-$3'
        ),
        '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))\\z',
        0
      ),
      ''
    ) AS DATE) AS `f__end_date`,
    CAST((
      'sysB.coverage'
    ) AS STRING) || '|' || CAST((
      `cs_in`.`s__coverage__ins_id`
    ) AS STRING) AS `__key`
  FROM `cs_in`
  LEFT JOIN `chartshift`.`xwalk__emr__patient__cs_new` AS `cs_ref1`
    ON `cs_ref1`.`legacy_key` = CAST((
      'sysB.clients'
    ) AS STRING) || '|' || CAST((
      `cs_in`.`s__coverage__client_id`
    ) AS STRING)
    AND `cs_ref1`.`state` <> 'inactive'
), `cs_rules` AS (
  SELECT
    `cs_fields`.*,
    CASE
      WHEN NOT `cs_fields`.`__cast_error` IS NULL
      THEN 1
      WHEN `cs_fields`.`__n__i` > 1
      THEN 2
      WHEN `cs_fields`.`__key` IS NULL
      THEN 3
      WHEN COALESCE((
        (
          `cs_fields`.`f__patient_id`
        ) IS NULL
      ), FALSE)
      THEN 4
      WHEN COALESCE((
        (
          `cs_fields`.`f__payer_name`
        ) IS NULL
      ), FALSE)
      THEN 5
      WHEN `cs_fields`.`f__patient_id` IS NULL
      THEN 6
      WHEN `cs_fields`.`f__payer_name` IS NULL
      THEN 7
      WHEN LENGTH(CAST(`cs_fields`.`f__payer_name` AS STRING)) > 100
      THEN 8
      WHEN `cs_fields`.`f__payer_type` IS NULL
      THEN 9
      WHEN LENGTH(CAST(`cs_fields`.`f__payer_type` AS STRING)) > 20
      THEN 10
      WHEN LENGTH(CAST(`cs_fields`.`f__member_id` AS STRING)) > 30
      THEN 11
      WHEN `cs_fields`.`f__priority` IS NULL
      THEN 12
      WHEN NOT COALESCE((
        (
          `cs_fields`.`f__priority`
        ) BETWEEN 1 AND 3
      ), TRUE)
      THEN 13
      WHEN NOT `cs_dups`.`first_row` IS NULL AND `cs_fields`.`__row` > `cs_dups`.`first_row`
      THEN 14
    END AS `__rule`
  FROM `cs_fields`
  LEFT JOIN (
    SELECT
      `cs_fields`.`s__coverage__ins_id` AS `__k1`,
      MIN(`cs_fields`.`__row`) AS `first_row`
    FROM `cs_fields`
    GROUP BY
      `cs_fields`.`s__coverage__ins_id`
    HAVING
      COUNT(*) > 1
  ) AS `cs_dups`
    ON `cs_dups`.`__k1` = `cs_fields`.`s__coverage__ins_id`
), `cs_status` AS (
  SELECT
    `cs_rules`.`__row`,
    `cs_rules`.`__slot`,
    `cs_rules`.`__key`,
    `cs_rules`.`__rule`,
    `cs_rules`.`__n__i`,
    `cs_rules`.`f__patient_id`,
    `cs_rules`.`f__payer_name`,
    `cs_rules`.`f__payer_type`,
    `cs_rules`.`f__member_id`,
    `cs_rules`.`f__priority`,
    `cs_rules`.`f__start_date`,
    `cs_rules`.`f__end_date`,
    `cs_rules`.`s__coverage__ins_id`,
    CASE WHEN NOT `cs_rules`.`__rule` IS NULL THEN 'rejected' ELSE 'loaded' END AS `__status`
  FROM `cs_rules`
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
          FROM `chartshift`.`xwalk__emr__coverage__cs_new`
        ) > (
          SELECT
            COALESCE(MAX(`own_id`), 0)
          FROM `chartshift`.`xwalk__emr__coverage`
        )
        THEN (
          SELECT
            COALESCE(MAX(`own_id`), 0)
          FROM `chartshift`.`xwalk__emr__coverage__cs_new`
        )
        ELSE (
          SELECT
            COALESCE(MAX(`own_id`), 0)
          FROM `chartshift`.`xwalk__emr__coverage`
        )
      END + ROW_NUMBER() OVER (
        ORDER BY (
          `cs_prev`.`own_id` IS NULL AND `cs_status`.`__status` = 'loaded'
        ) DESC, `cs_status`.`__row` NULLS LAST, `cs_status`.`__slot` NULLS LAST
      )
    END
  ) AS `__own_id`
FROM `cs_status`
LEFT JOIN `chartshift`.`xwalk__emr__coverage` AS `cs_prev`
  ON `cs_prev`.`legacy_key` = `cs_status`.`__key`;

-- specs/two_systems.mig:387: sysB.coverage -> emr.coverage: rejected rows with the first rule that failed
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
  'sysB.coverage -> emr.coverage',
  'sysB.coverage',
  CAST((
    `w`.`s__coverage__ins_id`
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
    THEN 'reject:397'
    WHEN 5
    THEN 'reject:398'
    WHEN 6
    THEN 'not null:emr.coverage.patient_id'
    WHEN 7
    THEN 'not null:emr.coverage.payer_name'
    WHEN 8
    THEN 'length:emr.coverage.payer_name'
    WHEN 9
    THEN 'not null:emr.coverage.payer_type'
    WHEN 10
    THEN 'length:emr.coverage.payer_type'
    WHEN 11
    THEN 'length:emr.coverage.member_id'
    WHEN 12
    THEN 'not null:emr.coverage.priority'
    WHEN 13
    THEN 'check:emr.coverage.priority'
    WHEN 14
    THEN 'duplicate key'
  END,
  CASE `w`.`__rule`
    WHEN 1
    THEN 'value does not fit the source column type'
    WHEN 2
    THEN 'ambiguous match (' || CAST((
      `w`.`__n__i`
    ) AS STRING) || ' rows of sysB.insco)'
    WHEN 3
    THEN 'missing legacy key'
    WHEN 4
    THEN 'coverage for unknown patient'
    WHEN 5
    THEN 'unknown payer plan'
    WHEN 6
    THEN 'patient_id is required but empty'
    WHEN 7
    THEN 'payer_name is required but empty'
    WHEN 8
    THEN 'payer_name is longer than 100 characters'
    WHEN 9
    THEN 'payer_type is required but empty'
    WHEN 10
    THEN 'payer_type is longer than 20 characters'
    WHEN 11
    THEN 'member_id is longer than 30 characters'
    WHEN 12
    THEN 'priority is required but empty'
    WHEN 13
    THEN 'priority fails its check constraint'
    WHEN 14
    THEN 'duplicate legacy key (an earlier row has the same key)'
  END,
  TO_JSON(
    NAMED_STRUCT(
      'ins_id',
      `r`.`ins_id`,
      'client_id',
      `r`.`client_id`,
      'payer_cd',
      `r`.`payer_cd`,
      'plan_cd',
      `r`.`plan_cd`,
      'member_no',
      `r`.`member_no`,
      'cob_seq',
      `r`.`cob_seq`,
      'from_dt',
      `r`.`from_dt`,
      'thru_dt',
      `r`.`thru_dt`
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
    THEN 'reject'
    WHEN 6
    THEN 'not_null'
    WHEN 7
    THEN 'not_null'
    WHEN 8
    THEN 'too_long'
    WHEN 9
    THEN 'not_null'
    WHEN 10
    THEN 'too_long'
    WHEN 11
    THEN 'too_long'
    WHEN 12
    THEN 'not_null'
    WHEN 13
    THEN 'check_failed'
    WHEN 14
    THEN 'duplicate_key'
  END
FROM `chartshift`.`cs_work__emr__coverage` AS `w`
JOIN `chartshift_stage`.`sysB__coverage` AS `r`
  ON `r`.`__row` = `w`.`__row`
WHERE
  `w`.`__status` = 'rejected'
ORDER BY
  `w`.`__row` NULLS LAST,
  `w`.`__slot` NULLS LAST;

-- specs/two_systems.mig:389: crosswalk emr.coverage: loaded keys with their ids, merged keys pointing at their survivor's id
INSERT INTO `chartshift`.`xwalk__emr__coverage__cs_new` (
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
FROM `chartshift`.`cs_work__emr__coverage` AS `w`
WHERE
  `w`.`__status` IN ('loaded', 'merged');

-- specs/two_systems.mig:389: crosswalk emr.coverage: keys not loaded by this run stay, inactive, with their ids
INSERT INTO `chartshift`.`xwalk__emr__coverage__cs_new` (
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
FROM `chartshift`.`xwalk__emr__coverage` AS `p`
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM `chartshift`.`xwalk__emr__coverage__cs_new`
    WHERE
      `xwalk__emr__coverage__cs_new`.`legacy_key` = `p`.`legacy_key`
  );

-- specs/two_systems.mig:387: sysB.coverage -> emr.coverage: load the surviving rows
INSERT INTO `emr`.`coverage__cs_new` (
  `id`,
  `patient_id`,
  `payer_name`,
  `payer_type`,
  `member_id`,
  `priority`,
  `start_date`,
  `end_date`
)
SELECT
  CAST(`w`.`__own_id` AS BIGINT),
  CAST(`w`.`f__patient_id` AS BIGINT),
  CAST(`w`.`f__payer_name` AS VARCHAR(100)),
  CAST(`w`.`f__payer_type` AS VARCHAR(20)),
  CAST(`w`.`f__member_id` AS VARCHAR(30)),
  CAST(`w`.`f__priority` AS INT),
  CAST(`w`.`f__start_date` AS DATE),
  CAST(`w`.`f__end_date` AS DATE)
FROM `chartshift`.`cs_work__emr__coverage` AS `w`
WHERE
  `w`.`__status` = 'loaded';

-- specs/two_systems.mig:387: sysB.coverage -> emr.coverage: accounting identity: source rows = loaded + rejected + filtered + merged + aggregated
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
  'sysB.coverage -> emr.coverage',
  'sysB.coverage',
  'emr.coverage',
  (
    SELECT
      COUNT(*)
    FROM `sysB`.`coverage`
  ),
  (
    SELECT
      COUNT(*)
    FROM `emr`.`coverage__cs_new`
  ) - (
    SELECT
      COALESCE(SUM(`loaded`), 0)
    FROM `chartshift`.`reconciliation__cs_new`
    WHERE
      `target_table` = 'emr.coverage'
  ),
  (
    SELECT
      COUNT(*)
    FROM `chartshift`.`rejects__cs_new`
    WHERE
      `map` = 'sysB.coverage -> emr.coverage'
  ),
  0,
  0,
  0;

-- specs/two_systems.mig:387: sysB.coverage -> emr.coverage: work table no longer needed
DROP TABLE IF EXISTS `chartshift`.`cs_work__emr__coverage`;

