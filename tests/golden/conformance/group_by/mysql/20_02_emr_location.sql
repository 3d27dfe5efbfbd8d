-- chartshift 0.1.0 | dialect mysql
-- spec tests/conformance/specs/group_by.mig sha256 8c97e61b28d6ea83244c7b367f812e592a33e711e4ebea957a4e55ed55be9144
-- 20_02_emr_location: map legacy.visits -> emr.location
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/group_by.mig`.


-- tests/conformance/specs/group_by.mig:63: work table left by an earlier run
DROP TABLE IF EXISTS `chartshift__cs_work__emr__location`;

-- tests/conformance/specs/group_by.mig:63: legacy.visits -> emr.location: every kept row with its fields and status
CREATE TABLE `chartshift__cs_work__emr__location` AS
WITH `cs_in` AS (
  SELECT
    `visits`.`__row` AS `__row`,
    `visits`.`__cast_error` AS `__cast_error`,
    `visits`.`visit_id` AS `s__visits__visit_id`,
    `visits`.`address` AS `s__visits__address`,
    `visits`.`city` AS `s__visits__city`,
    1 AS `__slot`
  FROM `legacy__visits` AS `visits`
), `cs_vals` AS (
  SELECT
    `cs_in`.*,
    UPPER(TRIM(BOTH ' ' FROM `cs_in`.`s__visits__address`)) AS `g__1`,
    UPPER(TRIM(BOTH ' ' FROM `cs_in`.`s__visits__city`)) AS `g__2`
  FROM `cs_in`
  WHERE
    NOT (
      NOT `cs_in`.`__cast_error` IS NULL
    )
), `cs_ranked` AS (
  SELECT
    `cs_vals`.*
  FROM `cs_vals`
), `cs_groups` AS (
  SELECT
    MIN(`cs_ranked`.`__row`) AS `__row`,
    MIN(CAST(`cs_ranked`.`g__1` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin) AS `g__1`,
    MIN(CAST(`cs_ranked`.`g__2` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin) AS `g__2`
  FROM `cs_ranked`
  GROUP BY
    CAST(`cs_ranked`.`g__1` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
    CAST(`cs_ranked`.`g__2` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin
), `cs_fields` AS (
  SELECT
    `cs_groups`.*,
    `cs_groups`.`g__1` AS `f__address`,
    `cs_groups`.`g__2` AS `f__city`,
    CAST(CAST((
      CAST(MD5(
        CAST(CONCAT(CONCAT(`cs_groups`.`g__1`, '|'), `cs_groups`.`g__2`) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin
      ) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin
    ) AS CHAR) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin AS `__key`
  FROM `cs_groups`
), `cs_rules` AS (
  SELECT
    `cs_fields`.*,
    CASE
      WHEN `cs_fields`.`__key` IS NULL
      THEN 2
      WHEN `cs_fields`.`f__address` IS NULL
      THEN 3
      WHEN CHAR_LENGTH(CAST(`cs_fields`.`f__address` AS CHAR)) > 40
      THEN 4
      WHEN CHAR_LENGTH(CAST(`cs_fields`.`f__city` AS CHAR)) > 30
      THEN 5
      WHEN NOT `cs_dups`.`first_row` IS NULL AND `cs_fields`.`__row` > `cs_dups`.`first_row`
      THEN 6
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
    `cs_rules`.`f__address`,
    `cs_rules`.`f__city`,
    NULL AS `s__visits__visit_id`,
    CASE WHEN NOT `cs_rules`.`__rule` IS NULL THEN 'rejected' ELSE 'loaded' END AS `__status`
  FROM `cs_rules`
  UNION ALL
  SELECT
    `cs_in`.`__row`,
    1 AS `__slot`,
    NULL AS `__key`,
    CASE WHEN NOT `cs_in`.`__cast_error` IS NULL THEN 1 END AS `__rule`,
    NULL AS `f__address`,
    NULL AS `f__city`,
    `cs_in`.`s__visits__visit_id`,
    'rejected' AS `__status`
  FROM `cs_in`
  WHERE
    (
      NOT `cs_in`.`__cast_error` IS NULL
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
        FROM `chartshift__xwalk__emr__location`
      ) + ROW_NUMBER() OVER (
        ORDER BY (
          `cs_prev`.`own_id` IS NULL AND `cs_status`.`__status` = 'loaded'
        ) DESC, CASE WHEN `cs_status`.`__row` IS NULL THEN 1 ELSE 0 END, `cs_status`.`__row`, CASE WHEN `cs_status`.`__slot` IS NULL THEN 1 ELSE 0 END, `cs_status`.`__slot`
      )
    END
  ) AS `__own_id`
FROM `cs_status`
LEFT JOIN `chartshift__xwalk__emr__location` AS `cs_prev`
  ON `cs_prev`.`legacy_key` = `cs_status`.`__key`;

-- tests/conformance/specs/group_by.mig:63: legacy.visits -> emr.location: rejected rows with the first rule that failed
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
  'legacy.visits -> emr.location',
  'legacy.visits',
  CAST(CAST((
    `w`.`s__visits__visit_id`
  ) AS CHAR) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
  `w`.`__slot`,
  `w`.`__row`,
  CASE `w`.`__rule`
    WHEN 1
    THEN 'cast'
    WHEN 2
    THEN 'key'
    WHEN 3
    THEN 'not null:emr.location.address'
    WHEN 4
    THEN 'length:emr.location.address'
    WHEN 5
    THEN 'length:emr.location.city'
    WHEN 6
    THEN 'duplicate key'
  END,
  CASE `w`.`__rule`
    WHEN 1
    THEN 'value does not fit the source column type'
    WHEN 2
    THEN 'missing legacy key'
    WHEN 3
    THEN 'address is required but empty'
    WHEN 4
    THEN 'address is longer than 40 characters'
    WHEN 5
    THEN 'city is longer than 30 characters'
    WHEN 6
    THEN 'duplicate legacy key (an earlier group has the same key)'
  END,
  CAST(JSON_OBJECT(
    'visit_id',
    `r`.`visit_id`,
    'pat_no',
    `r`.`pat_no`,
    'visit_dt',
    `r`.`visit_dt`,
    'units',
    `r`.`units`,
    'amount',
    `r`.`amount`,
    'therapist',
    `r`.`therapist`,
    'address',
    `r`.`address`,
    'city',
    `r`.`city`,
    'status',
    `r`.`status`
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
    THEN 'too_long'
    WHEN 6
    THEN 'duplicate_key'
  END
FROM `chartshift__cs_work__emr__location` AS `w`
JOIN `chartshift_stage__legacy__visits` AS `r`
  ON `r`.`__row` = `w`.`__row`
WHERE
  `w`.`__status` = 'rejected'
ORDER BY
  CASE WHEN `w`.`__row` IS NULL THEN 1 ELSE 0 END, `w`.`__row`,
  CASE WHEN `w`.`__slot` IS NULL THEN 1 ELSE 0 END, `w`.`__slot`;

-- tests/conformance/specs/group_by.mig:65: crosswalk emr.location: loaded keys with their ids, merged keys pointing at their survivor's id
INSERT INTO `chartshift__xwalk__emr__location__cs_new` (
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
FROM `chartshift__cs_work__emr__location` AS `w`
WHERE
  `w`.`__status` IN ('loaded', 'merged');

-- tests/conformance/specs/group_by.mig:65: crosswalk emr.location: keys not loaded by this run stay, inactive, with their ids
INSERT INTO `chartshift__xwalk__emr__location__cs_new` (
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
FROM `chartshift__xwalk__emr__location` AS `p`
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM `chartshift__xwalk__emr__location__cs_new`
    WHERE
      `chartshift__xwalk__emr__location__cs_new`.`legacy_key` = `p`.`legacy_key`
  );

-- tests/conformance/specs/group_by.mig:63: legacy.visits -> emr.location: load the surviving rows
INSERT INTO `emr__location__cs_new` (
  `id`,
  `address`,
  `city`
)
SELECT
  CAST(`w`.`__own_id` AS SIGNED),
  CAST(`w`.`f__address` AS CHAR(40)),
  CAST(`w`.`f__city` AS CHAR(30))
FROM `chartshift__cs_work__emr__location` AS `w`
WHERE
  `w`.`__status` = 'loaded';

-- tests/conformance/specs/group_by.mig:63: legacy.visits -> emr.location: accounting identity: source rows = loaded + rejected + filtered + merged + aggregated
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
  'legacy.visits -> emr.location',
  'legacy.visits',
  'emr.location',
  (
    SELECT
      COUNT(*)
    FROM `legacy__visits`
  ),
  (
    SELECT
      COUNT(*)
    FROM `emr__location__cs_new`
  ),
  (
    SELECT
      COUNT(*)
    FROM `chartshift__rejects__cs_new`
    WHERE
      `map` = 'legacy.visits -> emr.location'
  ),
  0,
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
          UPPER(TRIM(BOTH ' ' FROM `cs_in`.`s__visits__address`)) AS `g__1`,
          UPPER(TRIM(BOTH ' ' FROM `cs_in`.`s__visits__city`)) AS `g__2`
        FROM (
          SELECT
            `visits`.`__row` AS `__row`,
            `visits`.`__cast_error` AS `__cast_error`,
            `visits`.`visit_id` AS `s__visits__visit_id`,
            `visits`.`address` AS `s__visits__address`,
            `visits`.`city` AS `s__visits__city`,
            1 AS `__slot`
          FROM `legacy__visits` AS `visits`
        ) AS `cs_in`
        WHERE
          NOT (
            NOT `cs_in`.`__cast_error` IS NULL
          )
      ) AS `cs_vals`
      GROUP BY
        CAST(`cs_vals`.`g__1` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
        CAST(`cs_vals`.`g__2` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin
    ) AS `cs_groups`
  );

-- tests/conformance/specs/group_by.mig:63: legacy.visits -> emr.location: work table no longer needed
DROP TABLE IF EXISTS `chartshift__cs_work__emr__location`;

