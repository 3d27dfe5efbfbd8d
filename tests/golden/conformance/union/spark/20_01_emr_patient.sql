-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/union.mig sha256 f4f0c7f749348819348be7759974b473787842de922cd53ed8b7f2409529b83d
-- 20_01_emr_patient: map sysA.patients -> emr.patient
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/union.mig`.


-- tests/conformance/specs/union.mig:47: work table left by an earlier run
DROP TABLE IF EXISTS `chartshift`.`cs_work__emr__patient`;

-- tests/conformance/specs/union.mig:47: sysA.patients -> emr.patient: every kept row with its fields and status
CREATE TABLE `chartshift`.`cs_work__emr__patient` AS
WITH `cs_in` AS (
  SELECT
    *
  FROM (
    SELECT
      `patients`.`__row` AS `__row`,
      `patients`.`__cast_error` AS `__cast_error`,
      `patients`.`pat_no` AS `s__patients__pat_no`,
      `patients`.`name` AS `s__patients__name`,
      `patients`.`status` AS `s__patients__status`,
      1 AS `__slot`
    FROM `sysA`.`patients` AS `patients`
  ) AS `cs_in`
  WHERE
    COALESCE(
      (
        (
          (
            COALESCE(`cs_in`.`s__patients__status`, '')
          ) <> (
            'D'
          )
        )
      ),
      FALSE
    )
), `cs_fields` AS (
  SELECT
    `cs_in`.*,
    'A' AS `f__origin`,
    ARRAY_JOIN(
      TRANSFORM(
        SPLIT(TRIM(BOTH ' ' FROM `cs_in`.`s__patients__name`), 'ß', -1),
        `_cs_part` -> UPPER(_cs_part)
      ),
      'ß'
    ) AS `f__name`,
    CAST((
      'sysA.patients'
    ) AS STRING) || '|' || CAST((
      `cs_in`.`s__patients__pat_no`
    ) AS STRING) AS `__key`
  FROM `cs_in`
), `cs_rules` AS (
  SELECT
    `cs_fields`.*,
    CASE
      WHEN NOT `cs_fields`.`__cast_error` IS NULL
      THEN 1
      WHEN `cs_fields`.`__key` IS NULL
      THEN 2
      WHEN `cs_fields`.`f__origin` IS NULL
      THEN 3
      WHEN LENGTH(CAST(`cs_fields`.`f__origin` AS STRING)) > 4
      THEN 4
      WHEN `cs_fields`.`f__name` IS NULL
      THEN 5
      WHEN LENGTH(CAST(`cs_fields`.`f__name` AS STRING)) > 20
      THEN 6
      WHEN NOT `cs_dups`.`first_row` IS NULL AND `cs_fields`.`__row` > `cs_dups`.`first_row`
      THEN 7
    END AS `__rule`
  FROM `cs_fields`
  LEFT JOIN (
    SELECT
      `cs_fields`.`s__patients__pat_no` AS `__k1`,
      MIN(`cs_fields`.`__row`) AS `first_row`
    FROM `cs_fields`
    GROUP BY
      `cs_fields`.`s__patients__pat_no`
    HAVING
      COUNT(*) > 1
  ) AS `cs_dups`
    ON `cs_dups`.`__k1` = `cs_fields`.`s__patients__pat_no`
), `cs_status` AS (
  SELECT
    `cs_rules`.`__row`,
    `cs_rules`.`__slot`,
    `cs_rules`.`__key`,
    `cs_rules`.`__rule`,
    `cs_rules`.`f__origin`,
    `cs_rules`.`f__name`,
    `cs_rules`.`s__patients__pat_no`,
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
        FROM `chartshift`.`xwalk__emr__patient`
      ) + ROW_NUMBER() OVER (
        ORDER BY (
          `cs_prev`.`own_id` IS NULL AND `cs_status`.`__status` = 'loaded'
        ) DESC, `cs_status`.`__row` NULLS LAST, `cs_status`.`__slot` NULLS LAST
      )
    END
  ) AS `__own_id`
FROM `cs_status`
LEFT JOIN `chartshift`.`xwalk__emr__patient` AS `cs_prev`
  ON `cs_prev`.`legacy_key` = `cs_status`.`__key`;

-- tests/conformance/specs/union.mig:47: sysA.patients -> emr.patient: rejected rows with the first rule that failed
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
  'sysA.patients -> emr.patient',
  'sysA.patients',
  CAST((
    `w`.`s__patients__pat_no`
  ) AS STRING),
  `w`.`__slot`,
  `w`.`__row`,
  CASE `w`.`__rule`
    WHEN 1
    THEN 'cast'
    WHEN 2
    THEN 'key'
    WHEN 3
    THEN 'not null:emr.patient.origin'
    WHEN 4
    THEN 'length:emr.patient.origin'
    WHEN 5
    THEN 'not null:emr.patient.name'
    WHEN 6
    THEN 'length:emr.patient.name'
    WHEN 7
    THEN 'duplicate key'
  END,
  CASE `w`.`__rule`
    WHEN 1
    THEN 'value does not fit the source column type'
    WHEN 2
    THEN 'missing legacy key'
    WHEN 3
    THEN 'origin is required but empty'
    WHEN 4
    THEN 'origin is longer than 4 characters'
    WHEN 5
    THEN 'name is required but empty'
    WHEN 6
    THEN 'name is longer than 20 characters'
    WHEN 7
    THEN 'duplicate legacy key (an earlier row has the same key)'
  END,
  TO_JSON(
    NAMED_STRUCT('pat_no', `r`.`pat_no`, 'name', `r`.`name`, 'status', `r`.`status`, 'phone', `r`.`phone`)
  ),
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
FROM `chartshift`.`cs_work__emr__patient` AS `w`
JOIN `chartshift_stage`.`sysA__patients` AS `r`
  ON `r`.`__row` = `w`.`__row`
WHERE
  `w`.`__status` = 'rejected'
ORDER BY
  `w`.`__row` NULLS LAST,
  `w`.`__slot` NULLS LAST;

-- tests/conformance/specs/union.mig:49: crosswalk emr.patient: loaded keys with their ids, merged keys pointing at their survivor's id
INSERT INTO `chartshift`.`xwalk__emr__patient__cs_new` (
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
FROM `chartshift`.`cs_work__emr__patient` AS `w`
WHERE
  `w`.`__status` IN ('loaded', 'merged');

-- tests/conformance/specs/union.mig:47: sysA.patients -> emr.patient: load the surviving rows
INSERT INTO `emr`.`patient__cs_new` (
  `id`,
  `origin`,
  `name`
)
SELECT
  CAST(`w`.`__own_id` AS BIGINT),
  CAST(`w`.`f__origin` AS VARCHAR(4)),
  CAST(`w`.`f__name` AS VARCHAR(20))
FROM `chartshift`.`cs_work__emr__patient` AS `w`
WHERE
  `w`.`__status` = 'loaded';

-- tests/conformance/specs/union.mig:47: sysA.patients -> emr.patient: accounting identity: source rows = loaded + rejected + filtered + merged + aggregated
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
  'sysA.patients -> emr.patient',
  'sysA.patients',
  'emr.patient',
  (
    SELECT
      COUNT(*)
    FROM `sysA`.`patients`
  ),
  (
    SELECT
      COUNT(*)
    FROM `emr`.`patient__cs_new`
  ),
  (
    SELECT
      COUNT(*)
    FROM `chartshift`.`rejects__cs_new`
    WHERE
      `map` = 'sysA.patients -> emr.patient'
  ),
  (
    SELECT
      COUNT(*)
    FROM (
      SELECT
        `patients`.`__row` AS `__row`,
        `patients`.`__cast_error` AS `__cast_error`,
        `patients`.`pat_no` AS `s__patients__pat_no`,
        `patients`.`name` AS `s__patients__name`,
        `patients`.`status` AS `s__patients__status`,
        1 AS `__slot`
      FROM `sysA`.`patients` AS `patients`
    ) AS `cs_in`
    WHERE
      NOT COALESCE(
        (
          (
            (
              COALESCE(`cs_in`.`s__patients__status`, '')
            ) <> (
              'D'
            )
          )
        ),
        FALSE
      )
  ),
  0,
  0;

-- tests/conformance/specs/union.mig:47: sysA.patients -> emr.patient: work table no longer needed
DROP TABLE IF EXISTS `chartshift`.`cs_work__emr__patient`;

