-- chartshift 0.1.0 | dialect mysql
-- spec tests/conformance/specs/composite_lookups.mig sha256 947f0eabab68e7b610b09dc411abbd207e6c100c06a6e202839c8ec8682c85f9
-- 20_02_emr_strict_claim: map legacy.claims -> emr.strict_claim
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/composite_lookups.mig`.


-- tests/conformance/specs/composite_lookups.mig:82: work table left by an earlier run
DROP TABLE IF EXISTS `chartshift__cs_work__emr__strict_claim`;

-- tests/conformance/specs/composite_lookups.mig:82: legacy.claims -> emr.strict_claim: every kept row with its fields and status
CREATE TABLE `chartshift__cs_work__emr__strict_claim` AS
WITH `cs_in` AS (
  SELECT
    `claims`.`__row` AS `__row`,
    `claims`.`__cast_error` AS `__cast_error`,
    `claims`.`claim_no` AS `s__claims__claim_no`,
    `claims`.`payer` AS `s__claims__payer`,
    `claims`.`plan` AS `s__claims__plan`,
    1 AS `__slot`
  FROM `legacy__claims` AS `claims`
), `cs_fields` AS (
  SELECT
    `cs_in`.*,
    `cs_in`.`s__claims__claim_no` AS `f__claim_no`,
    CAST(REGEXP_REPLACE(
      CAST(REPLACE(
        REPLACE(
          CASE
            WHEN REGEXP_INSTR(
              CAST(TRIM(BOTH ' ' FROM `cs_ref1`.`value_1`) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
              '^(?:[+\\-]?(?:[0-9]{1,18}|[0-9]{1,3}(?:,[0-9]{3}){1,5})(?:\\.0+)?)\\z'
            ) > 0
            THEN TRIM(BOTH ' ' FROM `cs_ref1`.`value_1`)
          END,
          ',',
          ''
        ),
        '+',
        ''
      ) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
      '\\.0+\\z',
      ''
    ) AS SIGNED) AS `f__payer_id`,
    CASE
      WHEN `cs_in`.`s__claims__payer` = 'BC' AND `cs_in`.`s__claims__plan` = 'PPO'
      THEN 101
      WHEN `cs_in`.`s__claims__payer` = 'AE' AND `cs_in`.`s__claims__plan` = 'PPO'
      THEN 201
    END AS `f__inline_id`,
    CAST(CAST((
      `cs_in`.`s__claims__claim_no`
    ) AS CHAR) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin AS `__key`,
    `cs_ref1`.`key_1` IS NULL AS `__miss_1`,
    CASE
      WHEN `cs_in`.`s__claims__payer` = 'BC' AND `cs_in`.`s__claims__plan` = 'PPO'
      THEN FALSE
      WHEN `cs_in`.`s__claims__payer` = 'AE' AND `cs_in`.`s__claims__plan` = 'PPO'
      THEN FALSE
      ELSE TRUE
    END AS `__miss_2`
  FROM `cs_in`
  LEFT JOIN `chartshift__lookup__payer_id_strict` AS `cs_ref1`
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
      WHEN `cs_fields`.`__miss_1` = TRUE
      THEN 3
      WHEN `cs_fields`.`__miss_2` = TRUE
      THEN 4
      WHEN NOT `cs_dups`.`first_row` IS NULL AND `cs_fields`.`__row` > `cs_dups`.`first_row`
      THEN 5
    END AS `__rule`
  FROM `cs_fields`
  LEFT JOIN (
    SELECT
      CAST(`cs_fields`.`s__claims__claim_no` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin AS `__k1`,
      MIN(`cs_fields`.`__row`) AS `first_row`
    FROM `cs_fields`
    GROUP BY
      CAST(`cs_fields`.`s__claims__claim_no` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin
    HAVING
      COUNT(*) > 1
  ) AS `cs_dups`
    ON `cs_dups`.`__k1` = CAST(`cs_fields`.`s__claims__claim_no` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin
), `cs_status` AS (
  SELECT
    `cs_rules`.`__row`,
    `cs_rules`.`__slot`,
    `cs_rules`.`__key`,
    `cs_rules`.`__rule`,
    `cs_rules`.`f__claim_no`,
    `cs_rules`.`f__payer_id`,
    `cs_rules`.`f__inline_id`,
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
        FROM `chartshift__xwalk__emr__strict_claim`
      ) + ROW_NUMBER() OVER (
        ORDER BY (
          `cs_prev`.`own_id` IS NULL AND `cs_status`.`__status` = 'loaded'
        ) DESC, CASE WHEN `cs_status`.`__row` IS NULL THEN 1 ELSE 0 END, `cs_status`.`__row`, CASE WHEN `cs_status`.`__slot` IS NULL THEN 1 ELSE 0 END, `cs_status`.`__slot`
      )
    END
  ) AS `__own_id`
FROM `cs_status`
LEFT JOIN `chartshift__xwalk__emr__strict_claim` AS `cs_prev`
  ON `cs_prev`.`legacy_key` = `cs_status`.`__key`;

-- tests/conformance/specs/composite_lookups.mig:82: legacy.claims -> emr.strict_claim: rejected rows with the first rule that failed
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
  'legacy.claims -> emr.strict_claim',
  'legacy.claims',
  CAST(CAST((
    `w`.`s__claims__claim_no`
  ) AS CHAR) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
  `w`.`__slot`,
  `w`.`__row`,
  CASE `w`.`__rule`
    WHEN 1
    THEN 'cast'
    WHEN 2
    THEN 'key'
    WHEN 3
    THEN 'lookup:payer_id_strict'
    WHEN 4
    THEN 'lookup:payer_inline_strict'
    WHEN 5
    THEN 'duplicate key'
  END,
  CASE `w`.`__rule`
    WHEN 1
    THEN 'value does not fit the source column type'
    WHEN 2
    THEN 'missing legacy key'
    WHEN 3
    THEN 'no entry in lookup payer_id_strict'
    WHEN 4
    THEN 'no entry in lookup payer_inline_strict'
    WHEN 5
    THEN 'duplicate legacy key (an earlier row has the same key)'
  END,
  CAST(JSON_OBJECT(
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
  ) AS CHAR),
  CASE `w`.`__rule`
    WHEN 1
    THEN 'cast'
    WHEN 2
    THEN 'missing_key'
    WHEN 3
    THEN 'lookup_missing'
    WHEN 4
    THEN 'lookup_missing'
    WHEN 5
    THEN 'duplicate_key'
  END
FROM `chartshift__cs_work__emr__strict_claim` AS `w`
JOIN `chartshift_stage__legacy__claims` AS `r`
  ON `r`.`__row` = `w`.`__row`
WHERE
  `w`.`__status` = 'rejected'
ORDER BY
  CASE WHEN `w`.`__row` IS NULL THEN 1 ELSE 0 END, `w`.`__row`,
  CASE WHEN `w`.`__slot` IS NULL THEN 1 ELSE 0 END, `w`.`__slot`;

-- tests/conformance/specs/composite_lookups.mig:83: crosswalk emr.strict_claim: loaded keys with their ids, merged keys pointing at their survivor's id
INSERT INTO `chartshift__xwalk__emr__strict_claim__cs_new` (
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
FROM `chartshift__cs_work__emr__strict_claim` AS `w`
WHERE
  `w`.`__status` IN ('loaded', 'merged');

-- tests/conformance/specs/composite_lookups.mig:83: crosswalk emr.strict_claim: keys not loaded by this run stay, inactive, with their ids
INSERT INTO `chartshift__xwalk__emr__strict_claim__cs_new` (
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
FROM `chartshift__xwalk__emr__strict_claim` AS `p`
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM `chartshift__xwalk__emr__strict_claim__cs_new`
    WHERE
      `chartshift__xwalk__emr__strict_claim__cs_new`.`legacy_key` = `p`.`legacy_key`
  );

-- tests/conformance/specs/composite_lookups.mig:82: legacy.claims -> emr.strict_claim: load the surviving rows
INSERT INTO `emr__strict_claim__cs_new` (
  `id`,
  `claim_no`,
  `payer_id`,
  `inline_id`
)
SELECT
  CAST(`w`.`__own_id` AS SIGNED),
  CAST(`w`.`f__claim_no` AS CHAR),
  CAST(`w`.`f__payer_id` AS SIGNED),
  CAST(`w`.`f__inline_id` AS SIGNED)
FROM `chartshift__cs_work__emr__strict_claim` AS `w`
WHERE
  `w`.`__status` = 'loaded';

-- tests/conformance/specs/composite_lookups.mig:82: legacy.claims -> emr.strict_claim: accounting identity: source rows = loaded + rejected + filtered + merged + aggregated
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
  'legacy.claims -> emr.strict_claim',
  'legacy.claims',
  'emr.strict_claim',
  (
    SELECT
      COUNT(*)
    FROM `legacy__claims`
  ),
  (
    SELECT
      COUNT(*)
    FROM `emr__strict_claim__cs_new`
  ),
  (
    SELECT
      COUNT(*)
    FROM `chartshift__rejects__cs_new`
    WHERE
      `map` = 'legacy.claims -> emr.strict_claim'
  ),
  0,
  0,
  0;

-- tests/conformance/specs/composite_lookups.mig:82: legacy.claims -> emr.strict_claim: work table no longer needed
DROP TABLE IF EXISTS `chartshift__cs_work__emr__strict_claim`;

