-- chartshift 0.1.0 | dialect spark
-- spec specs/two_systems.mig sha256 76eeb791ddfc46d4013247302076b35042796b3181d91a47e7b0e553ee1643b2
-- 20_16_emr_charge_line: map sysB.charges -> emr.charge_line
-- Generated file: do not edit. Regenerate with `chartshift compile specs/two_systems.mig`.


-- specs/two_systems.mig:529: work table left by an earlier run
DROP TABLE IF EXISTS `chartshift`.`cs_work__emr__charge_line`;

-- specs/two_systems.mig:529: sysB.charges -> emr.charge_line: every kept row with its fields and status
CREATE TABLE `chartshift`.`cs_work__emr__charge_line` AS
WITH `cs_in` AS (
  SELECT
    `cs_raw`.*,
    ROW_NUMBER() OVER (PARTITION BY `cs_raw`.`__row` ORDER BY `cs_raw`.`j__m__row` NULLS LAST) AS `__match`,
    ROW_NUMBER() OVER (ORDER BY `cs_raw`.`__row` NULLS LAST, `cs_raw`.`j__m__row` NULLS LAST) AS `__ord`,
    1 AS `__slot`
  FROM (
    SELECT
      `charges`.`__row` AS `__row`,
      `charges`.`__cast_error` AS `__cast_error`,
      `charges`.`charge_id` AS `s__charges__charge_id`,
      `charges`.`appt_id` AS `s__charges__appt_id`,
      `charges`.`proc_code` AS `s__charges__proc_code`,
      `charges`.`qty` AS `s__charges__qty`,
      `charges`.`fee` AS `s__charges__fee`,
      `m`.`proc_code` AS `s__m__proc_code`,
      `m`.`line` AS `s__m__line`,
      `m`.`cpt` AS `s__m__cpt`,
      `m`.`units_per_qty` AS `s__m__units_per_qty`,
      `m`.`fee_pct` AS `s__m__fee_pct`,
      `m`.`__row` AS `j__m__row`
    FROM `sysB`.`charges` AS `charges`
    LEFT JOIN `sysB`.`procmap` AS `m`
      ON (
        `m`.`proc_code`
      ) = (
        ARRAY_JOIN(
          TRANSFORM(
            SPLIT(TRIM(BOTH ' ' FROM `charges`.`proc_code`), 'ß', -1),
            `_cs_part` -> UPPER(_cs_part)
          ),
          'ß'
        )
      )
  ) AS `cs_raw`
), `cs_fields` AS (
  SELECT
    `cs_in`.*,
    `cs_ref1`.`target_id` AS `f__encounter_id`,
    ROW_NUMBER() OVER (
      PARTITION BY `cs_in`.`s__charges__appt_id`
      ORDER BY `cs_in`.`s__charges__charge_id` ASC NULLS LAST, `cs_in`.`s__m__line` ASC NULLS LAST, CAST((
        'sysB.charges'
      ) AS STRING) || '|' || CAST((
        `cs_in`.`s__charges__charge_id`
      ) AS STRING) || '|' || CAST((
        COALESCE(`cs_in`.`s__m__line`, 0)
      ) AS STRING) NULLS LAST, `cs_in`.`__ord` NULLS LAST
    ) AS `f__line_no`,
    `cs_in`.`s__m__cpt` AS `f__cpt`,
    (
      CAST(REGEXP_REPLACE(
        REPLACE(
          REPLACE(
            CASE
              WHEN TRIM(BOTH ' ' FROM `cs_in`.`s__charges__qty`) RLIKE '^(?:[+\\-]?(?:[0-9]{1,18}|[0-9]{1,3}(?:,[0-9]{3}){1,5})(?:\\.0+)?)\\z'
              THEN TRIM(BOTH ' ' FROM `cs_in`.`s__charges__qty`)
            END,
            ',',
            ''
          ),
          '+',
          ''
        ),
        '\\.0+\\z',
        ''
      ) AS BIGINT)
    ) * (
      `cs_in`.`s__m__units_per_qty`
    ) AS `f__units`,
    CAST((
      (
        CAST(REPLACE(
          REGEXP_REPLACE(
            REGEXP_REPLACE(
              CASE
                WHEN TRIM(BOTH ' ' FROM `cs_in`.`s__charges__fee`) RLIKE '^(?:\\$?[ \\t\\n\\r\\f]*\\([ \\t\\n\\r\\f]*\\$?[ \\t\\n\\r\\f]*(?:(?:[0-9]{1,28}|[0-9]{1,3}(?:,[0-9]{3}){1,8})(?:\\.[0-9]+)?|\\.[0-9]+)[ \\t\\n\\r\\f]*\\)|-[ \\t\\n\\r\\f]*\\$?[ \\t\\n\\r\\f]*(?:(?:[0-9]{1,28}|[0-9]{1,3}(?:,[0-9]{3}){1,8})(?:\\.[0-9]+)?|\\.[0-9]+)|\\$[ \\t\\n\\r\\f]*-[ \\t\\n\\r\\f]*(?:(?:[0-9]{1,28}|[0-9]{1,3}(?:,[0-9]{3}){1,8})(?:\\.[0-9]+)?|\\.[0-9]+)|\\$?[ \\t\\n\\r\\f]*(?:(?:[0-9]{1,28}|[0-9]{1,3}(?:,[0-9]{3}){1,8})(?:\\.[0-9]+)?|\\.[0-9]+)[ \\t\\n\\r\\f]*-|\\+?[ \\t\\n\\r\\f]*\\$?[ \\t\\n\\r\\f]*(?:(?:[0-9]{1,28}|[0-9]{1,3}(?:,[0-9]{3}){1,8})(?:\\.[0-9]+)?|\\.[0-9]+))\\z'
                THEN TRIM(BOTH ' ' FROM `cs_in`.`s__charges__fee`)
              END,
              '[$ \\t\\n\\r\\f,+)]',
              ''
            ),
            '^([0-9.]+)-\\z',
            '-$1'
          ),
          '(',
          '-'
        ) AS DECIMAL(38, 2))
      ) * (
        `cs_in`.`s__m__fee_pct`
      )
    ) AS DECIMAL(18, 4)) / (
      100
    ) AS `f__amount`,
    CAST((
      'sysB.charges'
    ) AS STRING) || '|' || CAST((
      `cs_in`.`s__charges__charge_id`
    ) AS STRING) || '|' || CAST((
      COALESCE(`cs_in`.`s__m__line`, 0)
    ) AS STRING) AS `__key`
  FROM `cs_in`
  LEFT JOIN `chartshift`.`xwalk__emr__encounter__cs_new` AS `cs_ref1`
    ON `cs_ref1`.`legacy_key` = CAST((
      'sysB.appts'
    ) AS STRING) || '|' || CAST((
      `cs_in`.`s__charges__appt_id`
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
          `cs_fields`.`f__encounter_id`
        ) IS NULL
      ), FALSE)
      THEN 3
      WHEN COALESCE((
        (
          `cs_fields`.`f__cpt`
        ) IS NULL
      ), FALSE)
      THEN 4
      WHEN COALESCE(
        (
          (
            (
              `cs_fields`.`f__units`
            ) IS NULL
          )
          OR (
            NOT (
              (
                `cs_fields`.`f__units`
              ) BETWEEN 1 AND 8
            )
          )
        ),
        FALSE
      )
      THEN 5
      WHEN `cs_fields`.`f__encounter_id` IS NULL
      THEN 6
      WHEN `cs_fields`.`f__line_no` IS NULL
      THEN 7
      WHEN `cs_fields`.`f__cpt` IS NULL
      THEN 8
      WHEN LENGTH(CAST(`cs_fields`.`f__cpt` AS STRING)) > 5
      THEN 9
      WHEN `cs_fields`.`f__units` IS NULL
      THEN 10
      WHEN NOT COALESCE((
        (
          `cs_fields`.`f__units`
        ) BETWEEN 1 AND 8
      ), TRUE)
      THEN 11
      WHEN ABS(`cs_fields`.`f__amount`) >= 100000000
      THEN 12
      WHEN NOT `cs_dups`.`first_row` IS NULL AND `cs_fields`.`__ord` > `cs_dups`.`first_row`
      THEN 13
    END AS `__rule`
  FROM `cs_fields`
  LEFT JOIN (
    SELECT
      `cs_fields`.`__key` AS `__k1`,
      MIN(`cs_fields`.`__ord`) AS `first_row`
    FROM `cs_fields`
    GROUP BY
      `cs_fields`.`__key`
    HAVING
      COUNT(*) > 1
  ) AS `cs_dups`
    ON `cs_dups`.`__k1` = `cs_fields`.`__key`
), `cs_status` AS (
  SELECT
    `cs_rules`.`__row`,
    `cs_rules`.`__slot`,
    `cs_rules`.`__key`,
    `cs_rules`.`__rule`,
    `cs_rules`.`__ord`,
    `cs_rules`.`f__encounter_id`,
    `cs_rules`.`f__line_no`,
    `cs_rules`.`f__cpt`,
    `cs_rules`.`f__units`,
    `cs_rules`.`f__amount`,
    `cs_rules`.`s__charges__charge_id`,
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
          FROM `chartshift`.`xwalk__emr__charge_line__cs_new`
        ) > (
          SELECT
            COALESCE(MAX(`own_id`), 0)
          FROM `chartshift`.`xwalk__emr__charge_line`
        )
        THEN (
          SELECT
            COALESCE(MAX(`own_id`), 0)
          FROM `chartshift`.`xwalk__emr__charge_line__cs_new`
        )
        ELSE (
          SELECT
            COALESCE(MAX(`own_id`), 0)
          FROM `chartshift`.`xwalk__emr__charge_line`
        )
      END + ROW_NUMBER() OVER (
        ORDER BY (
          `cs_prev`.`own_id` IS NULL AND `cs_status`.`__status` = 'loaded'
        ) DESC, `cs_status`.`__ord` NULLS LAST, `cs_status`.`__slot` NULLS LAST
      )
    END
  ) AS `__own_id`
FROM `cs_status`
LEFT JOIN `chartshift`.`xwalk__emr__charge_line` AS `cs_prev`
  ON `cs_prev`.`legacy_key` = `cs_status`.`__key`;

-- specs/two_systems.mig:529: sysB.charges -> emr.charge_line: rejected rows with the first rule that failed
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
  'sysB.charges -> emr.charge_line',
  'sysB.charges',
  CAST((
    `w`.`s__charges__charge_id`
  ) AS STRING),
  `w`.`__slot`,
  `w`.`__row`,
  CASE `w`.`__rule`
    WHEN 1
    THEN 'cast'
    WHEN 2
    THEN 'key'
    WHEN 3
    THEN 'reject:537'
    WHEN 4
    THEN 'reject:538'
    WHEN 5
    THEN 'reject:539'
    WHEN 6
    THEN 'not null:emr.charge_line.encounter_id'
    WHEN 7
    THEN 'not null:emr.charge_line.line_no'
    WHEN 8
    THEN 'not null:emr.charge_line.cpt'
    WHEN 9
    THEN 'length:emr.charge_line.cpt'
    WHEN 10
    THEN 'not null:emr.charge_line.units'
    WHEN 11
    THEN 'check:emr.charge_line.units'
    WHEN 12
    THEN 'range:emr.charge_line.amount'
    WHEN 13
    THEN 'duplicate key'
  END,
  CASE `w`.`__rule`
    WHEN 1
    THEN 'value does not fit the source column type'
    WHEN 2
    THEN 'missing legacy key'
    WHEN 3
    THEN 'charge for rejected visit'
    WHEN 4
    THEN 'unknown procedure code'
    WHEN 5
    THEN 'invalid units'
    WHEN 6
    THEN 'encounter_id is required but empty'
    WHEN 7
    THEN 'line_no is required but empty'
    WHEN 8
    THEN 'cpt is required but empty'
    WHEN 9
    THEN 'cpt is longer than 5 characters'
    WHEN 10
    THEN 'units is required but empty'
    WHEN 11
    THEN 'units fails its check constraint'
    WHEN 12
    THEN 'amount does not fit decimal(10,2)'
    WHEN 13
    THEN 'duplicate legacy key (an earlier row has the same key)'
  END,
  TO_JSON(
    NAMED_STRUCT(
      'charge_id',
      `r`.`charge_id`,
      'appt_id',
      `r`.`appt_id`,
      'proc_code',
      `r`.`proc_code`,
      'qty',
      `r`.`qty`,
      'fee',
      `r`.`fee`
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
    THEN 'reject'
    WHEN 5
    THEN 'reject'
    WHEN 6
    THEN 'not_null'
    WHEN 7
    THEN 'not_null'
    WHEN 8
    THEN 'not_null'
    WHEN 9
    THEN 'too_long'
    WHEN 10
    THEN 'not_null'
    WHEN 11
    THEN 'check_failed'
    WHEN 12
    THEN 'out_of_range'
    WHEN 13
    THEN 'duplicate_key'
  END
FROM `chartshift`.`cs_work__emr__charge_line` AS `w`
JOIN `chartshift_stage`.`sysB__charges` AS `r`
  ON `r`.`__row` = `w`.`__row`
WHERE
  `w`.`__status` = 'rejected'
ORDER BY
  `w`.`__row` NULLS LAST,
  `w`.`__slot` NULLS LAST;

-- specs/two_systems.mig:531: crosswalk emr.charge_line: loaded keys with their ids, merged keys pointing at their survivor's id
INSERT INTO `chartshift`.`xwalk__emr__charge_line__cs_new` (
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
FROM `chartshift`.`cs_work__emr__charge_line` AS `w`
WHERE
  `w`.`__status` IN ('loaded', 'merged');

-- specs/two_systems.mig:531: crosswalk emr.charge_line: keys not loaded by this run stay, inactive, with their ids
INSERT INTO `chartshift`.`xwalk__emr__charge_line__cs_new` (
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
FROM `chartshift`.`xwalk__emr__charge_line` AS `p`
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM `chartshift`.`xwalk__emr__charge_line__cs_new`
    WHERE
      `xwalk__emr__charge_line__cs_new`.`legacy_key` = `p`.`legacy_key`
  );

-- specs/two_systems.mig:529: sysB.charges -> emr.charge_line: load the surviving rows
INSERT INTO `emr`.`charge_line__cs_new` (
  `id`,
  `encounter_id`,
  `line_no`,
  `cpt`,
  `units`,
  `amount`
)
SELECT
  CAST(`w`.`__own_id` AS BIGINT),
  CAST(`w`.`f__encounter_id` AS BIGINT),
  CAST(`w`.`f__line_no` AS INT),
  CAST(`w`.`f__cpt` AS VARCHAR(5)),
  CAST(`w`.`f__units` AS INT),
  CAST(`w`.`f__amount` AS DECIMAL(10, 2))
FROM `chartshift`.`cs_work__emr__charge_line` AS `w`
WHERE
  `w`.`__status` = 'loaded';

-- specs/two_systems.mig:529: sysB.charges -> emr.charge_line: accounting identity: source rows = loaded + rejected + filtered + merged + aggregated
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
  'sysB.charges -> emr.charge_line',
  'sysB.charges',
  'emr.charge_line',
  (
    SELECT
      COUNT(*)
    FROM (
      SELECT
        `cs_raw`.*,
        ROW_NUMBER() OVER (PARTITION BY `cs_raw`.`__row` ORDER BY `cs_raw`.`j__m__row` NULLS LAST) AS `__match`,
        ROW_NUMBER() OVER (ORDER BY `cs_raw`.`__row` NULLS LAST, `cs_raw`.`j__m__row` NULLS LAST) AS `__ord`,
        1 AS `__slot`
      FROM (
        SELECT
          `charges`.`__row` AS `__row`,
          `charges`.`__cast_error` AS `__cast_error`,
          `charges`.`charge_id` AS `s__charges__charge_id`,
          `charges`.`appt_id` AS `s__charges__appt_id`,
          `charges`.`proc_code` AS `s__charges__proc_code`,
          `charges`.`qty` AS `s__charges__qty`,
          `charges`.`fee` AS `s__charges__fee`,
          `m`.`proc_code` AS `s__m__proc_code`,
          `m`.`line` AS `s__m__line`,
          `m`.`cpt` AS `s__m__cpt`,
          `m`.`units_per_qty` AS `s__m__units_per_qty`,
          `m`.`fee_pct` AS `s__m__fee_pct`,
          `m`.`__row` AS `j__m__row`
        FROM `sysB`.`charges` AS `charges`
        LEFT JOIN `sysB`.`procmap` AS `m`
          ON (
            `m`.`proc_code`
          ) = (
            ARRAY_JOIN(
              TRANSFORM(
                SPLIT(TRIM(BOTH ' ' FROM `charges`.`proc_code`), 'ß', -1),
                `_cs_part` -> UPPER(_cs_part)
              ),
              'ß'
            )
          )
      ) AS `cs_raw`
    ) AS `cs_in`
  ),
  (
    SELECT
      COUNT(*)
    FROM `emr`.`charge_line__cs_new`
  ) - (
    SELECT
      COALESCE(SUM(`loaded`), 0)
    FROM `chartshift`.`reconciliation__cs_new`
    WHERE
      `target_table` = 'emr.charge_line'
  ),
  (
    SELECT
      COUNT(*)
    FROM `chartshift`.`rejects__cs_new`
    WHERE
      `map` = 'sysB.charges -> emr.charge_line'
  ),
  0,
  0,
  0;

-- specs/two_systems.mig:529: sysB.charges -> emr.charge_line: work table no longer needed
DROP TABLE IF EXISTS `chartshift`.`cs_work__emr__charge_line`;

