-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/composite_lookups.mig sha256 947f0eabab68e7b610b09dc411abbd207e6c100c06a6e202839c8ec8682c85f9
-- 20_01_emr_claim: map legacy.claims -> emr.claim
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/composite_lookups.mig`.


-- tests/conformance/specs/composite_lookups.mig:71: work table left by an earlier run
DROP TABLE IF EXISTS `chartshift`.`cs_work__emr__claim`;

-- tests/conformance/specs/composite_lookups.mig:71: legacy.claims -> emr.claim: every kept row with its fields and status
CREATE TABLE `chartshift`.`cs_work__emr__claim` AS
WITH `cs_in` AS (
  SELECT
    `claims`.`__row` AS `__row`,
    `claims`.`__cast_error` AS `__cast_error`,
    `claims`.`claim_no` AS `s__claims__claim_no`,
    `claims`.`payer` AS `s__claims__payer`,
    `claims`.`plan` AS `s__claims__plan`,
    `claims`.`code` AS `s__claims__code`,
    `claims`.`vocab` AS `s__claims__vocab`,
    1 AS `__slot`
  FROM `legacy`.`claims` AS `claims`
), `cs_fields` AS (
  SELECT
    `cs_in`.*,
    `cs_in`.`s__claims__claim_no` AS `f__claim_no`,
    CASE
      WHEN TRIM(BOTH ' ' FROM `cs_in`.`s__claims__code`) = '8302-2'
      AND ARRAY_JOIN(
        TRANSFORM(SPLIT(`cs_in`.`s__claims__vocab`, 'ß', -1), `_cs_part` -> UPPER(_cs_part)),
        'ß'
      ) = 'LOINC'
      THEN 3036277
      WHEN TRIM(BOTH ' ' FROM `cs_in`.`s__claims__code`) = '271649006'
      AND ARRAY_JOIN(
        TRANSFORM(SPLIT(`cs_in`.`s__claims__vocab`, 'ß', -1), `_cs_part` -> UPPER(_cs_part)),
        'ß'
      ) = 'SNOMED'
      THEN 4152194
      WHEN TRIM(BOTH ' ' FROM `cs_in`.`s__claims__code`) = '271649006'
      AND ARRAY_JOIN(
        TRANSFORM(SPLIT(`cs_in`.`s__claims__vocab`, 'ß', -1), `_cs_part` -> UPPER(_cs_part)),
        'ß'
      ) = 'SCT'
      THEN 4152194
    END AS `f__concept`,
    CASE
      WHEN `cs_in`.`s__claims__payer` = 'BC' AND `cs_in`.`s__claims__plan` = 'PPO'
      THEN 101
      WHEN `cs_in`.`s__claims__payer` = 'BC' AND `cs_in`.`s__claims__plan` = 'HMO'
      THEN 102
      ELSE 0
    END AS `f__payer_id`,
    CASE
      WHEN `cs_in`.`s__claims__payer` = 'BC' AND `cs_in`.`s__claims__plan` = 'PPO'
      THEN 'Blue Cross PPO'
      WHEN `cs_in`.`s__claims__payer` = 'BC' AND `cs_in`.`s__claims__plan` = 'HMO'
      THEN 'Blue Cross HMO'
      ELSE 'unknown payer'
    END AS `f__payer_name`,
    CAST(REGEXP_REPLACE(
      REPLACE(
        REPLACE(
          CASE
            WHEN TRIM(BOTH ' ' FROM `cs_ref1`.`value_1`) RLIKE '^(?:[+\\-]?(?:[0-9]{1,18}|[0-9]{1,3}(?:,[0-9]{3}){1,5})(?:\\.0+)?)\\z'
            THEN TRIM(BOTH ' ' FROM `cs_ref1`.`value_1`)
          END,
          ',',
          ''
        ),
        '+',
        ''
      ),
      '\\.0+\\z',
      ''
    ) AS BIGINT) AS `f__file_payer`,
    `cs_ref1`.`value_2` AS `f__file_name`,
    CASE
      WHEN `cs_in`.`s__claims__payer` = 'BC' AND `cs_in`.`s__claims__plan` = 'PPO'
      THEN 'preferred'
      WHEN `cs_in`.`s__claims__payer` = 'AE' AND `cs_in`.`s__claims__plan` = 'PPO'
      THEN 'preferred'
      ELSE 'other'
    END AS `f__plan_kind`,
    CAST((
      `cs_in`.`s__claims__claim_no`
    ) AS STRING) AS `__key`
  FROM `cs_in`
  LEFT JOIN `chartshift`.`lookup__payer_file` AS `cs_ref1`
    ON `cs_ref1`.`key_1` = `cs_in`.`s__claims__payer`
    AND `cs_ref1`.`key_2` = `cs_in`.`s__claims__plan`
), `cs_rules` AS (
  SELECT
    `cs_fields`.*,
    CASE
      WHEN NOT `cs_fields`.`__cast_error` IS NULL
      THEN 1
      WHEN `cs_fields`.`__key` IS NULL
      THEN 2
      WHEN NOT `cs_dups`.`first_row` IS NULL AND `cs_fields`.`__row` > `cs_dups`.`first_row`
      THEN 3
    END AS `__rule`
  FROM `cs_fields`
  LEFT JOIN (
    SELECT
      `cs_fields`.`s__claims__claim_no` AS `__k1`,
      MIN(`cs_fields`.`__row`) AS `first_row`
    FROM `cs_fields`
    GROUP BY
      `cs_fields`.`s__claims__claim_no`
    HAVING
      COUNT(*) > 1
  ) AS `cs_dups`
    ON `cs_dups`.`__k1` = `cs_fields`.`s__claims__claim_no`
), `cs_status` AS (
  SELECT
    `cs_rules`.`__row`,
    `cs_rules`.`__slot`,
    `cs_rules`.`__key`,
    `cs_rules`.`__rule`,
    `cs_rules`.`f__claim_no`,
    `cs_rules`.`f__concept`,
    `cs_rules`.`f__payer_id`,
    `cs_rules`.`f__payer_name`,
    `cs_rules`.`f__file_payer`,
    `cs_rules`.`f__file_name`,
    `cs_rules`.`f__plan_kind`,
    `cs_rules`.`s__claims__claim_no`,
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
        FROM `chartshift`.`xwalk__emr__claim`
      ) + ROW_NUMBER() OVER (
        ORDER BY (
          `cs_prev`.`own_id` IS NULL AND `cs_status`.`__status` = 'loaded'
        ) DESC, `cs_status`.`__row` NULLS LAST, `cs_status`.`__slot` NULLS LAST
      )
    END
  ) AS `__own_id`
FROM `cs_status`
LEFT JOIN `chartshift`.`xwalk__emr__claim` AS `cs_prev`
  ON `cs_prev`.`legacy_key` = `cs_status`.`__key`;

-- tests/conformance/specs/composite_lookups.mig:71: legacy.claims -> emr.claim: rejected rows with the first rule that failed
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
  'legacy.claims -> emr.claim',
  'legacy.claims',
  CAST((
    `w`.`s__claims__claim_no`
  ) AS STRING),
  `w`.`__slot`,
  `w`.`__row`,
  CASE `w`.`__rule` WHEN 1 THEN 'cast' WHEN 2 THEN 'key' WHEN 3 THEN 'duplicate key' END,
  CASE `w`.`__rule`
    WHEN 1
    THEN 'value does not fit the source column type'
    WHEN 2
    THEN 'missing legacy key'
    WHEN 3
    THEN 'duplicate legacy key (an earlier row has the same key)'
  END,
  TO_JSON(
    NAMED_STRUCT(
      'claim_no',
      `r`.`claim_no`,
      'payer',
      `r`.`payer`,
      'plan',
      `r`.`plan`,
      'code',
      `r`.`code`,
      'vocab',
      `r`.`vocab`
    )
  ),
  CASE `w`.`__rule`
    WHEN 1
    THEN 'cast'
    WHEN 2
    THEN 'missing_key'
    WHEN 3
    THEN 'duplicate_key'
  END
FROM `chartshift`.`cs_work__emr__claim` AS `w`
JOIN `chartshift_stage`.`legacy__claims` AS `r`
  ON `r`.`__row` = `w`.`__row`
WHERE
  `w`.`__status` = 'rejected'
ORDER BY
  `w`.`__row` NULLS LAST,
  `w`.`__slot` NULLS LAST;

-- tests/conformance/specs/composite_lookups.mig:72: crosswalk emr.claim: loaded keys with their ids, merged keys pointing at their survivor's id
INSERT INTO `chartshift`.`xwalk__emr__claim__cs_new` (
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
FROM `chartshift`.`cs_work__emr__claim` AS `w`
WHERE
  `w`.`__status` IN ('loaded', 'merged');

-- tests/conformance/specs/composite_lookups.mig:72: crosswalk emr.claim: keys not loaded by this run stay, inactive, with their ids
INSERT INTO `chartshift`.`xwalk__emr__claim__cs_new` (
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
FROM `chartshift`.`xwalk__emr__claim` AS `p`
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM `chartshift`.`xwalk__emr__claim__cs_new`
    WHERE
      `xwalk__emr__claim__cs_new`.`legacy_key` = `p`.`legacy_key`
  );

-- tests/conformance/specs/composite_lookups.mig:71: legacy.claims -> emr.claim: load the surviving rows
INSERT INTO `emr`.`claim__cs_new` (
  `id`,
  `claim_no`,
  `concept`,
  `payer_id`,
  `payer_name`,
  `file_payer`,
  `file_name`,
  `plan_kind`
)
SELECT
  CAST(`w`.`__own_id` AS BIGINT),
  CAST(`w`.`f__claim_no` AS STRING),
  CAST(`w`.`f__concept` AS INT),
  CAST(`w`.`f__payer_id` AS INT),
  CAST(`w`.`f__payer_name` AS STRING),
  CAST(`w`.`f__file_payer` AS INT),
  CAST(`w`.`f__file_name` AS STRING),
  CAST(`w`.`f__plan_kind` AS STRING)
FROM `chartshift`.`cs_work__emr__claim` AS `w`
WHERE
  `w`.`__status` = 'loaded';

-- tests/conformance/specs/composite_lookups.mig:71: legacy.claims -> emr.claim: accounting identity: source rows = loaded + rejected + filtered + merged + aggregated
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
  'legacy.claims -> emr.claim',
  'legacy.claims',
  'emr.claim',
  (
    SELECT
      COUNT(*)
    FROM `legacy`.`claims`
  ),
  (
    SELECT
      COUNT(*)
    FROM `emr`.`claim__cs_new`
  ),
  (
    SELECT
      COUNT(*)
    FROM `chartshift`.`rejects__cs_new`
    WHERE
      `map` = 'legacy.claims -> emr.claim'
  ),
  0,
  0,
  0;

-- tests/conformance/specs/composite_lookups.mig:71: legacy.claims -> emr.claim: work table no longer needed
DROP TABLE IF EXISTS `chartshift`.`cs_work__emr__claim`;

