-- chartshift 0.1.0 | dialect mysql
-- spec tests/conformance/specs/union.mig sha256 f4f0c7f749348819348be7759974b473787842de922cd53ed8b7f2409529b83d
-- 20_05_emr_contact: map sysB.people -> emr.contact
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/union.mig`.


-- tests/conformance/specs/union.mig:75: work table left by an earlier run
DROP TABLE IF EXISTS `chartshift__cs_work__emr__contact`;

-- tests/conformance/specs/union.mig:75: sysB.people -> emr.contact: every kept row with its fields and status
CREATE TABLE `chartshift__cs_work__emr__contact` AS
WITH `cs_in` AS (
  SELECT
    *
  FROM (
    SELECT
      `people`.`__row` AS `__row`,
      `people`.`__cast_error` AS `__cast_error`,
      `people`.`person_id` AS `s__people__person_id`,
      `people`.`phone1` AS `s__people__phone1`,
      `people`.`phone2` AS `s__people__phone2`,
      CASE `cs_slots`.`n` WHEN 1 THEN `people`.`phone1` WHEN 2 THEN `people`.`phone2` END AS `e__p`,
      `cs_slots`.`n` AS `__slot`
    FROM `sysB__people` AS `people`
    CROSS JOIN (
      SELECT
        1 AS `n`
      UNION ALL
      SELECT
        2 AS `n`
    ) AS `cs_slots`
  ) AS `cs_in`
  WHERE
    COALESCE(
      (
        (
          NOT (
            NULLIF(
              CAST(TRIM(BOTH ' ' FROM `cs_in`.`e__p`) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
              ''
            )
          ) IS NULL
        )
      ),
      FALSE
    )
), `cs_fields` AS (
  SELECT
    `cs_in`.*,
    CONCAT_WS('', 'B-', `cs_in`.`s__people__person_id`, '-', `cs_in`.`__slot`) AS `f__code`,
    TRIM(BOTH ' ' FROM `cs_in`.`e__p`) AS `f__phone`,
    CAST(CONCAT(
      CAST((
        'sysB.people'
      ) AS CHAR),
      '|',
      CAST((
        `cs_in`.`s__people__person_id`
      ) AS CHAR),
      '|',
      CAST((
        `cs_in`.`__slot`
      ) AS CHAR)
    ) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin AS `__key`
  FROM `cs_in`
), `cs_rules` AS (
  SELECT
    `cs_fields`.*,
    CASE
      WHEN NOT `cs_fields`.`__cast_error` IS NULL
      THEN 1
      WHEN `cs_fields`.`__key` IS NULL
      THEN 2
      WHEN `cs_fields`.`f__code` IS NULL
      THEN 3
      WHEN CHAR_LENGTH(CAST(`cs_fields`.`f__code` AS CHAR)) > 30
      THEN 4
      WHEN `cs_fields`.`f__phone` IS NULL
      THEN 5
      WHEN CHAR_LENGTH(CAST(`cs_fields`.`f__phone` AS CHAR)) > 12
      THEN 6
      WHEN NOT `cs_dups`.`first_row` IS NULL
      AND `cs_fields`.`__row` * 2 + `cs_fields`.`__slot` > `cs_dups`.`first_row`
      THEN 7
    END AS `__rule`
  FROM `cs_fields`
  LEFT JOIN (
    SELECT
      `cs_fields`.`s__people__person_id` AS `__k1`,
      `cs_fields`.`__slot` AS `__k2`,
      MIN(`cs_fields`.`__row` * 2 + `cs_fields`.`__slot`) AS `first_row`
    FROM `cs_fields`
    GROUP BY
      `cs_fields`.`s__people__person_id`,
      `cs_fields`.`__slot`
    HAVING
      COUNT(*) > 1
  ) AS `cs_dups`
    ON `cs_dups`.`__k1` = `cs_fields`.`s__people__person_id`
    AND `cs_dups`.`__k2` = `cs_fields`.`__slot`
)
SELECT
  `cs_rules`.`__row`,
  `cs_rules`.`__slot`,
  `cs_rules`.`__key`,
  `cs_rules`.`__rule`,
  `cs_rules`.`f__code`,
  `cs_rules`.`f__phone`,
  `cs_rules`.`s__people__person_id`,
  CASE WHEN NOT `cs_rules`.`__rule` IS NULL THEN 'rejected' ELSE 'loaded' END AS `__status`
FROM `cs_rules`;

-- tests/conformance/specs/union.mig:75: sysB.people -> emr.contact: rejected rows with the first rule that failed
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
  'sysB.people -> emr.contact',
  'sysB.people',
  CAST(CAST((
    `w`.`s__people__person_id`
  ) AS CHAR) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
  `w`.`__slot`,
  `w`.`__row`,
  CASE `w`.`__rule`
    WHEN 1
    THEN 'cast'
    WHEN 2
    THEN 'key'
    WHEN 3
    THEN 'not null:emr.contact.code'
    WHEN 4
    THEN 'length:emr.contact.code'
    WHEN 5
    THEN 'not null:emr.contact.phone'
    WHEN 6
    THEN 'length:emr.contact.phone'
    WHEN 7
    THEN 'duplicate key'
  END,
  CASE `w`.`__rule`
    WHEN 1
    THEN 'value does not fit the source column type'
    WHEN 2
    THEN 'missing legacy key'
    WHEN 3
    THEN 'code is required but empty'
    WHEN 4
    THEN 'code is longer than 30 characters'
    WHEN 5
    THEN 'phone is required but empty'
    WHEN 6
    THEN 'phone is longer than 12 characters'
    WHEN 7
    THEN 'duplicate legacy key (an earlier row has the same key)'
  END,
  CAST(JSON_OBJECT(
    'person_id',
    `r`.`person_id`,
    'full_name',
    `r`.`full_name`,
    'email',
    `r`.`email`,
    'phone1',
    `r`.`phone1`,
    'phone2',
    `r`.`phone2`
  ) AS CHAR),
  CASE `w`.`__rule`
    WHEN 1
    THEN 'cast'
    WHEN 2
    THEN 'missing_key'
    WHEN 3
    THEN 'not_null'
    WHEN 4
    THEN 'too_long'
    WHEN 5
    THEN 'not_null'
    WHEN 6
    THEN 'too_long'
    WHEN 7
    THEN 'duplicate_key'
  END
FROM `chartshift__cs_work__emr__contact` AS `w`
JOIN `chartshift_stage__sysB__people` AS `r`
  ON `r`.`__row` = `w`.`__row`
WHERE
  `w`.`__status` = 'rejected'
ORDER BY
  CASE WHEN `w`.`__row` IS NULL THEN 1 ELSE 0 END, `w`.`__row`,
  CASE WHEN `w`.`__slot` IS NULL THEN 1 ELSE 0 END, `w`.`__slot`;

-- tests/conformance/specs/union.mig:75: sysB.people -> emr.contact: load the surviving rows
INSERT INTO `emr__contact__cs_new` (
  `code`,
  `phone`
)
SELECT
  CAST(`w`.`f__code` AS CHAR(30)),
  CAST(`w`.`f__phone` AS CHAR(12))
FROM `chartshift__cs_work__emr__contact` AS `w`
WHERE
  `w`.`__status` = 'loaded';

-- tests/conformance/specs/union.mig:75: sysB.people -> emr.contact: accounting identity: source rows = loaded + rejected + filtered + merged + aggregated
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
  'sysB.people -> emr.contact',
  'sysB.people',
  'emr.contact',
  (
    SELECT
      COUNT(*)
    FROM `sysB__people`
  ) * 2,
  (
    SELECT
      COUNT(*)
    FROM `emr__contact__cs_new`
  ) - (
    SELECT
      COALESCE(SUM(`loaded`), 0)
    FROM `chartshift__reconciliation__cs_new`
    WHERE
      `target_table` = 'emr.contact'
  ),
  (
    SELECT
      COUNT(*)
    FROM `chartshift__rejects__cs_new`
    WHERE
      `map` = 'sysB.people -> emr.contact'
  ),
  (
    SELECT
      COUNT(*)
    FROM (
      SELECT
        `people`.`__row` AS `__row`,
        `people`.`__cast_error` AS `__cast_error`,
        `people`.`person_id` AS `s__people__person_id`,
        `people`.`phone1` AS `s__people__phone1`,
        `people`.`phone2` AS `s__people__phone2`,
        CASE `cs_slots`.`n` WHEN 1 THEN `people`.`phone1` WHEN 2 THEN `people`.`phone2` END AS `e__p`,
        `cs_slots`.`n` AS `__slot`
      FROM `sysB__people` AS `people`
      CROSS JOIN (
        SELECT
          1 AS `n`
        UNION ALL
        SELECT
          2 AS `n`
      ) AS `cs_slots`
    ) AS `cs_in`
    WHERE
      NOT COALESCE(
        (
          (
            NOT (
              NULLIF(
                CAST(TRIM(BOTH ' ' FROM `cs_in`.`e__p`) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
                ''
              )
            ) IS NULL
          )
        ),
        FALSE
      )
  ),
  0,
  0;

-- tests/conformance/specs/union.mig:75: sysB.people -> emr.contact: work table no longer needed
DROP TABLE IF EXISTS `chartshift__cs_work__emr__contact`;

