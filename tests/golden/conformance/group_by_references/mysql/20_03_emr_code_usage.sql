-- chartshift 0.1.0 | dialect mysql
-- spec tests/conformance/specs/group_by_references.mig sha256 affaa2e359660ec72ffb991b16b3db70e42ec3e2bbc9bbda02a66e1e7c3e816a
-- 20_03_emr_code_usage: map legacy.visits -> emr.code_usage
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/group_by_references.mig`.


-- tests/conformance/specs/group_by_references.mig:71: work table left by an earlier run
DROP TABLE IF EXISTS `chartshift__cs_work__emr__code_usage`;

-- tests/conformance/specs/group_by_references.mig:72: join legacy.code_map as m: copy left by an earlier run
DROP TABLE IF EXISTS `chartshift__cs_j1__emr__code_usage`;

-- tests/conformance/specs/group_by_references.mig:72: join legacy.code_map as m: a copy of its rows, to index
CREATE TABLE `chartshift__cs_j1__emr__code_usage` AS
SELECT
  *
FROM `legacy__code_map`;

-- tests/conformance/specs/group_by_references.mig:72: join legacy.code_map as m: an index on the columns `on` compares
CREATE INDEX `cs_on` ON `chartshift__cs_j1__emr__code_usage`(`kind`(255));

-- tests/conformance/specs/group_by_references.mig:71: legacy.visits -> emr.code_usage: every kept row with its fields and status
CREATE TABLE `chartshift__cs_work__emr__code_usage` AS
WITH `cs_in` AS (
  SELECT
    `cs_raw`.*,
    ROW_NUMBER() OVER (
      PARTITION BY `cs_raw`.`__row`
      ORDER BY CASE WHEN `cs_raw`.`j__m__row` IS NULL THEN 1 ELSE 0 END, `cs_raw`.`j__m__row`
    ) AS `__match`,
    ROW_NUMBER() OVER (
      ORDER BY CASE WHEN `cs_raw`.`__row` IS NULL THEN 1 ELSE 0 END, `cs_raw`.`__row`, CASE WHEN `cs_raw`.`j__m__row` IS NULL THEN 1 ELSE 0 END, `cs_raw`.`j__m__row`
    ) AS `__ord`,
    1 AS `__slot`
  FROM (
    SELECT
      `visits`.`__row` AS `__row`,
      `visits`.`__cast_error` AS `__cast_error`,
      `visits`.`visit_id` AS `s__visits__visit_id`,
      `visits`.`kind` AS `s__visits__kind`,
      `m`.`kind` AS `s__m__kind`,
      `m`.`cpt` AS `s__m__cpt`,
      `m`.`__row` AS `j__m__row`
    FROM `legacy__visits` AS `visits`
    LEFT JOIN `chartshift__cs_j1__emr__code_usage` AS `m`
      ON (
        `m`.`kind`
      ) = (
        `visits`.`kind`
      )
  ) AS `cs_raw`
), `cs_vals` AS (
  SELECT
    `cs_in`.*,
    `cs_in`.`s__m__cpt` AS `g__1`,
    `cs_in`.`s__visits__visit_id` AS `v__2`,
    `cs_in`.`s__m__cpt` AS `o__2_1`
  FROM `cs_in`
  WHERE
    NOT (
      NOT `cs_in`.`__cast_error` IS NULL
    )
), `cs_ranked` AS (
  SELECT
    `cs_vals`.*,
    ROW_NUMBER() OVER (
      PARTITION BY CAST(`cs_vals`.`g__1` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin
      ORDER BY CASE WHEN CAST(`cs_vals`.`o__2_1` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin IS NULL THEN 1 ELSE 0 END, CAST(`cs_vals`.`o__2_1` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin ASC, CASE WHEN CAST(`cs_vals`.`s__visits__visit_id` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin IS NULL THEN 1 ELSE 0 END, CAST(`cs_vals`.`s__visits__visit_id` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin ASC, CASE WHEN `cs_vals`.`__ord` IS NULL THEN 1 ELSE 0 END, `cs_vals`.`__ord` ASC
    ) AS `r__2`
  FROM `cs_vals`
), `cs_groups` AS (
  SELECT
    MIN(`cs_ranked`.`__row`) AS `__row`,
    MIN(`cs_ranked`.`__ord`) AS `__ord`,
    MIN(CAST(`cs_ranked`.`g__1` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin) AS `g__1`,
    COUNT(*) AS `a__1`,
    MAX(CASE WHEN `cs_ranked`.`r__2` = 1 THEN `cs_ranked`.`v__2` END) AS `a__2`
  FROM `cs_ranked`
  GROUP BY
    CAST(`cs_ranked`.`g__1` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin
), `cs_fields` AS (
  SELECT
    `cs_groups`.*,
    `cs_groups`.`g__1` AS `f__cpt`,
    `cs_groups`.`a__1` AS `f__visits`,
    `cs_groups`.`a__2` AS `f__first_visit`,
    CAST(CAST((
      `cs_groups`.`g__1`
    ) AS CHAR) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin AS `__key`
  FROM `cs_groups`
), `cs_rules` AS (
  SELECT
    `cs_fields`.*,
    CASE
      WHEN `cs_fields`.`__key` IS NULL
      THEN 2
      WHEN CHAR_LENGTH(CAST(`cs_fields`.`f__cpt` AS CHAR)) > 5
      THEN 3
      WHEN NOT `cs_dups`.`first_row` IS NULL AND `cs_fields`.`__ord` > `cs_dups`.`first_row`
      THEN 4
    END AS `__rule`
  FROM `cs_fields`
  LEFT JOIN (
    SELECT
      `cs_fields`.`__key`,
      MIN(`cs_fields`.`__ord`) AS `first_row`
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
    `cs_rules`.`f__cpt`,
    `cs_rules`.`f__visits`,
    `cs_rules`.`f__first_visit`,
    NULL AS `s__visits__visit_id`,
    `cs_rules`.`__ord`,
    CASE WHEN NOT `cs_rules`.`__rule` IS NULL THEN 'rejected' ELSE 'loaded' END AS `__status`
  FROM `cs_rules`
  UNION ALL
  SELECT
    `cs_in`.`__row`,
    1 AS `__slot`,
    NULL AS `__key`,
    CASE WHEN NOT `cs_in`.`__cast_error` IS NULL THEN 1 END AS `__rule`,
    NULL AS `f__cpt`,
    NULL AS `f__visits`,
    NULL AS `f__first_visit`,
    `cs_in`.`s__visits__visit_id`,
    `cs_in`.`__ord`,
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
        FROM `chartshift__xwalk__emr__code_usage`
      ) + ROW_NUMBER() OVER (
        ORDER BY (
          `cs_prev`.`own_id` IS NULL AND `cs_status`.`__status` = 'loaded'
        ) DESC, CASE WHEN `cs_status`.`__ord` IS NULL THEN 1 ELSE 0 END, `cs_status`.`__ord`, CASE WHEN `cs_status`.`__slot` IS NULL THEN 1 ELSE 0 END, `cs_status`.`__slot`
      )
    END
  ) AS `__own_id`
FROM `cs_status`
LEFT JOIN `chartshift__xwalk__emr__code_usage` AS `cs_prev`
  ON `cs_prev`.`legacy_key` = `cs_status`.`__key`;

-- tests/conformance/specs/group_by_references.mig:71: legacy.visits -> emr.code_usage: rejected rows with the first rule that failed
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
  'legacy.visits -> emr.code_usage',
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
    THEN 'length:emr.code_usage.cpt'
    WHEN 4
    THEN 'duplicate key'
  END,
  CASE `w`.`__rule`
    WHEN 1
    THEN 'value does not fit the source column type'
    WHEN 2
    THEN 'missing legacy key'
    WHEN 3
    THEN 'cpt is longer than 5 characters'
    WHEN 4
    THEN 'duplicate legacy key (an earlier group has the same key)'
  END,
  CAST(JSON_OBJECT(
    'visit_id',
    `r`.`visit_id`,
    'auth_no',
    `r`.`auth_no`,
    'kind',
    `r`.`kind`,
    'clinic',
    `r`.`clinic`
  ) AS CHAR),
  CASE `w`.`__rule`
    WHEN 1
    THEN 'cast'
    WHEN 2
    THEN 'missing_key'
    WHEN 3
    THEN 'too_long'
    WHEN 4
    THEN 'duplicate_key'
  END
FROM `chartshift__cs_work__emr__code_usage` AS `w`
JOIN `chartshift_stage__legacy__visits` AS `r`
  ON `r`.`__row` = `w`.`__row`
WHERE
  `w`.`__status` = 'rejected'
ORDER BY
  CASE WHEN `w`.`__row` IS NULL THEN 1 ELSE 0 END, `w`.`__row`,
  CASE WHEN `w`.`__slot` IS NULL THEN 1 ELSE 0 END, `w`.`__slot`;

-- tests/conformance/specs/group_by_references.mig:74: crosswalk emr.code_usage: loaded keys with their ids, merged keys pointing at their survivor's id
INSERT INTO `chartshift__xwalk__emr__code_usage__cs_new` (
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
FROM `chartshift__cs_work__emr__code_usage` AS `w`
WHERE
  `w`.`__status` IN ('loaded', 'merged');

-- tests/conformance/specs/group_by_references.mig:74: crosswalk emr.code_usage: keys not loaded by this run stay, inactive, with their ids
INSERT INTO `chartshift__xwalk__emr__code_usage__cs_new` (
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
FROM `chartshift__xwalk__emr__code_usage` AS `p`
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM `chartshift__xwalk__emr__code_usage__cs_new`
    WHERE
      `chartshift__xwalk__emr__code_usage__cs_new`.`legacy_key` = `p`.`legacy_key`
  );

-- tests/conformance/specs/group_by_references.mig:71: legacy.visits -> emr.code_usage: load the surviving rows
INSERT INTO `emr__code_usage__cs_new` (
  `id`,
  `cpt`,
  `visits`,
  `first_visit`
)
SELECT
  CAST(`w`.`__own_id` AS SIGNED),
  CAST(`w`.`f__cpt` AS CHAR(5)),
  CAST(`w`.`f__visits` AS SIGNED),
  CAST(`w`.`f__first_visit` AS CHAR)
FROM `chartshift__cs_work__emr__code_usage` AS `w`
WHERE
  `w`.`__status` = 'loaded';

-- tests/conformance/specs/group_by_references.mig:71: legacy.visits -> emr.code_usage: accounting identity: source rows = loaded + rejected + filtered + merged + aggregated
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
  'legacy.visits -> emr.code_usage',
  'legacy.visits',
  'emr.code_usage',
  (
    SELECT
      COUNT(*)
    FROM (
      SELECT
        `cs_raw`.*,
        ROW_NUMBER() OVER (
          PARTITION BY `cs_raw`.`__row`
          ORDER BY CASE WHEN `cs_raw`.`j__m__row` IS NULL THEN 1 ELSE 0 END, `cs_raw`.`j__m__row`
        ) AS `__match`,
        ROW_NUMBER() OVER (
          ORDER BY CASE WHEN `cs_raw`.`__row` IS NULL THEN 1 ELSE 0 END, `cs_raw`.`__row`, CASE WHEN `cs_raw`.`j__m__row` IS NULL THEN 1 ELSE 0 END, `cs_raw`.`j__m__row`
        ) AS `__ord`,
        1 AS `__slot`
      FROM (
        SELECT
          `visits`.`__row` AS `__row`,
          `visits`.`__cast_error` AS `__cast_error`,
          `visits`.`visit_id` AS `s__visits__visit_id`,
          `visits`.`kind` AS `s__visits__kind`,
          `m`.`kind` AS `s__m__kind`,
          `m`.`cpt` AS `s__m__cpt`,
          `m`.`__row` AS `j__m__row`
        FROM `legacy__visits` AS `visits`
        LEFT JOIN `chartshift__cs_j1__emr__code_usage` AS `m`
          ON (
            `m`.`kind`
          ) = (
            `visits`.`kind`
          )
      ) AS `cs_raw`
    ) AS `cs_in`
  ),
  (
    SELECT
      COUNT(*)
    FROM `emr__code_usage__cs_new`
  ),
  (
    SELECT
      COUNT(*)
    FROM `chartshift__rejects__cs_new`
    WHERE
      `map` = 'legacy.visits -> emr.code_usage'
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
          `cs_in`.`s__m__cpt` AS `g__1`,
          `cs_in`.`s__visits__visit_id` AS `v__2`,
          `cs_in`.`s__m__cpt` AS `o__2_1`
        FROM (
          SELECT
            `cs_raw`.*,
            ROW_NUMBER() OVER (
              PARTITION BY `cs_raw`.`__row`
              ORDER BY CASE WHEN `cs_raw`.`j__m__row` IS NULL THEN 1 ELSE 0 END, `cs_raw`.`j__m__row`
            ) AS `__match`,
            ROW_NUMBER() OVER (
              ORDER BY CASE WHEN `cs_raw`.`__row` IS NULL THEN 1 ELSE 0 END, `cs_raw`.`__row`, CASE WHEN `cs_raw`.`j__m__row` IS NULL THEN 1 ELSE 0 END, `cs_raw`.`j__m__row`
            ) AS `__ord`,
            1 AS `__slot`
          FROM (
            SELECT
              `visits`.`__row` AS `__row`,
              `visits`.`__cast_error` AS `__cast_error`,
              `visits`.`visit_id` AS `s__visits__visit_id`,
              `visits`.`kind` AS `s__visits__kind`,
              `m`.`kind` AS `s__m__kind`,
              `m`.`cpt` AS `s__m__cpt`,
              `m`.`__row` AS `j__m__row`
            FROM `legacy__visits` AS `visits`
            LEFT JOIN `chartshift__cs_j1__emr__code_usage` AS `m`
              ON (
                `m`.`kind`
              ) = (
                `visits`.`kind`
              )
          ) AS `cs_raw`
        ) AS `cs_in`
        WHERE
          NOT (
            NOT `cs_in`.`__cast_error` IS NULL
          )
      ) AS `cs_vals`
      GROUP BY
        CAST(`cs_vals`.`g__1` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin
    ) AS `cs_groups`
  );

-- tests/conformance/specs/group_by_references.mig:71: legacy.visits -> emr.code_usage: work table no longer needed
DROP TABLE IF EXISTS `chartshift__cs_work__emr__code_usage`;

-- tests/conformance/specs/group_by_references.mig:72: join m: copy no longer needed
DROP TABLE IF EXISTS `chartshift__cs_j1__emr__code_usage`;

