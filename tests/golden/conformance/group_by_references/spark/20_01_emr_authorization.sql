-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/group_by_references.mig sha256 affaa2e359660ec72ffb991b16b3db70e42ec3e2bbc9bbda02a66e1e7c3e816a
-- 20_01_emr_authorization: map legacy.auths -> emr.authorization
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/group_by_references.mig`.


-- tests/conformance/specs/group_by_references.mig:54: work table left by an earlier run
DROP TABLE IF EXISTS `chartshift`.`cs_work__emr__authorization`;

-- tests/conformance/specs/group_by_references.mig:54: legacy.auths -> emr.authorization: every kept row with its fields and status
CREATE TABLE `chartshift`.`cs_work__emr__authorization` AS
WITH `cs_in` AS (
  SELECT
    `auths`.`__row` AS `__row`,
    `auths`.`__cast_error` AS `__cast_error`,
    `auths`.`auth_no` AS `s__auths__auth_no`,
    `auths`.`visits` AS `s__auths__visits`,
    1 AS `__slot`
  FROM `legacy`.`auths` AS `auths`
), `cs_fields` AS (
  SELECT
    `cs_in`.*,
    `cs_in`.`s__auths__auth_no` AS `f__auth_no`,
    `cs_in`.`s__auths__visits` AS `f__visits_approved`,
    CAST((
      `cs_in`.`s__auths__auth_no`
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
      WHEN `cs_fields`.`f__auth_no` IS NULL
      THEN 3
      WHEN LENGTH(CAST(`cs_fields`.`f__auth_no` AS STRING)) > 10
      THEN 4
      WHEN NOT `cs_dups`.`first_row` IS NULL AND `cs_fields`.`__row` > `cs_dups`.`first_row`
      THEN 5
    END AS `__rule`
  FROM `cs_fields`
  LEFT JOIN (
    SELECT
      `cs_fields`.`s__auths__auth_no` AS `__k1`,
      MIN(`cs_fields`.`__row`) AS `first_row`
    FROM `cs_fields`
    GROUP BY
      `cs_fields`.`s__auths__auth_no`
    HAVING
      COUNT(*) > 1
  ) AS `cs_dups`
    ON `cs_dups`.`__k1` = `cs_fields`.`s__auths__auth_no`
), `cs_status` AS (
  SELECT
    `cs_rules`.`__row`,
    `cs_rules`.`__slot`,
    `cs_rules`.`__key`,
    `cs_rules`.`__rule`,
    `cs_rules`.`f__auth_no`,
    `cs_rules`.`f__visits_approved`,
    `cs_rules`.`s__auths__auth_no`,
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

-- tests/conformance/specs/group_by_references.mig:54: legacy.auths -> emr.authorization: rejected rows with the first rule that failed
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
  'legacy.auths -> emr.authorization',
  'legacy.auths',
  CAST((
    `w`.`s__auths__auth_no`
  ) AS STRING),
  `w`.`__slot`,
  `w`.`__row`,
  CASE `w`.`__rule`
    WHEN 1
    THEN 'cast'
    WHEN 2
    THEN 'key'
    WHEN 3
    THEN 'not null:emr.authorization.auth_no'
    WHEN 4
    THEN 'length:emr.authorization.auth_no'
    WHEN 5
    THEN 'duplicate key'
  END,
  CASE `w`.`__rule`
    WHEN 1
    THEN 'value does not fit the source column type'
    WHEN 2
    THEN 'missing legacy key'
    WHEN 3
    THEN 'auth_no is required but empty'
    WHEN 4
    THEN 'auth_no is longer than 10 characters'
    WHEN 5
    THEN 'duplicate legacy key (an earlier row has the same key)'
  END,
  TO_JSON(NAMED_STRUCT('auth_no', `r`.`auth_no`, 'visits', `r`.`visits`)),
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
    THEN 'duplicate_key'
  END
FROM `chartshift`.`cs_work__emr__authorization` AS `w`
JOIN `chartshift_stage`.`legacy__auths` AS `r`
  ON `r`.`__row` = `w`.`__row`
WHERE
  `w`.`__status` = 'rejected'
ORDER BY
  `w`.`__row` NULLS LAST,
  `w`.`__slot` NULLS LAST;

-- tests/conformance/specs/group_by_references.mig:55: crosswalk emr.authorization: loaded keys with their ids, merged keys pointing at their survivor's id
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

-- tests/conformance/specs/group_by_references.mig:55: crosswalk emr.authorization: keys not loaded by this run stay, inactive, with their ids
INSERT INTO `chartshift`.`xwalk__emr__authorization__cs_new` (
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
FROM `chartshift`.`xwalk__emr__authorization` AS `p`
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM `chartshift`.`xwalk__emr__authorization__cs_new`
    WHERE
      `xwalk__emr__authorization__cs_new`.`legacy_key` = `p`.`legacy_key`
  );

-- tests/conformance/specs/group_by_references.mig:54: legacy.auths -> emr.authorization: load the surviving rows
INSERT INTO `emr`.`authorization__cs_new` (
  `id`,
  `auth_no`,
  `visits_approved`
)
SELECT
  CAST(`w`.`__own_id` AS BIGINT),
  CAST(`w`.`f__auth_no` AS VARCHAR(10)),
  CAST(`w`.`f__visits_approved` AS INT)
FROM `chartshift`.`cs_work__emr__authorization` AS `w`
WHERE
  `w`.`__status` = 'loaded';

-- tests/conformance/specs/group_by_references.mig:54: legacy.auths -> emr.authorization: accounting identity: source rows = loaded + rejected + filtered + merged + aggregated
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
  'legacy.auths -> emr.authorization',
  'legacy.auths',
  'emr.authorization',
  (
    SELECT
      COUNT(*)
    FROM `legacy`.`auths`
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
      `map` = 'legacy.auths -> emr.authorization'
  ),
  0,
  0,
  0;

-- tests/conformance/specs/group_by_references.mig:54: legacy.auths -> emr.authorization: work table no longer needed
DROP TABLE IF EXISTS `chartshift`.`cs_work__emr__authorization`;

