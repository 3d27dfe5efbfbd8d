-- chartshift 0.1.0 | dialect mysql
-- spec tests/conformance/specs/group_by.mig sha256 8c97e61b28d6ea83244c7b367f812e592a33e711e4ebea957a4e55ed55be9144
-- 20_01_emr_observation_period: map legacy.visits -> emr.observation_period
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/group_by.mig`.


-- tests/conformance/specs/group_by.mig:44: work table left by an earlier run
DROP TABLE IF EXISTS `chartshift__cs_work__emr__observation_period`;

-- tests/conformance/specs/group_by.mig:44: legacy.visits -> emr.observation_period: every kept row with its fields and status
CREATE TABLE `chartshift__cs_work__emr__observation_period` AS
WITH `cs_in` AS (
  SELECT
    *
  FROM (
    SELECT
      `visits`.`__row` AS `__row`,
      `visits`.`__cast_error` AS `__cast_error`,
      `visits`.`visit_id` AS `s__visits__visit_id`,
      `visits`.`pat_no` AS `s__visits__pat_no`,
      `visits`.`visit_dt` AS `s__visits__visit_dt`,
      `visits`.`units` AS `s__visits__units`,
      `visits`.`amount` AS `s__visits__amount`,
      `visits`.`therapist` AS `s__visits__therapist`,
      `visits`.`status` AS `s__visits__status`,
      1 AS `__slot`
    FROM `legacy__visits` AS `visits`
  ) AS `cs_in`
  WHERE
    COALESCE(
      (
        (
          (
            (
              `cs_in`.`s__visits__status`
            ) <> (
              'X'
            )
          )
          OR (
            (
              `cs_in`.`s__visits__status`
            ) IS NULL
          )
        )
      ),
      FALSE
    )
), `cs_vals` AS (
  SELECT
    `cs_in`.*,
    TRIM(BOTH ' ' FROM `cs_in`.`s__visits__pat_no`) AS `g__1`,
    `cs_in`.`s__visits__visit_dt` AS `v__1`,
    `cs_in`.`s__visits__visit_dt` AS `v__2`,
    `cs_in`.`s__visits__visit_dt` AS `v__4`,
    `cs_in`.`s__visits__units` AS `v__5`,
    `cs_in`.`s__visits__amount` AS `v__6`,
    `cs_in`.`s__visits__units` AS `v__7`,
    `cs_in`.`s__visits__therapist` AS `v__8`,
    `cs_in`.`s__visits__therapist` AS `v__9`,
    `cs_in`.`s__visits__visit_dt` AS `o__9_1`,
    `cs_in`.`s__visits__therapist` AS `v__10`,
    `cs_in`.`s__visits__visit_dt` AS `o__10_1`,
    `cs_in`.`s__visits__therapist` AS `v__11`,
    `cs_in`.`s__visits__visit_dt` AS `o__11_1`,
    `cs_in`.`s__visits__status` AS `v__12`,
    `cs_in`.`s__visits__status` AS `v__13`,
    `cs_in`.`s__visits__status` AS `v__14`
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
      ORDER BY CASE WHEN `cs_vals`.`o__9_1` IS NULL THEN 1 ELSE 0 END, `cs_vals`.`o__9_1` ASC, CASE WHEN CAST(`cs_vals`.`s__visits__visit_id` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin IS NULL THEN 1 ELSE 0 END, CAST(`cs_vals`.`s__visits__visit_id` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin ASC
    ) AS `r__9`,
    ROW_NUMBER() OVER (
      PARTITION BY CAST(`cs_vals`.`g__1` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin
      ORDER BY `cs_vals`.`o__10_1` DESC, CAST(`cs_vals`.`s__visits__visit_id` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin DESC
    ) AS `r__10`
  FROM `cs_vals`
), `cs_groups` AS (
  SELECT
    MIN(`cs_ranked`.`__row`) AS `__row`,
    MIN(CAST(`cs_ranked`.`g__1` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin) AS `g__1`,
    MIN(`cs_ranked`.`v__1`) AS `a__1`,
    MAX(`cs_ranked`.`v__2`) AS `a__2`,
    COUNT(*) AS `a__3`,
    COUNT(`cs_ranked`.`v__4`) AS `a__4`,
    CAST(SUM(`cs_ranked`.`v__5`) AS SIGNED) AS `a__5`,
    CAST(SUM(`cs_ranked`.`v__6`) AS DECIMAL(18, 4)) AS `a__6`,
    MIN(`cs_ranked`.`v__7`) AS `a__7`,
    MAX(CAST(`cs_ranked`.`v__8` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin) AS `a__8`,
    MAX(CASE WHEN `cs_ranked`.`r__9` = 1 THEN `cs_ranked`.`v__9` END) AS `a__9`,
    MAX(CASE WHEN `cs_ranked`.`r__10` = 1 THEN `cs_ranked`.`v__10` END) AS `a__10`,
    GROUP_CONCAT(`cs_ranked`.`v__11` ORDER BY CASE WHEN `cs_ranked`.`o__11_1` IS NULL THEN 1 ELSE 0 END, `cs_ranked`.`o__11_1` ASC, CASE WHEN CAST(`cs_ranked`.`s__visits__visit_id` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin IS NULL THEN 1 ELSE 0 END, CAST(`cs_ranked`.`s__visits__visit_id` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin ASC SEPARATOR ', ') AS `a__11`,
    COUNT(`cs_ranked`.`v__12`) AS `a__12`,
    MAX(
      CAST(`cs_ranked`.`v__13` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin
    ) AS `a__13`,
    MIN(
      CAST(`cs_ranked`.`v__14` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin
    ) AS `a__14`
  FROM `cs_ranked`
  GROUP BY
    CAST(`cs_ranked`.`g__1` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin
), `cs_fields` AS (
  SELECT
    `cs_groups`.*,
    UPPER(`cs_groups`.`g__1`) AS `f__patient`,
    `cs_groups`.`a__1` AS `f__first_visit`,
    `cs_groups`.`a__2` AS `f__last_visit`,
    `cs_groups`.`a__3` AS `f__visits`,
    `cs_groups`.`a__4` AS `f__dated_visits`,
    `cs_groups`.`a__5` AS `f__units_total`,
    `cs_groups`.`a__6` AS `f__amount_total`,
    `cs_groups`.`a__7` AS `f__fewest_units`,
    `cs_groups`.`a__8` AS `f__last_name_az`,
    `cs_groups`.`a__9` AS `f__first_therapist`,
    `cs_groups`.`a__10` AS `f__last_therapist`,
    `cs_groups`.`a__11` AS `f__therapists`,
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
      WHEN COALESCE(
        (
          (
            (
              (
                `cs_fields`.`f__visits`
              ) = (
                `cs_fields`.`a__12`
              )
            )
            AND (
              (
                `cs_fields`.`a__13`
              ) = (
                'C'
              )
            )
          )
          AND (
            (
              `cs_fields`.`a__14`
            ) = (
              'C'
            )
          )
        ),
        FALSE
      )
      THEN 3
      WHEN CHAR_LENGTH(CAST(`cs_fields`.`f__patient` AS CHAR)) > 10
      THEN 4
      WHEN `cs_fields`.`f__visits` IS NULL
      THEN 5
      WHEN ABS(`cs_fields`.`f__amount_total`) >= 100000000
      THEN 6
      WHEN NOT `cs_dups`.`first_row` IS NULL AND `cs_fields`.`__row` > `cs_dups`.`first_row`
      THEN 7
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
    `cs_rules`.`f__patient`,
    `cs_rules`.`f__first_visit`,
    `cs_rules`.`f__last_visit`,
    `cs_rules`.`f__visits`,
    `cs_rules`.`f__dated_visits`,
    `cs_rules`.`f__units_total`,
    `cs_rules`.`f__amount_total`,
    `cs_rules`.`f__fewest_units`,
    `cs_rules`.`f__last_name_az`,
    `cs_rules`.`f__first_therapist`,
    `cs_rules`.`f__last_therapist`,
    `cs_rules`.`f__therapists`,
    NULL AS `s__visits__visit_id`,
    CASE WHEN NOT `cs_rules`.`__rule` IS NULL THEN 'rejected' ELSE 'loaded' END AS `__status`
  FROM `cs_rules`
  UNION ALL
  SELECT
    `cs_in`.`__row`,
    1 AS `__slot`,
    NULL AS `__key`,
    CASE WHEN NOT `cs_in`.`__cast_error` IS NULL THEN 1 END AS `__rule`,
    NULL AS `f__patient`,
    NULL AS `f__first_visit`,
    NULL AS `f__last_visit`,
    NULL AS `f__visits`,
    NULL AS `f__dated_visits`,
    NULL AS `f__units_total`,
    NULL AS `f__amount_total`,
    NULL AS `f__fewest_units`,
    NULL AS `f__last_name_az`,
    NULL AS `f__first_therapist`,
    NULL AS `f__last_therapist`,
    NULL AS `f__therapists`,
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
        FROM `chartshift__xwalk__emr__observation_period`
      ) + ROW_NUMBER() OVER (
        ORDER BY (
          `cs_prev`.`own_id` IS NULL AND `cs_status`.`__status` = 'loaded'
        ) DESC, CASE WHEN `cs_status`.`__row` IS NULL THEN 1 ELSE 0 END, `cs_status`.`__row`, CASE WHEN `cs_status`.`__slot` IS NULL THEN 1 ELSE 0 END, `cs_status`.`__slot`
      )
    END
  ) AS `__own_id`
FROM `cs_status`
LEFT JOIN `chartshift__xwalk__emr__observation_period` AS `cs_prev`
  ON `cs_prev`.`legacy_key` = `cs_status`.`__key`;

-- tests/conformance/specs/group_by.mig:44: legacy.visits -> emr.observation_period: rejected rows with the first rule that failed
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
  'legacy.visits -> emr.observation_period',
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
    THEN 'reject:60'
    WHEN 4
    THEN 'length:emr.observation_period.patient'
    WHEN 5
    THEN 'not null:emr.observation_period.visits'
    WHEN 6
    THEN 'range:emr.observation_period.amount_total'
    WHEN 7
    THEN 'duplicate key'
  END,
  CASE `w`.`__rule`
    WHEN 1
    THEN 'value does not fit the source column type'
    WHEN 2
    THEN 'missing legacy key'
    WHEN 3
    THEN 'only cancelled visits'
    WHEN 4
    THEN 'patient is longer than 10 characters'
    WHEN 5
    THEN 'visits is required but empty'
    WHEN 6
    THEN 'amount_total does not fit decimal(10,2)'
    WHEN 7
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
    THEN 'reject'
    WHEN 4
    THEN 'too_long'
    WHEN 5
    THEN 'not_null'
    WHEN 6
    THEN 'out_of_range'
    WHEN 7
    THEN 'duplicate_key'
  END
FROM `chartshift__cs_work__emr__observation_period` AS `w`
JOIN `chartshift_stage__legacy__visits` AS `r`
  ON `r`.`__row` = `w`.`__row`
WHERE
  `w`.`__status` = 'rejected'
ORDER BY
  CASE WHEN `w`.`__row` IS NULL THEN 1 ELSE 0 END, `w`.`__row`,
  CASE WHEN `w`.`__slot` IS NULL THEN 1 ELSE 0 END, `w`.`__slot`;

-- tests/conformance/specs/group_by.mig:47: crosswalk emr.observation_period: loaded keys with their ids, merged keys pointing at their survivor's id
INSERT INTO `chartshift__xwalk__emr__observation_period__cs_new` (
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
FROM `chartshift__cs_work__emr__observation_period` AS `w`
WHERE
  `w`.`__status` IN ('loaded', 'merged');

-- tests/conformance/specs/group_by.mig:47: crosswalk emr.observation_period: keys not loaded by this run stay, inactive, with their ids
INSERT INTO `chartshift__xwalk__emr__observation_period__cs_new` (
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
FROM `chartshift__xwalk__emr__observation_period` AS `p`
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM `chartshift__xwalk__emr__observation_period__cs_new`
    WHERE
      `chartshift__xwalk__emr__observation_period__cs_new`.`legacy_key` = `p`.`legacy_key`
  );

-- tests/conformance/specs/group_by.mig:44: legacy.visits -> emr.observation_period: load the surviving rows
INSERT INTO `emr__observation_period__cs_new` (
  `id`,
  `patient`,
  `first_visit`,
  `last_visit`,
  `visits`,
  `dated_visits`,
  `units_total`,
  `amount_total`,
  `fewest_units`,
  `last_name_az`,
  `first_therapist`,
  `last_therapist`,
  `therapists`
)
SELECT
  CAST(`w`.`__own_id` AS SIGNED),
  CAST(`w`.`f__patient` AS CHAR(10)),
  CAST(`w`.`f__first_visit` AS DATE),
  CAST(`w`.`f__last_visit` AS DATE),
  CAST(`w`.`f__visits` AS SIGNED),
  CAST(`w`.`f__dated_visits` AS SIGNED),
  CAST(`w`.`f__units_total` AS SIGNED),
  CAST(`w`.`f__amount_total` AS DECIMAL(10, 2)),
  CAST(`w`.`f__fewest_units` AS SIGNED),
  CAST(`w`.`f__last_name_az` AS CHAR),
  CAST(`w`.`f__first_therapist` AS CHAR),
  CAST(`w`.`f__last_therapist` AS CHAR),
  CAST(`w`.`f__therapists` AS CHAR)
FROM `chartshift__cs_work__emr__observation_period` AS `w`
WHERE
  `w`.`__status` = 'loaded';

-- tests/conformance/specs/group_by.mig:44: legacy.visits -> emr.observation_period: accounting identity: source rows = loaded + rejected + filtered + merged + aggregated
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
  'legacy.visits -> emr.observation_period',
  'legacy.visits',
  'emr.observation_period',
  (
    SELECT
      COUNT(*)
    FROM `legacy__visits`
  ),
  (
    SELECT
      COUNT(*)
    FROM `emr__observation_period__cs_new`
  ),
  (
    SELECT
      COUNT(*)
    FROM `chartshift__rejects__cs_new`
    WHERE
      `map` = 'legacy.visits -> emr.observation_period'
  ),
  (
    SELECT
      COUNT(*)
    FROM (
      SELECT
        `visits`.`__row` AS `__row`,
        `visits`.`__cast_error` AS `__cast_error`,
        `visits`.`visit_id` AS `s__visits__visit_id`,
        `visits`.`pat_no` AS `s__visits__pat_no`,
        `visits`.`visit_dt` AS `s__visits__visit_dt`,
        `visits`.`units` AS `s__visits__units`,
        `visits`.`amount` AS `s__visits__amount`,
        `visits`.`therapist` AS `s__visits__therapist`,
        `visits`.`status` AS `s__visits__status`,
        1 AS `__slot`
      FROM `legacy__visits` AS `visits`
    ) AS `cs_in`
    WHERE
      NOT COALESCE(
        (
          (
            (
              (
                `cs_in`.`s__visits__status`
              ) <> (
                'X'
              )
            )
            OR (
              (
                `cs_in`.`s__visits__status`
              ) IS NULL
            )
          )
        ),
        FALSE
      )
  ),
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
          TRIM(BOTH ' ' FROM `cs_in`.`s__visits__pat_no`) AS `g__1`,
          `cs_in`.`s__visits__visit_dt` AS `v__1`,
          `cs_in`.`s__visits__visit_dt` AS `v__2`,
          `cs_in`.`s__visits__visit_dt` AS `v__4`,
          `cs_in`.`s__visits__units` AS `v__5`,
          `cs_in`.`s__visits__amount` AS `v__6`,
          `cs_in`.`s__visits__units` AS `v__7`,
          `cs_in`.`s__visits__therapist` AS `v__8`,
          `cs_in`.`s__visits__therapist` AS `v__9`,
          `cs_in`.`s__visits__visit_dt` AS `o__9_1`,
          `cs_in`.`s__visits__therapist` AS `v__10`,
          `cs_in`.`s__visits__visit_dt` AS `o__10_1`,
          `cs_in`.`s__visits__therapist` AS `v__11`,
          `cs_in`.`s__visits__visit_dt` AS `o__11_1`,
          `cs_in`.`s__visits__status` AS `v__12`,
          `cs_in`.`s__visits__status` AS `v__13`,
          `cs_in`.`s__visits__status` AS `v__14`
        FROM (
          SELECT
            *
          FROM (
            SELECT
              `visits`.`__row` AS `__row`,
              `visits`.`__cast_error` AS `__cast_error`,
              `visits`.`visit_id` AS `s__visits__visit_id`,
              `visits`.`pat_no` AS `s__visits__pat_no`,
              `visits`.`visit_dt` AS `s__visits__visit_dt`,
              `visits`.`units` AS `s__visits__units`,
              `visits`.`amount` AS `s__visits__amount`,
              `visits`.`therapist` AS `s__visits__therapist`,
              `visits`.`status` AS `s__visits__status`,
              1 AS `__slot`
            FROM `legacy__visits` AS `visits`
          ) AS `cs_in`
          WHERE
            COALESCE(
              (
                (
                  (
                    (
                      `cs_in`.`s__visits__status`
                    ) <> (
                      'X'
                    )
                  )
                  OR (
                    (
                      `cs_in`.`s__visits__status`
                    ) IS NULL
                  )
                )
              ),
              FALSE
            )
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

-- tests/conformance/specs/group_by.mig:44: legacy.visits -> emr.observation_period: work table no longer needed
DROP TABLE IF EXISTS `chartshift__cs_work__emr__observation_period`;

