-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/null_markers.mig sha256 b2333d70e07ec37c067c66157aeb3043c418b0f9f5b509c5064076b9e755b5e0
-- 20_03_emr_empty_is_text: map legacy.empty_is_text -> emr.empty_is_text
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/null_markers.mig`.


-- tests/conformance/specs/null_markers.mig:61: work table left by an earlier run
DROP TABLE IF EXISTS `chartshift`.`cs_work__emr__empty_is_text`;

-- tests/conformance/specs/null_markers.mig:61: legacy.empty_is_text -> emr.empty_is_text: every kept row with its fields and status
CREATE TABLE `chartshift`.`cs_work__emr__empty_is_text` AS
WITH `cs_in` AS (
  SELECT
    `empty_is_text`.`__row` AS `__row`,
    `empty_is_text`.`__cast_error` AS `__cast_error`,
    `empty_is_text`.`id` AS `s__empty_is_text__id`,
    `empty_is_text`.`name` AS `s__empty_is_text__name`,
    1 AS `__slot`
  FROM `legacy`.`empty_is_text` AS `empty_is_text`
), `cs_fields` AS (
  SELECT
    `cs_in`.*,
    `cs_in`.`s__empty_is_text__id` AS `f__id`,
    `cs_in`.`s__empty_is_text__name` AS `f__name`,
    (
      `cs_in`.`s__empty_is_text__name`
    ) IS NULL AS `f__is_null`,
    CAST((
      `cs_in`.`s__empty_is_text__id`
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
      WHEN `cs_fields`.`f__id` IS NULL
      THEN 3
      WHEN LENGTH(CAST(`cs_fields`.`f__id` AS STRING)) > 10
      THEN 4
      WHEN `cs_fields`.`f__is_null` IS NULL
      THEN 5
      WHEN NOT `cs_dups`.`first_row` IS NULL AND `cs_fields`.`__row` > `cs_dups`.`first_row`
      THEN 6
    END AS `__rule`
  FROM `cs_fields`
  LEFT JOIN (
    SELECT
      `cs_fields`.`s__empty_is_text__id` AS `__k1`,
      MIN(`cs_fields`.`__row`) AS `first_row`
    FROM `cs_fields`
    GROUP BY
      `cs_fields`.`s__empty_is_text__id`
    HAVING
      COUNT(*) > 1
  ) AS `cs_dups`
    ON `cs_dups`.`__k1` = `cs_fields`.`s__empty_is_text__id`
)
SELECT
  `cs_rules`.`__row`,
  `cs_rules`.`__slot`,
  `cs_rules`.`__key`,
  `cs_rules`.`__rule`,
  `cs_rules`.`f__id`,
  `cs_rules`.`f__name`,
  `cs_rules`.`f__is_null`,
  `cs_rules`.`s__empty_is_text__id`,
  CASE WHEN NOT `cs_rules`.`__rule` IS NULL THEN 'rejected' ELSE 'loaded' END AS `__status`
FROM `cs_rules`;

-- tests/conformance/specs/null_markers.mig:61: legacy.empty_is_text -> emr.empty_is_text: rejected rows with the first rule that failed
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
  'legacy.empty_is_text -> emr.empty_is_text',
  'legacy.empty_is_text',
  CAST((
    `w`.`s__empty_is_text__id`
  ) AS STRING),
  `w`.`__slot`,
  `w`.`__row`,
  CASE `w`.`__rule`
    WHEN 1
    THEN 'cast'
    WHEN 2
    THEN 'key'
    WHEN 3
    THEN 'not null:emr.empty_is_text.id'
    WHEN 4
    THEN 'length:emr.empty_is_text.id'
    WHEN 5
    THEN 'not null:emr.empty_is_text.is_null'
    WHEN 6
    THEN 'duplicate key'
  END,
  CASE `w`.`__rule`
    WHEN 1
    THEN 'value does not fit the source column type'
    WHEN 2
    THEN 'missing legacy key'
    WHEN 3
    THEN 'id is required but empty'
    WHEN 4
    THEN 'id is longer than 10 characters'
    WHEN 5
    THEN 'is_null is required but empty'
    WHEN 6
    THEN 'duplicate legacy key (an earlier row has the same key)'
  END,
  TO_JSON(NAMED_STRUCT('id', `r`.`id`, 'name', `r`.`name`)),
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
    THEN 'duplicate_key'
  END
FROM `chartshift`.`cs_work__emr__empty_is_text` AS `w`
JOIN `chartshift_stage`.`legacy__empty_is_text` AS `r`
  ON `r`.`__row` = `w`.`__row`
WHERE
  `w`.`__status` = 'rejected'
ORDER BY
  `w`.`__row` NULLS LAST,
  `w`.`__slot` NULLS LAST;

-- tests/conformance/specs/null_markers.mig:61: legacy.empty_is_text -> emr.empty_is_text: load the surviving rows
INSERT INTO `emr`.`empty_is_text__cs_new` (
  `id`,
  `name`,
  `is_null`
)
SELECT
  CAST(`w`.`f__id` AS VARCHAR(10)),
  CAST(`w`.`f__name` AS STRING),
  CAST(`w`.`f__is_null` AS BOOLEAN)
FROM `chartshift`.`cs_work__emr__empty_is_text` AS `w`
WHERE
  `w`.`__status` = 'loaded';

-- tests/conformance/specs/null_markers.mig:61: legacy.empty_is_text -> emr.empty_is_text: accounting identity: source rows = loaded + rejected + filtered + merged + aggregated
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
  'legacy.empty_is_text -> emr.empty_is_text',
  'legacy.empty_is_text',
  'emr.empty_is_text',
  (
    SELECT
      COUNT(*)
    FROM `legacy`.`empty_is_text`
  ),
  (
    SELECT
      COUNT(*)
    FROM `emr`.`empty_is_text__cs_new`
  ),
  (
    SELECT
      COUNT(*)
    FROM `chartshift`.`rejects__cs_new`
    WHERE
      `map` = 'legacy.empty_is_text -> emr.empty_is_text'
  ),
  0,
  0,
  0;

-- tests/conformance/specs/null_markers.mig:61: legacy.empty_is_text -> emr.empty_is_text: work table no longer needed
DROP TABLE IF EXISTS `chartshift`.`cs_work__emr__empty_is_text`;

