-- chartshift 0.1.0 | dialect mysql
-- spec tests/conformance/specs/sequencing.mig sha256 7e803c579d3eb4858a45cff96754db6881678ee54683536e2a3afb747c8dd134
-- 20_02_emr_kept_visit: map legacy.visits -> emr.kept_visit
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/sequencing.mig`.


-- tests/conformance/specs/sequencing.mig:53: work table left by an earlier run
DROP TABLE IF EXISTS `chartshift__cs_work__emr__kept_visit`;

-- tests/conformance/specs/sequencing.mig:53: legacy.visits -> emr.kept_visit: every kept row with its fields and status
CREATE TABLE `chartshift__cs_work__emr__kept_visit` AS
WITH `cs_in` AS (
  SELECT
    *
  FROM (
    SELECT
      `visits`.`__row` AS `__row`,
      `visits`.`__cast_error` AS `__cast_error`,
      `visits`.`visit_id` AS `s__visits__visit_id`,
      `visits`.`patient_id` AS `s__visits__patient_id`,
      `visits`.`visit_date` AS `s__visits__visit_date`,
      `visits`.`kind` AS `s__visits__kind`,
      1 AS `__slot`
    FROM `legacy__visits` AS `visits`
  ) AS `cs_in`
  WHERE
    COALESCE(
      (
        (
          NOT (
            EXISTS(
              SELECT
                1
              FROM `legacy__cancelled` AS `cs_exists_c`
              WHERE
                (
                  `cs_exists_c`.`visit_id`
                ) = (
                  `cs_in`.`s__visits__visit_id`
                )
            )
          )
        )
      ),
      FALSE
    )
), `cs_fields` AS (
  SELECT
    `cs_in`.*,
    `cs_in`.`s__visits__visit_id` AS `f__visit_id`,
    (
      ROW_NUMBER() OVER (
        PARTITION BY CAST(`cs_in`.`s__visits__patient_id` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin
        ORDER BY CASE WHEN `cs_in`.`s__visits__visit_date` IS NULL THEN 1 ELSE 0 END, `cs_in`.`s__visits__visit_date` ASC, CAST(`cs_in`.`s__visits__kind` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin DESC, CASE WHEN CAST(CAST((
          `cs_in`.`s__visits__visit_id`
        ) AS CHAR) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin IS NULL THEN 1 ELSE 0 END, CAST(CAST((
          `cs_in`.`s__visits__visit_id`
        ) AS CHAR) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin, CASE WHEN `cs_in`.`__row` IS NULL THEN 1 ELSE 0 END, `cs_in`.`__row`
      )
    ) = (
      1
    ) AS `f__first`,
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
      WHEN `cs_fields`.`__key` IS NULL
      THEN 2
      WHEN `cs_fields`.`f__visit_id` IS NULL
      THEN 3
      WHEN NOT `cs_dups`.`first_row` IS NULL AND `cs_fields`.`__row` > `cs_dups`.`first_row`
      THEN 4
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
  `cs_rules`.`f__visit_id`,
  `cs_rules`.`f__first`,
  `cs_rules`.`s__visits__visit_id`,
  CASE WHEN NOT `cs_rules`.`__rule` IS NULL THEN 'rejected' ELSE 'loaded' END AS `__status`
FROM `cs_rules`;

-- tests/conformance/specs/sequencing.mig:53: legacy.visits -> emr.kept_visit: rejected rows with the first rule that failed
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
  'legacy.visits -> emr.kept_visit',
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
    THEN 'not null:emr.kept_visit.visit_id'
    WHEN 4
    THEN 'duplicate key'
  END,
  CASE `w`.`__rule`
    WHEN 1
    THEN 'value does not fit the source column type'
    WHEN 2
    THEN 'missing legacy key'
    WHEN 3
    THEN 'visit_id is required but empty'
    WHEN 4
    THEN 'duplicate legacy key (an earlier row has the same key)'
  END,
  CAST(JSON_OBJECT(
    'visit_id',
    `r`.`visit_id`,
    'episode_id',
    `r`.`episode_id`,
    'patient_id',
    `r`.`patient_id`,
    'visit_date',
    `r`.`visit_date`,
    'kind',
    `r`.`kind`
  ) AS CHAR),
  CASE `w`.`__rule`
    WHEN 1
    THEN 'cast'
    WHEN 2
    THEN 'missing_key'
    WHEN 3
    THEN 'not_null'
    WHEN 4
    THEN 'duplicate_key'
  END
FROM `chartshift__cs_work__emr__kept_visit` AS `w`
JOIN `chartshift_stage__legacy__visits` AS `r`
  ON `r`.`__row` = `w`.`__row`
WHERE
  `w`.`__status` = 'rejected'
ORDER BY
  CASE WHEN `w`.`__row` IS NULL THEN 1 ELSE 0 END, `w`.`__row`,
  CASE WHEN `w`.`__slot` IS NULL THEN 1 ELSE 0 END, `w`.`__slot`;

-- tests/conformance/specs/sequencing.mig:53: legacy.visits -> emr.kept_visit: load the surviving rows
INSERT INTO `emr__kept_visit__cs_new` (
  `visit_id`,
  `first`
)
SELECT
  CAST(`w`.`f__visit_id` AS CHAR),
  CAST(`w`.`f__first` AS SIGNED)
FROM `chartshift__cs_work__emr__kept_visit` AS `w`
WHERE
  `w`.`__status` = 'loaded';

-- tests/conformance/specs/sequencing.mig:53: legacy.visits -> emr.kept_visit: accounting identity: source rows = loaded + rejected + filtered + merged + aggregated
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
  'legacy.visits -> emr.kept_visit',
  'legacy.visits',
  'emr.kept_visit',
  (
    SELECT
      COUNT(*)
    FROM `legacy__visits`
  ),
  (
    SELECT
      COUNT(*)
    FROM `emr__kept_visit__cs_new`
  ),
  (
    SELECT
      COUNT(*)
    FROM `chartshift__rejects__cs_new`
    WHERE
      `map` = 'legacy.visits -> emr.kept_visit'
  ),
  (
    SELECT
      COUNT(*)
    FROM (
      SELECT
        `visits`.`__row` AS `__row`,
        `visits`.`__cast_error` AS `__cast_error`,
        `visits`.`visit_id` AS `s__visits__visit_id`,
        `visits`.`patient_id` AS `s__visits__patient_id`,
        `visits`.`visit_date` AS `s__visits__visit_date`,
        `visits`.`kind` AS `s__visits__kind`,
        1 AS `__slot`
      FROM `legacy__visits` AS `visits`
    ) AS `cs_in`
    WHERE
      NOT COALESCE(
        (
          (
            NOT (
              EXISTS(
                SELECT
                  1
                FROM `legacy__cancelled` AS `cs_exists_c`
                WHERE
                  (
                    `cs_exists_c`.`visit_id`
                  ) = (
                    `cs_in`.`s__visits__visit_id`
                  )
              )
            )
          )
        ),
        FALSE
      )
  ),
  0,
  0;

-- tests/conformance/specs/sequencing.mig:53: legacy.visits -> emr.kept_visit: work table no longer needed
DROP TABLE IF EXISTS `chartshift__cs_work__emr__kept_visit`;

