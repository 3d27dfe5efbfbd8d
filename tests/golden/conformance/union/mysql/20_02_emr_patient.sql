-- chartshift 0.1.0 | dialect mysql
-- spec tests/conformance/specs/union.mig sha256 f4f0c7f749348819348be7759974b473787842de922cd53ed8b7f2409529b83d
-- 20_02_emr_patient: map sysB.people -> emr.patient
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/union.mig`.


-- tests/conformance/specs/union.mig:54: work table left by an earlier run
DROP TABLE IF EXISTS `chartshift__cs_work__emr__patient`;

-- tests/conformance/specs/union.mig:54: sysB.people -> emr.patient: every kept row with its fields and status
CREATE TABLE `chartshift__cs_work__emr__patient` AS
WITH `cs_in` AS (
  SELECT
    `people`.`__row` AS `__row`,
    `people`.`__cast_error` AS `__cast_error`,
    `people`.`person_id` AS `s__people__person_id`,
    `people`.`full_name` AS `s__people__full_name`,
    `people`.`email` AS `s__people__email`,
    1 AS `__slot`
  FROM `sysB__people` AS `people`
), `cs_fields` AS (
  SELECT
    `cs_in`.*,
    'B' AS `f__origin`,
    UPPER(TRIM(BOTH ' ' FROM `cs_in`.`s__people__full_name`)) AS `f__name`,
    LOWER(TRIM(BOTH ' ' FROM `cs_in`.`s__people__email`)) AS `f__email`,
    CAST(CONCAT(
      CAST((
        'sysB.people'
      ) AS CHAR),
      '|',
      CAST((
        `cs_in`.`s__people__person_id`
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
      WHEN COALESCE((
        (
          `cs_fields`.`f__email`
        ) IS NULL
      ), FALSE)
      THEN 3
      WHEN `cs_fields`.`f__origin` IS NULL
      THEN 4
      WHEN CHAR_LENGTH(CAST(`cs_fields`.`f__origin` AS CHAR)) > 4
      THEN 5
      WHEN `cs_fields`.`f__name` IS NULL
      THEN 6
      WHEN CHAR_LENGTH(CAST(`cs_fields`.`f__name` AS CHAR)) > 20
      THEN 7
      WHEN NOT `cs_dups`.`first_row` IS NULL AND `cs_fields`.`__row` > `cs_dups`.`first_row`
      THEN 8
    END AS `__rule`
  FROM `cs_fields`
  LEFT JOIN (
    SELECT
      `cs_fields`.`s__people__person_id` AS `__k1`,
      MIN(`cs_fields`.`__row`) AS `first_row`
    FROM `cs_fields`
    GROUP BY
      `cs_fields`.`s__people__person_id`
    HAVING
      COUNT(*) > 1
  ) AS `cs_dups`
    ON `cs_dups`.`__k1` = `cs_fields`.`s__people__person_id`
), `cs_status` AS (
  SELECT
    `cs_rules`.`__row`,
    `cs_rules`.`__slot`,
    `cs_rules`.`__key`,
    `cs_rules`.`__rule`,
    `cs_rules`.`f__origin`,
    `cs_rules`.`f__name`,
    `cs_rules`.`f__email`,
    `cs_rules`.`s__people__person_id`,
    CASE
      WHEN NOT `cs_rules`.`__rule` IS NULL
      THEN 'rejected'
      WHEN ROW_NUMBER() OVER (
        PARTITION BY (
          `cs_rules`.`__rule` IS NULL
        ), `cs_rules`.`f__email`, CASE WHEN (
          `cs_rules`.`f__email`
        ) IS NULL THEN `cs_rules`.`__key` END
        ORDER BY CASE WHEN CAST(`cs_rules`.`f__name` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin IS NULL THEN 1 ELSE 0 END, CAST(`cs_rules`.`f__name` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin ASC, CASE WHEN `cs_rules`.`__key` IS NULL THEN 1 ELSE 0 END, `cs_rules`.`__key`
      ) > 1
      THEN 'merged'
      ELSE 'loaded'
    END AS `__status`,
    FIRST_VALUE(`cs_rules`.`__key`) OVER (
      PARTITION BY (
        `cs_rules`.`__rule` IS NULL
      ), `cs_rules`.`f__email`, CASE WHEN (
        `cs_rules`.`f__email`
      ) IS NULL THEN `cs_rules`.`__key` END
      ORDER BY CASE WHEN CAST(`cs_rules`.`f__name` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin IS NULL THEN 1 ELSE 0 END, CAST(`cs_rules`.`f__name` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin ASC, CASE WHEN `cs_rules`.`__key` IS NULL THEN 1 ELSE 0 END, `cs_rules`.`__key`
    ) AS `__survivor_key`
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
          FROM `chartshift__xwalk__emr__patient__cs_new`
        ) > (
          SELECT
            COALESCE(MAX(`own_id`), 0)
          FROM `chartshift__xwalk__emr__patient`
        )
        THEN (
          SELECT
            COALESCE(MAX(`own_id`), 0)
          FROM `chartshift__xwalk__emr__patient__cs_new`
        )
        ELSE (
          SELECT
            COALESCE(MAX(`own_id`), 0)
          FROM `chartshift__xwalk__emr__patient`
        )
      END + ROW_NUMBER() OVER (
        ORDER BY (
          `cs_prev`.`own_id` IS NULL AND `cs_status`.`__status` = 'loaded'
        ) DESC, CASE WHEN `cs_status`.`__row` IS NULL THEN 1 ELSE 0 END, `cs_status`.`__row`, CASE WHEN `cs_status`.`__slot` IS NULL THEN 1 ELSE 0 END, `cs_status`.`__slot`
      )
    END
  ) AS `__own_id`
FROM `cs_status`
LEFT JOIN `chartshift__xwalk__emr__patient` AS `cs_prev`
  ON `cs_prev`.`legacy_key` = `cs_status`.`__key`;

-- tests/conformance/specs/union.mig:54: sysB.people -> emr.patient: rejected rows with the first rule that failed
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
  'sysB.people -> emr.patient',
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
    THEN 'reject:59'
    WHEN 4
    THEN 'not null:emr.patient.origin'
    WHEN 5
    THEN 'length:emr.patient.origin'
    WHEN 6
    THEN 'not null:emr.patient.name'
    WHEN 7
    THEN 'length:emr.patient.name'
    WHEN 8
    THEN 'duplicate key'
  END,
  CASE `w`.`__rule`
    WHEN 1
    THEN 'value does not fit the source column type'
    WHEN 2
    THEN 'missing legacy key'
    WHEN 3
    THEN 'no e-mail'
    WHEN 4
    THEN 'origin is required but empty'
    WHEN 5
    THEN 'origin is longer than 4 characters'
    WHEN 6
    THEN 'name is required but empty'
    WHEN 7
    THEN 'name is longer than 20 characters'
    WHEN 8
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
    THEN 'duplicate_key'
  END
FROM `chartshift__cs_work__emr__patient` AS `w`
JOIN `chartshift_stage__sysB__people` AS `r`
  ON `r`.`__row` = `w`.`__row`
WHERE
  `w`.`__status` = 'rejected'
ORDER BY
  CASE WHEN `w`.`__row` IS NULL THEN 1 ELSE 0 END, `w`.`__row`,
  CASE WHEN `w`.`__slot` IS NULL THEN 1 ELSE 0 END, `w`.`__slot`;

-- tests/conformance/specs/union.mig:55: crosswalk emr.patient: loaded keys with their ids, merged keys pointing at their survivor's id
INSERT INTO `chartshift__xwalk__emr__patient__cs_new` (
  `legacy_key`,
  `own_id`,
  `target_id`,
  `state`
)
SELECT
  `w`.`__key`,
  `w`.`__own_id`,
  CASE
    WHEN `w`.`__status` = 'loaded'
    THEN `w`.`__own_id`
    ELSE MAX(CASE WHEN `w`.`__status` = 'loaded' THEN `w`.`__own_id` END) OVER (PARTITION BY `w`.`__survivor_key`)
  END,
  `w`.`__status`
FROM `chartshift__cs_work__emr__patient` AS `w`
WHERE
  `w`.`__status` IN ('loaded', 'merged');

-- tests/conformance/specs/union.mig:55: crosswalk emr.patient: keys not loaded by this run stay, inactive, with their ids
INSERT INTO `chartshift__xwalk__emr__patient__cs_new` (
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
FROM `chartshift__xwalk__emr__patient` AS `p`
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM `chartshift__xwalk__emr__patient__cs_new`
    WHERE
      `chartshift__xwalk__emr__patient__cs_new`.`legacy_key` = `p`.`legacy_key`
  );

-- tests/conformance/specs/union.mig:54: sysB.people -> emr.patient: load the surviving rows
INSERT INTO `emr__patient__cs_new` (
  `id`,
  `origin`,
  `name`,
  `email`
)
SELECT
  CAST(`w`.`__own_id` AS SIGNED),
  CAST(`w`.`f__origin` AS CHAR(4)),
  CAST(`w`.`f__name` AS CHAR(20)),
  CAST(`w`.`f__email` AS CHAR)
FROM `chartshift__cs_work__emr__patient` AS `w`
WHERE
  `w`.`__status` = 'loaded';

-- tests/conformance/specs/union.mig:54: sysB.people -> emr.patient: accounting identity: source rows = loaded + rejected + filtered + merged + aggregated
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
  'sysB.people -> emr.patient',
  'sysB.people',
  'emr.patient',
  (
    SELECT
      COUNT(*)
    FROM `sysB__people`
  ),
  (
    SELECT
      COUNT(*)
    FROM `emr__patient__cs_new`
  ) - (
    SELECT
      COALESCE(SUM(`loaded`), 0)
    FROM `chartshift__reconciliation__cs_new`
    WHERE
      `target_table` = 'emr.patient'
  ),
  (
    SELECT
      COUNT(*)
    FROM `chartshift__rejects__cs_new`
    WHERE
      `map` = 'sysB.people -> emr.patient'
  ),
  0,
  (
    SELECT
      COUNT(*)
    FROM `chartshift__cs_work__emr__patient`
    WHERE
      `__status` = 'merged'
  ),
  0;

-- tests/conformance/specs/union.mig:54: sysB.people -> emr.patient: work table no longer needed
DROP TABLE IF EXISTS `chartshift__cs_work__emr__patient`;

