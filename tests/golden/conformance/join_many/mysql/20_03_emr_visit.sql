-- chartshift 0.1.0 | dialect mysql
-- spec tests/conformance/specs/join_many.mig sha256 870919318f0282a26ca449b629644d14083271ed5560e5faff2347804ac13e8a
-- 20_03_emr_visit: map legacy.visits -> emr.visit
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/join_many.mig`.


-- tests/conformance/specs/join_many.mig:69: work table left by an earlier run
DROP TABLE IF EXISTS `chartshift__cs_work__emr__visit`;

-- tests/conformance/specs/join_many.mig:70: join legacy.payers as p: copy left by an earlier run
DROP TABLE IF EXISTS `chartshift__cs_j1__emr__visit`;

-- tests/conformance/specs/join_many.mig:70: join legacy.payers as p: a copy of its rows, to index
CREATE TABLE `chartshift__cs_j1__emr__visit` AS
SELECT
  *
FROM `legacy__payers`;

-- tests/conformance/specs/join_many.mig:70: join legacy.payers as p: an index on the columns `on` compares
CREATE INDEX `cs_on` ON `chartshift__cs_j1__emr__visit`(`payer_id`(255));

-- tests/conformance/specs/join_many.mig:69: legacy.visits -> emr.visit: every kept row with its fields and status
CREATE TABLE `chartshift__cs_work__emr__visit` AS
WITH `cs_in` AS (
  SELECT
    `cs_raw`.*,
    `cs_amb`.`__n__p` AS `__n__p`,
    1 AS `__slot`
  FROM (
    SELECT
      `visits`.`__row` AS `__row`,
      `visits`.`__cast_error` AS `__cast_error`,
      `visits`.`visit_id` AS `s__visits__visit_id`,
      `visits`.`payer_id` AS `s__visits__payer_id`,
      `p`.`payer_id` AS `s__p__payer_id`,
      `p`.`name` AS `s__p__name`,
      `p`.`__row` AS `j__p__row`
    FROM `legacy__visits` AS `visits`
    LEFT JOIN `chartshift__cs_j1__emr__visit` AS `p`
      ON (
        `p`.`payer_id`
      ) = (
        `visits`.`payer_id`
      )
  ) AS `cs_raw`
  LEFT JOIN (
    SELECT
      `__row`,
      COUNT(DISTINCT `j__p__row`) AS `__n__p`,
      MIN(`j__p__row`) AS `first__p`
    FROM (
      SELECT
        `visits`.`__row` AS `__row`,
        `p`.`__row` AS `j__p__row`
      FROM `legacy__visits` AS `visits`
      LEFT JOIN `chartshift__cs_j1__emr__visit` AS `p`
        ON (
          `p`.`payer_id`
        ) = (
          `visits`.`payer_id`
        )
    ) AS `cs_raw`
    GROUP BY
      `__row`
    HAVING
      COUNT(*) > 1
  ) AS `cs_amb`
    ON `cs_amb`.`__row` = `cs_raw`.`__row`
  WHERE
    (
      `cs_amb`.`first__p` IS NULL OR `cs_raw`.`j__p__row` = `cs_amb`.`first__p`
    )
), `cs_fields` AS (
  SELECT
    `cs_in`.*,
    `cs_in`.`s__visits__visit_id` AS `f__visit_id`,
    `cs_in`.`s__p__name` AS `f__payer`,
    CAST(CAST((
      `cs_in`.`s__visits__visit_id`
    ) AS CHAR) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin AS `__key`
  FROM `cs_in`
), `cs_rules` AS (
  SELECT
    `cs_fields`.*,
    CASE
      WHEN NOT `cs_fields`.`__cast_error` IS NULL
      THEN 1
      WHEN `cs_fields`.`__n__p` > 1
      THEN 2
      WHEN `cs_fields`.`__key` IS NULL
      THEN 3
      WHEN `cs_fields`.`f__visit_id` IS NULL
      THEN 4
      WHEN NOT `cs_dups`.`first_row` IS NULL AND `cs_fields`.`__row` > `cs_dups`.`first_row`
      THEN 5
    END AS `__rule`
  FROM `cs_fields`
  LEFT JOIN (
    SELECT
      CAST(`cs_fields`.`s__visits__visit_id` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin AS `__k1`,
      MIN(`cs_fields`.`__row`) AS `first_row`
    FROM `cs_fields`
    GROUP BY
      CAST(`cs_fields`.`s__visits__visit_id` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin
    HAVING
      COUNT(*) > 1
  ) AS `cs_dups`
    ON `cs_dups`.`__k1` = CAST(`cs_fields`.`s__visits__visit_id` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin
)
SELECT
  `cs_rules`.`__row`,
  `cs_rules`.`__slot`,
  `cs_rules`.`__key`,
  `cs_rules`.`__rule`,
  `cs_rules`.`__n__p`,
  `cs_rules`.`f__visit_id`,
  `cs_rules`.`f__payer`,
  `cs_rules`.`s__visits__visit_id`,
  CASE WHEN NOT `cs_rules`.`__rule` IS NULL THEN 'rejected' ELSE 'loaded' END AS `__status`
FROM `cs_rules`;

-- tests/conformance/specs/join_many.mig:69: legacy.visits -> emr.visit: rejected rows with the first rule that failed
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
  'legacy.visits -> emr.visit',
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
    THEN 'ambiguous_match'
    WHEN 3
    THEN 'key'
    WHEN 4
    THEN 'not null:emr.visit.visit_id'
    WHEN 5
    THEN 'duplicate key'
  END,
  CASE `w`.`__rule`
    WHEN 1
    THEN 'value does not fit the source column type'
    WHEN 2
    THEN CONCAT('ambiguous match (', CAST((
      `w`.`__n__p`
    ) AS CHAR), ' rows of legacy.payers)')
    WHEN 3
    THEN 'missing legacy key'
    WHEN 4
    THEN 'visit_id is required but empty'
    WHEN 5
    THEN 'duplicate legacy key (an earlier row has the same key)'
  END,
  CAST(JSON_OBJECT('visit_id', `r`.`visit_id`, 'code', `r`.`code`, 'payer_id', `r`.`payer_id`) AS CHAR),
  CASE `w`.`__rule`
    WHEN 1
    THEN 'cast'
    WHEN 2
    THEN 'ambiguous_match'
    WHEN 3
    THEN 'missing_key'
    WHEN 4
    THEN 'not_null'
    WHEN 5
    THEN 'duplicate_key'
  END
FROM `chartshift__cs_work__emr__visit` AS `w`
JOIN `chartshift_stage__legacy__visits` AS `r`
  ON `r`.`__row` = `w`.`__row`
WHERE
  `w`.`__status` = 'rejected'
ORDER BY
  CASE WHEN `w`.`__row` IS NULL THEN 1 ELSE 0 END, `w`.`__row`,
  CASE WHEN `w`.`__slot` IS NULL THEN 1 ELSE 0 END, `w`.`__slot`;

-- tests/conformance/specs/join_many.mig:69: legacy.visits -> emr.visit: load the surviving rows
INSERT INTO `emr__visit__cs_new` (
  `visit_id`,
  `payer`
)
SELECT
  CAST(`w`.`f__visit_id` AS CHAR),
  CAST(`w`.`f__payer` AS CHAR)
FROM `chartshift__cs_work__emr__visit` AS `w`
WHERE
  `w`.`__status` = 'loaded';

-- tests/conformance/specs/join_many.mig:69: legacy.visits -> emr.visit: accounting identity: source rows = loaded + rejected + filtered + merged + aggregated
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
  'legacy.visits -> emr.visit',
  'legacy.visits',
  'emr.visit',
  (
    SELECT
      COUNT(*)
    FROM `legacy__visits`
  ),
  (
    SELECT
      COUNT(*)
    FROM `emr__visit__cs_new`
  ),
  (
    SELECT
      COUNT(*)
    FROM `chartshift__rejects__cs_new`
    WHERE
      `map` = 'legacy.visits -> emr.visit'
  ),
  0,
  0,
  0;

-- tests/conformance/specs/join_many.mig:69: legacy.visits -> emr.visit: work table no longer needed
DROP TABLE IF EXISTS `chartshift__cs_work__emr__visit`;

-- tests/conformance/specs/join_many.mig:70: join p: copy no longer needed
DROP TABLE IF EXISTS `chartshift__cs_j1__emr__visit`;

