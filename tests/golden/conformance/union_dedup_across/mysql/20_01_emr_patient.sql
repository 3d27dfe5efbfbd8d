-- chartshift 0.1.0 | dialect mysql
-- spec tests/conformance/specs/union_dedup_across.mig sha256 d403414e675e6481a01b585a448e07c46d785cfd5d1d9e793cc5adbad40b6b48
-- 20_01_emr_patient: map sysA.patients -> emr.patient
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/union_dedup_across.mig`.


-- tests/conformance/specs/union_dedup_across.mig:48: work table left by an earlier run
DROP TABLE IF EXISTS `chartshift__cs_work__emr__patient`;

-- tests/conformance/specs/union_dedup_across.mig:48: sysA.patients -> emr.patient: every kept row with its fields and status
CREATE TABLE `chartshift__cs_work__emr__patient` AS
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
    FROM `sysA__patients` AS `patients`
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
      REGEXP_SUBSTR(
        CAST(REGEXP_REPLACE(
          CAST(TRIM(`cs_in`.`s__patients__dob`) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
          '(?s)^(?:([0-9]{4})\\-([0-9]{1,2})\\-([0-9]{1,2}))\\z|^.*\\z',
          '\\1-\\2-\\3'
        ) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
        '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))\\z'
      ),
      ''
    ) AS DATE) AS `f__birth_date`,
    'A' AS `f__origin`,
    CAST(CONCAT(
      CAST((
        'sysA.patients'
      ) AS CHAR),
      '|',
      CAST((
        `cs_in`.`s__patients__pat_no`
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
      CAST(`cs_fields`.`s__patients__pat_no` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin AS `__k1`,
      MIN(`cs_fields`.`__row`) AS `first_row`
    FROM `cs_fields`
    GROUP BY
      CAST(`cs_fields`.`s__patients__pat_no` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin
    HAVING
      COUNT(*) > 1
  ) AS `cs_dups`
    ON `cs_dups`.`__k1` = CAST(`cs_fields`.`s__patients__pat_no` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin
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
        ), UPPER(`cs_rules`.`f__last_name`), `cs_rules`.`f__birth_date`, CASE
          WHEN (
            UPPER(`cs_rules`.`f__last_name`)
          ) IS NULL
          OR (
            `cs_rules`.`f__birth_date`
          ) IS NULL
          THEN `cs_rules`.`__key`
        END
        ORDER BY CASE WHEN CAST(`cs_rules`.`s__patients__pat_no` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin IS NULL THEN 1 ELSE 0 END, CAST(`cs_rules`.`s__patients__pat_no` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin ASC, CASE WHEN `cs_rules`.`__key` IS NULL THEN 1 ELSE 0 END, `cs_rules`.`__key`
      ) > 1
      THEN 'merged'
      ELSE 'loaded'
    END AS `__status`,
    FIRST_VALUE(`cs_rules`.`__key`) OVER (
      PARTITION BY (
        `cs_rules`.`__rule` IS NULL
      ), UPPER(`cs_rules`.`f__last_name`), `cs_rules`.`f__birth_date`, CASE
        WHEN (
          UPPER(`cs_rules`.`f__last_name`)
        ) IS NULL
        OR (
          `cs_rules`.`f__birth_date`
        ) IS NULL
        THEN `cs_rules`.`__key`
      END
      ORDER BY CASE WHEN CAST(`cs_rules`.`s__patients__pat_no` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin IS NULL THEN 1 ELSE 0 END, CAST(`cs_rules`.`s__patients__pat_no` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin ASC, CASE WHEN `cs_rules`.`__key` IS NULL THEN 1 ELSE 0 END, `cs_rules`.`__key`
    ) AS `__survivor_key`,
    CAST(CAST((
      UPPER(`cs_rules`.`f__last_name`)
    ) AS CHAR) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin AS `__dk1`,
    CAST(CAST((
      `cs_rules`.`f__birth_date`
    ) AS CHAR) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin AS `__dk2`,
    CAST(NULL AS SIGNED) AS `__match_id`
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
        FROM `chartshift__xwalk__emr__patient`
      ) + ROW_NUMBER() OVER (
        ORDER BY (
          `cs_prev`.`own_id` IS NULL AND `cs_status`.`__status` = 'loaded'
        ) DESC, CASE WHEN `cs_status`.`__row` IS NULL THEN 1 ELSE 0 END, `cs_status`.`__row`, CASE WHEN `cs_status`.`__slot` IS NULL THEN 1 ELSE 0 END, `cs_status`.`__slot`
      )
    END
  ) AS `__own_id`
FROM `cs_status`
LEFT JOIN `chartshift__xwalk__emr__patient` AS `cs_prev`
  ON `cs_prev`.`legacy_key` = `cs_status`.`__key`;

-- tests/conformance/specs/union_dedup_across.mig:48: sysA.patients -> emr.patient: rejected rows with the first rule that failed
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
  'sysA.patients -> emr.patient',
  'sysA.patients',
  CAST(CAST((
    `w`.`s__patients__pat_no`
  ) AS CHAR) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
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
  CAST(JSON_OBJECT('pat_no', `r`.`pat_no`, 'last', `r`.`last`, 'dob', `r`.`dob`, 'status', `r`.`status`) AS CHAR),
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
FROM `chartshift__cs_work__emr__patient` AS `w`
JOIN `chartshift_stage__sysA__patients` AS `r`
  ON `r`.`__row` = `w`.`__row`
WHERE
  `w`.`__status` = 'rejected'
ORDER BY
  CASE WHEN `w`.`__row` IS NULL THEN 1 ELSE 0 END, `w`.`__row`,
  CASE WHEN `w`.`__slot` IS NULL THEN 1 ELSE 0 END, `w`.`__slot`;

-- tests/conformance/specs/union_dedup_across.mig:50: crosswalk emr.patient: loaded keys with their ids, merged keys pointing at their survivor's id
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

-- tests/conformance/specs/union_dedup_across.mig:48: sysA.patients -> emr.patient: load the surviving rows
INSERT INTO `emr__patient__cs_new` (
  `id`,
  `last_name`,
  `birth_date`,
  `origin`
)
SELECT
  CAST(`w`.`__own_id` AS SIGNED),
  CAST(`w`.`f__last_name` AS CHAR),
  CAST(`w`.`f__birth_date` AS DATE),
  CAST(`w`.`f__origin` AS CHAR)
FROM `chartshift__cs_work__emr__patient` AS `w`
WHERE
  `w`.`__status` = 'loaded';

-- tests/conformance/specs/union_dedup_across.mig:55: dedup across emr.patient: keys left by an earlier run
DROP TABLE IF EXISTS `chartshift__cs_dx__emr__patient`;

-- tests/conformance/specs/union_dedup_across.mig:55: dedup across emr.patient: the loaded keys, for the later maps
CREATE TABLE `chartshift__cs_dx__emr__patient` AS
SELECT
  `__dk1`,
  `__dk2`,
  `__own_id` AS `__id`
FROM `chartshift__cs_work__emr__patient`
WHERE
  `__status` = 'loaded' AND NOT `__dk1` IS NULL AND NOT `__dk2` IS NULL;

-- tests/conformance/specs/union_dedup_across.mig:48: sysA.patients -> emr.patient: accounting identity: source rows = loaded + rejected + filtered + merged + aggregated
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
  'sysA.patients -> emr.patient',
  'sysA.patients',
  'emr.patient',
  (
    SELECT
      COUNT(*)
    FROM `sysA__patients`
  ),
  (
    SELECT
      COUNT(*)
    FROM `emr__patient__cs_new`
  ),
  (
    SELECT
      COUNT(*)
    FROM `chartshift__rejects__cs_new`
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
      FROM `sysA__patients` AS `patients`
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
    FROM `chartshift__cs_work__emr__patient`
    WHERE
      `__status` = 'merged'
  ),
  0;

-- tests/conformance/specs/union_dedup_across.mig:48: sysA.patients -> emr.patient: work table no longer needed
DROP TABLE IF EXISTS `chartshift__cs_work__emr__patient`;

