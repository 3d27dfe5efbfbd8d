-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/group_by_union.mig sha256 99214fc1543923073f69ebec6d3de14b8520abebb3bc0cc842c606cce8a273c9
-- 20_02_emr_period: map b.visits -> emr.period
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/group_by_union.mig`.


-- tests/conformance/specs/group_by_union.mig:31: work table left by an earlier run
DROP TABLE IF EXISTS `chartshift`.`cs_work__emr__period`;

-- tests/conformance/specs/group_by_union.mig:31: b.visits -> emr.period: every kept row with its fields and status
CREATE TABLE `chartshift`.`cs_work__emr__period` AS
WITH `cs_in` AS (
  SELECT
    `visits`.`__row` AS `__row`,
    `visits`.`__cast_error` AS `__cast_error`,
    `visits`.`vid` AS `s__visits__vid`,
    `visits`.`pat` AS `s__visits__pat`,
    1 AS `__slot`
  FROM `b`.`visits` AS `visits`
), `cs_vals` AS (
  SELECT
    `cs_in`.*,
    `cs_in`.`s__visits__pat` AS `g__1`
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
    MIN(`cs_ranked`.`g__1`) AS `g__1`,
    COUNT(*) AS `a__1`
  FROM `cs_ranked`
  GROUP BY
    `cs_ranked`.`g__1`
), `cs_fields` AS (
  SELECT
    `cs_groups`.*,
    `cs_groups`.`g__1` AS `f__pat`,
    `cs_groups`.`a__1` AS `f__n`,
    CAST((
      'b.visits'
    ) AS STRING) || '|' || CAST((
      `cs_groups`.`g__1`
    ) AS STRING) AS `__key`
  FROM `cs_groups`
), `cs_rules` AS (
  SELECT
    `cs_fields`.*,
    CASE
      WHEN `cs_fields`.`__key` IS NULL
      THEN 2
      WHEN NOT `cs_dups`.`first_row` IS NULL AND `cs_fields`.`__row` > `cs_dups`.`first_row`
      THEN 3
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
    `cs_rules`.`f__pat`,
    `cs_rules`.`f__n`,
    NULL AS `s__visits__vid`,
    CASE WHEN NOT `cs_rules`.`__rule` IS NULL THEN 'rejected' ELSE 'loaded' END AS `__status`
  FROM `cs_rules`
  UNION ALL
  SELECT
    `cs_in`.`__row`,
    1 AS `__slot`,
    NULL AS `__key`,
    CASE WHEN NOT `cs_in`.`__cast_error` IS NULL THEN 1 END AS `__rule`,
    NULL AS `f__pat`,
    NULL AS `f__n`,
    `cs_in`.`s__visits__vid`,
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
      THEN CASE
        WHEN (
          SELECT
            COALESCE(MAX(`own_id`), 0)
          FROM `chartshift`.`xwalk__emr__period__cs_new`
        ) > (
          SELECT
            COALESCE(MAX(`own_id`), 0)
          FROM `chartshift`.`xwalk__emr__period`
        )
        THEN (
          SELECT
            COALESCE(MAX(`own_id`), 0)
          FROM `chartshift`.`xwalk__emr__period__cs_new`
        )
        ELSE (
          SELECT
            COALESCE(MAX(`own_id`), 0)
          FROM `chartshift`.`xwalk__emr__period`
        )
      END + ROW_NUMBER() OVER (
        ORDER BY (
          `cs_prev`.`own_id` IS NULL AND `cs_status`.`__status` = 'loaded'
        ) DESC, `cs_status`.`__row` NULLS LAST, `cs_status`.`__slot` NULLS LAST
      )
    END
  ) AS `__own_id`
FROM `cs_status`
LEFT JOIN `chartshift`.`xwalk__emr__period` AS `cs_prev`
  ON `cs_prev`.`legacy_key` = `cs_status`.`__key`;

-- tests/conformance/specs/group_by_union.mig:31: b.visits -> emr.period: rejected rows with the first rule that failed
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
  'b.visits -> emr.period',
  'b.visits',
  CAST((
    `w`.`s__visits__vid`
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
    THEN 'duplicate legacy key (an earlier group has the same key)'
  END,
  TO_JSON(NAMED_STRUCT('vid', `r`.`vid`, 'pat', `r`.`pat`)),
  CASE `w`.`__rule`
    WHEN 1
    THEN 'cast'
    WHEN 2
    THEN 'missing_key'
    WHEN 3
    THEN 'duplicate_key'
  END
FROM `chartshift`.`cs_work__emr__period` AS `w`
JOIN `chartshift_stage`.`b__visits` AS `r`
  ON `r`.`__row` = `w`.`__row`
WHERE
  `w`.`__status` = 'rejected'
ORDER BY
  `w`.`__row` NULLS LAST,
  `w`.`__slot` NULLS LAST;

-- tests/conformance/specs/group_by_union.mig:33: crosswalk emr.period: loaded keys with their ids, merged keys pointing at their survivor's id
INSERT INTO `chartshift`.`xwalk__emr__period__cs_new` (
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
FROM `chartshift`.`cs_work__emr__period` AS `w`
WHERE
  `w`.`__status` IN ('loaded', 'merged');

-- tests/conformance/specs/group_by_union.mig:33: crosswalk emr.period: keys not loaded by this run stay, inactive, with their ids
INSERT INTO `chartshift`.`xwalk__emr__period__cs_new` (
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
FROM `chartshift`.`xwalk__emr__period` AS `p`
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM `chartshift`.`xwalk__emr__period__cs_new`
    WHERE
      `xwalk__emr__period__cs_new`.`legacy_key` = `p`.`legacy_key`
  );

-- tests/conformance/specs/group_by_union.mig:31: b.visits -> emr.period: load the surviving rows
INSERT INTO `emr`.`period__cs_new` (
  `id`,
  `pat`,
  `n`
)
SELECT
  CAST(`w`.`__own_id` AS BIGINT),
  CAST(`w`.`f__pat` AS STRING),
  CAST(`w`.`f__n` AS BIGINT)
FROM `chartshift`.`cs_work__emr__period` AS `w`
WHERE
  `w`.`__status` = 'loaded';

-- tests/conformance/specs/group_by_union.mig:31: b.visits -> emr.period: accounting identity: source rows = loaded + rejected + filtered + merged + aggregated
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
  'b.visits -> emr.period',
  'b.visits',
  'emr.period',
  (
    SELECT
      COUNT(*)
    FROM `b`.`visits`
  ),
  (
    SELECT
      COUNT(*)
    FROM `emr`.`period__cs_new`
  ) - (
    SELECT
      COALESCE(SUM(`loaded`), 0)
    FROM `chartshift`.`reconciliation__cs_new`
    WHERE
      `target_table` = 'emr.period'
  ),
  (
    SELECT
      COUNT(*)
    FROM `chartshift`.`rejects__cs_new`
    WHERE
      `map` = 'b.visits -> emr.period'
  ),
  0,
  0,
  (
    SELECT
      CAST(COALESCE(SUM(`cs_groups`.`n`) - COUNT(*), 0) AS BIGINT)
    FROM (
      SELECT
        COUNT(*) AS `n`
      FROM (
        SELECT
          `cs_in`.*,
          `cs_in`.`s__visits__pat` AS `g__1`
        FROM (
          SELECT
            `visits`.`__row` AS `__row`,
            `visits`.`__cast_error` AS `__cast_error`,
            `visits`.`vid` AS `s__visits__vid`,
            `visits`.`pat` AS `s__visits__pat`,
            1 AS `__slot`
          FROM `b`.`visits` AS `visits`
        ) AS `cs_in`
        WHERE
          NOT (
            NOT `cs_in`.`__cast_error` IS NULL
          )
      ) AS `cs_vals`
      GROUP BY
        `cs_vals`.`g__1`
    ) AS `cs_groups`
  );

-- tests/conformance/specs/group_by_union.mig:31: b.visits -> emr.period: work table no longer needed
DROP TABLE IF EXISTS `chartshift`.`cs_work__emr__period`;

