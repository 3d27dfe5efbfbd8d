-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/union_dedup_across.mig sha256 d403414e675e6481a01b585a448e07c46d785cfd5d1d9e793cc5adbad40b6b48
-- 20_01_emr_patient: map sysA.patients -> emr.patient
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/union_dedup_across.mig`.


-- tests/conformance/specs/union_dedup_across.mig:48: work table left by an earlier run
DROP TABLE IF EXISTS `chartshift`.`cs_work__emr__patient`;

-- tests/conformance/specs/union_dedup_across.mig:48: sysA.patients -> emr.patient: every kept row with its fields and status
CREATE TABLE `chartshift`.`cs_work__emr__patient` AS
WITH `cs_in` AS (
  SELECT
    *
  FROM (
    SELECT
      `patients`.`__row` AS `__row`,
      `patients`.`__cast_error` AS `__cast_error`,
      `patients`.`pat_no` AS `s__patients__pat_no`,
      `patients`.`last` AS `s__patients__last`,
      `patients`.`dob` AS `s__patients__dob`,
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
    TRIM(BOTH ' ' FROM `cs_in`.`s__patients__last`) AS `f__last_name`,
    CAST(NULLIF(
      REGEXP_EXTRACT(
        REGEXP_REPLACE(
          TRIM(`cs_in`.`s__patients__dob`),
          '(?s)^(?:([0-9]{4})\\-([0-9]{1,2})\\-([0-9]{1,2}))\\z|^.*\\z',
          '$1-$2-$3'
        ),
        '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))\\z',
        0
      ),
      ''
    ) AS DATE) AS `f__birth_date`,
    'A' AS `f__origin`,
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
      WHEN COALESCE((
        (
          `cs_fields`.`f__last_name`
        ) IS NULL
      ), FALSE)
      THEN 3
      WHEN `cs_fields`.`f__last_name` IS NULL
      THEN 4
      WHEN NOT `cs_dups`.`first_row` IS NULL AND `cs_fields`.`__row` > `cs_dups`.`first_row`
      THEN 5
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
    `cs_rules`.`f__last_name`,
    `cs_rules`.`f__birth_date`,
    `cs_rules`.`f__origin`,
    `cs_rules`.`s__patients__pat_no`,
    CASE
      WHEN NOT `cs_rules`.`__rule` IS NULL
      THEN 'rejected'
      WHEN ROW_NUMBER() OVER (
        PARTITION BY (
          `cs_rules`.`__rule` IS NULL
        ), ARRAY_JOIN(
          TRANSFORM(SPLIT(`cs_rules`.`f__last_name`, 'ß', -1), `_cs_part` -> UPPER(_cs_part)),
          'ß'
        ), `cs_rules`.`f__birth_date`, CASE
          WHEN (
            ARRAY_JOIN(
              TRANSFORM(SPLIT(`cs_rules`.`f__last_name`, 'ß', -1), `_cs_part` -> UPPER(_cs_part)),
              'ß'
            )
          ) IS NULL
          OR (
            `cs_rules`.`f__birth_date`
          ) IS NULL
          THEN `cs_rules`.`__key`
        END
        ORDER BY `cs_rules`.`s__patients__pat_no` ASC NULLS LAST, `cs_rules`.`__key` NULLS LAST
      ) > 1
      THEN 'merged'
      ELSE 'loaded'
    END AS `__status`,
    FIRST_VALUE(`cs_rules`.`__key`) OVER (
      PARTITION BY (
        `cs_rules`.`__rule` IS NULL
      ), ARRAY_JOIN(
        TRANSFORM(SPLIT(`cs_rules`.`f__last_name`, 'ß', -1), `_cs_part` -> UPPER(_cs_part)),
        'ß'
      ), `cs_rules`.`f__birth_date`, CASE
        WHEN (
          ARRAY_JOIN(
            TRANSFORM(SPLIT(`cs_rules`.`f__last_name`, 'ß', -1), `_cs_part` -> UPPER(_cs_part)),
            'ß'
          )
        ) IS NULL
        OR (
          `cs_rules`.`f__birth_date`
        ) IS NULL
        THEN `cs_rules`.`__key`
      END
      ORDER BY `cs_rules`.`s__patients__pat_no` ASC NULLS LAST, `cs_rules`.`__key` NULLS LAST
    ) AS `__survivor_key`,
    CAST((
      ARRAY_JOIN(
        TRANSFORM(SPLIT(`cs_rules`.`f__last_name`, 'ß', -1), `_cs_part` -> UPPER(_cs_part)),
        'ß'
      )
    ) AS STRING) AS `__dk1`,
    CAST((
      `cs_rules`.`f__birth_date`
    ) AS STRING) AS `__dk2`,
    CAST(NULL AS BIGINT) AS `__match_id`
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

-- tests/conformance/specs/union_dedup_across.mig:48: sysA.patients -> emr.patient: rejected rows with the first rule that failed
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
    THEN 'reject:54'
    WHEN 4
    THEN 'not null:emr.patient.last_name'
    WHEN 5
    THEN 'duplicate key'
  END,
  CASE `w`.`__rule`
    WHEN 1
    THEN 'value does not fit the source column type'
    WHEN 2
    THEN 'missing legacy key'
    WHEN 3
    THEN 'no last name'
    WHEN 4
    THEN 'last_name is required but empty'
    WHEN 5
    THEN 'duplicate legacy key (an earlier row has the same key)'
  END,
  TO_JSON(
    NAMED_STRUCT('pat_no', `r`.`pat_no`, 'last', `r`.`last`, 'dob', `r`.`dob`, 'status', `r`.`status`)
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

-- tests/conformance/specs/union_dedup_across.mig:50: crosswalk emr.patient: loaded keys with their ids, merged keys pointing at their survivor's id
INSERT INTO `chartshift`.`xwalk__emr__patient__cs_new` (
  `legacy_key`,
  `own_id`,
  `target_id`,
  `state`
)
SELECT
  `w`.`__key`,
  `w`.`__own_id`,
  CASE WHEN `w`.`__status` = 'loaded' THEN `w`.`__own_id` ELSE `s`.`__own_id` END,
  `w`.`__status`
FROM `chartshift`.`cs_work__emr__patient` AS `w`
LEFT JOIN `chartshift`.`cs_work__emr__patient` AS `s`
  ON `s`.`__key` = `w`.`__survivor_key` AND `s`.`__status` = 'loaded'
WHERE
  `w`.`__status` IN ('loaded', 'merged');

-- tests/conformance/specs/union_dedup_across.mig:48: sysA.patients -> emr.patient: load the surviving rows
INSERT INTO `emr`.`patient__cs_new` (
  `id`,
  `last_name`,
  `birth_date`,
  `origin`
)
SELECT
  CAST(`w`.`__own_id` AS BIGINT),
  CAST(`w`.`f__last_name` AS STRING),
  CAST(`w`.`f__birth_date` AS DATE),
  CAST(`w`.`f__origin` AS STRING)
FROM `chartshift`.`cs_work__emr__patient` AS `w`
WHERE
  `w`.`__status` = 'loaded';

-- tests/conformance/specs/union_dedup_across.mig:55: dedup across emr.patient: keys left by an earlier run
DROP TABLE IF EXISTS `chartshift`.`cs_dx__emr__patient`;

-- tests/conformance/specs/union_dedup_across.mig:55: dedup across emr.patient: the loaded keys, for the later maps
CREATE TABLE `chartshift`.`cs_dx__emr__patient` AS
SELECT
  `__dk1`,
  `__dk2`,
  `__own_id` AS `__id`
FROM `chartshift`.`cs_work__emr__patient`
WHERE
  `__status` = 'loaded' AND NOT `__dk1` IS NULL AND NOT `__dk2` IS NULL;

-- tests/conformance/specs/union_dedup_across.mig:48: sysA.patients -> emr.patient: accounting identity: source rows = loaded + rejected + filtered + merged + aggregated
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
        `patients`.`last` AS `s__patients__last`,
        `patients`.`dob` AS `s__patients__dob`,
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
  (
    SELECT
      COUNT(*)
    FROM `chartshift`.`cs_work__emr__patient`
    WHERE
      `__status` = 'merged'
  ),
  0;

-- tests/conformance/specs/union_dedup_across.mig:48: sysA.patients -> emr.patient: work table no longer needed
DROP TABLE IF EXISTS `chartshift`.`cs_work__emr__patient`;

