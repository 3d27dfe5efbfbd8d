-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/sequencing.mig sha256 7e803c579d3eb4858a45cff96754db6881678ee54683536e2a3afb747c8dd134
-- 20_01_emr_visit: map legacy.visits -> emr.visit
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/sequencing.mig`.


-- tests/conformance/specs/sequencing.mig:39: work table left by an earlier run
DROP TABLE IF EXISTS `chartshift`.`cs_work__emr__visit`;

-- tests/conformance/specs/sequencing.mig:39: legacy.visits -> emr.visit: every kept row with its fields and status
CREATE TABLE `chartshift`.`cs_work__emr__visit` AS
WITH `cs_in` AS (
  SELECT
    *
  FROM (
    SELECT
      `visits`.`__row` AS `__row`,
      `visits`.`__cast_error` AS `__cast_error`,
      `visits`.`visit_id` AS `s__visits__visit_id`,
      `visits`.`episode_id` AS `s__visits__episode_id`,
      `visits`.`patient_id` AS `s__visits__patient_id`,
      `visits`.`visit_date` AS `s__visits__visit_date`,
      `visits`.`kind` AS `s__visits__kind`,
      1 AS `__slot`
    FROM `legacy`.`visits` AS `visits`
  ) AS `cs_in`
  WHERE
    COALESCE(
      (
        (
          (
            (
              `cs_in`.`s__visits__kind`
            ) IS NULL
          )
          OR (
            (
              `cs_in`.`s__visits__kind`
            ) <> (
              'VOID'
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
    `cs_in`.`s__visits__episode_id` AS `f__episode_id`,
    ROW_NUMBER() OVER (
      PARTITION BY `cs_in`.`s__visits__episode_id`
      ORDER BY `cs_in`.`s__visits__visit_date` ASC NULLS LAST, CAST((
        `cs_in`.`s__visits__visit_id`
      ) AS STRING) NULLS LAST, `cs_in`.`__row` NULLS LAST
    ) AS `f__seq`,
    ROW_NUMBER() OVER (
      PARTITION BY `cs_in`.`s__visits__episode_id`
      ORDER BY `cs_in`.`s__visits__visit_date` DESC, CAST((
        `cs_in`.`s__visits__visit_id`
      ) AS STRING) NULLS LAST, `cs_in`.`__row` NULLS LAST
    ) AS `f__seq_desc`,
    LAG(`cs_in`.`s__visits__visit_date`) OVER (
      PARTITION BY `cs_in`.`s__visits__episode_id`
      ORDER BY `cs_in`.`s__visits__visit_date` ASC NULLS LAST, CAST((
        `cs_in`.`s__visits__visit_id`
      ) AS STRING) NULLS LAST, `cs_in`.`__row` NULLS LAST
    ) AS `f__prev_date`,
    LEAD(`cs_in`.`s__visits__visit_date`) OVER (
      PARTITION BY `cs_in`.`s__visits__episode_id`
      ORDER BY `cs_in`.`s__visits__visit_date` ASC NULLS LAST, CAST((
        `cs_in`.`s__visits__visit_id`
      ) AS STRING) NULLS LAST, `cs_in`.`__row` NULLS LAST
    ) AS `f__next_date`,
    LAG(`cs_in`.`s__visits__visit_date`, 2) OVER (
      PARTITION BY `cs_in`.`s__visits__episode_id`
      ORDER BY `cs_in`.`s__visits__visit_date` ASC NULLS LAST, CAST((
        `cs_in`.`s__visits__visit_id`
      ) AS STRING) NULLS LAST, `cs_in`.`__row` NULLS LAST
    ) AS `f__two_back`,
    EXISTS(
      SELECT
        1
      FROM `legacy`.`visits` AS `cs_exists_v`
      WHERE
        (
          (
            (
              (
                `cs_exists_v`.`patient_id`
              ) = (
                `cs_in`.`s__visits__patient_id`
              )
            )
            AND (
              (
                `cs_exists_v`.`visit_date`
              ) = (
                `cs_in`.`s__visits__visit_date`
              )
            )
          )
          AND (
            (
              `cs_exists_v`.`kind`
            ) = (
              'ER'
            )
          )
        )
        AND (
          (
            `cs_exists_v`.`visit_id`
          ) <> (
            `cs_in`.`s__visits__visit_id`
          )
        )
    ) AS `f__same_day_er`,
    CAST((
      `cs_in`.`s__visits__visit_id`
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
      WHEN `cs_fields`.`f__visit_id` IS NULL
      THEN 3
      WHEN NOT `cs_dups`.`first_row` IS NULL AND `cs_fields`.`__row` > `cs_dups`.`first_row`
      THEN 4
    END AS `__rule`
  FROM `cs_fields`
  LEFT JOIN (
    SELECT
      `cs_fields`.`s__visits__visit_id` AS `__k1`,
      MIN(`cs_fields`.`__row`) AS `first_row`
    FROM `cs_fields`
    GROUP BY
      `cs_fields`.`s__visits__visit_id`
    HAVING
      COUNT(*) > 1
  ) AS `cs_dups`
    ON `cs_dups`.`__k1` = `cs_fields`.`s__visits__visit_id`
), `cs_status` AS (
  SELECT
    `cs_rules`.`__row`,
    `cs_rules`.`__slot`,
    `cs_rules`.`__key`,
    `cs_rules`.`__rule`,
    `cs_rules`.`f__visit_id`,
    `cs_rules`.`f__episode_id`,
    `cs_rules`.`f__seq`,
    `cs_rules`.`f__seq_desc`,
    `cs_rules`.`f__prev_date`,
    `cs_rules`.`f__next_date`,
    `cs_rules`.`f__two_back`,
    `cs_rules`.`f__same_day_er`,
    `cs_rules`.`s__visits__visit_id`,
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
        FROM `chartshift`.`xwalk__emr__visit`
      ) + ROW_NUMBER() OVER (
        ORDER BY (
          `cs_prev`.`own_id` IS NULL AND `cs_status`.`__status` = 'loaded'
        ) DESC, `cs_status`.`__row` NULLS LAST, `cs_status`.`__slot` NULLS LAST
      )
    END
  ) AS `__own_id`
FROM `cs_status`
LEFT JOIN `chartshift`.`xwalk__emr__visit` AS `cs_prev`
  ON `cs_prev`.`legacy_key` = `cs_status`.`__key`;

-- tests/conformance/specs/sequencing.mig:39: legacy.visits -> emr.visit: rejected rows with the first rule that failed
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
  'legacy.visits -> emr.visit',
  'legacy.visits',
  CAST((
    `w`.`s__visits__visit_id`
  ) AS STRING),
  `w`.`__slot`,
  `w`.`__row`,
  CASE `w`.`__rule`
    WHEN 1
    THEN 'cast'
    WHEN 2
    THEN 'key'
    WHEN 3
    THEN 'not null:emr.visit.visit_id'
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
  TO_JSON(
    NAMED_STRUCT(
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
    )
  ),
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
FROM `chartshift`.`cs_work__emr__visit` AS `w`
JOIN `chartshift_stage`.`legacy__visits` AS `r`
  ON `r`.`__row` = `w`.`__row`
WHERE
  `w`.`__status` = 'rejected'
ORDER BY
  `w`.`__row` NULLS LAST,
  `w`.`__slot` NULLS LAST;

-- tests/conformance/specs/sequencing.mig:41: crosswalk emr.visit: loaded keys with their ids, merged keys pointing at their survivor's id
INSERT INTO `chartshift`.`xwalk__emr__visit__cs_new` (
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
FROM `chartshift`.`cs_work__emr__visit` AS `w`
WHERE
  `w`.`__status` IN ('loaded', 'merged');

-- tests/conformance/specs/sequencing.mig:41: crosswalk emr.visit: keys not loaded by this run stay, inactive, with their ids
INSERT INTO `chartshift`.`xwalk__emr__visit__cs_new` (
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
FROM `chartshift`.`xwalk__emr__visit` AS `p`
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM `chartshift`.`xwalk__emr__visit__cs_new`
    WHERE
      `xwalk__emr__visit__cs_new`.`legacy_key` = `p`.`legacy_key`
  );

-- tests/conformance/specs/sequencing.mig:39: legacy.visits -> emr.visit: load the surviving rows
INSERT INTO `emr`.`visit__cs_new` (
  `id`,
  `visit_id`,
  `episode_id`,
  `seq`,
  `seq_desc`,
  `prev_date`,
  `next_date`,
  `two_back`,
  `same_day_er`
)
SELECT
  CAST(`w`.`__own_id` AS BIGINT),
  CAST(`w`.`f__visit_id` AS STRING),
  CAST(`w`.`f__episode_id` AS STRING),
  CAST(`w`.`f__seq` AS INT),
  CAST(`w`.`f__seq_desc` AS INT),
  CAST(`w`.`f__prev_date` AS DATE),
  CAST(`w`.`f__next_date` AS DATE),
  CAST(`w`.`f__two_back` AS DATE),
  CAST(`w`.`f__same_day_er` AS BOOLEAN)
FROM `chartshift`.`cs_work__emr__visit` AS `w`
WHERE
  `w`.`__status` = 'loaded';

-- tests/conformance/specs/sequencing.mig:39: legacy.visits -> emr.visit: accounting identity: source rows = loaded + rejected + filtered + merged + aggregated
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
  'legacy.visits -> emr.visit',
  'legacy.visits',
  'emr.visit',
  (
    SELECT
      COUNT(*)
    FROM `legacy`.`visits`
  ),
  (
    SELECT
      COUNT(*)
    FROM `emr`.`visit__cs_new`
  ),
  (
    SELECT
      COUNT(*)
    FROM `chartshift`.`rejects__cs_new`
    WHERE
      `map` = 'legacy.visits -> emr.visit'
  ),
  (
    SELECT
      COUNT(*)
    FROM (
      SELECT
        `visits`.`__row` AS `__row`,
        `visits`.`__cast_error` AS `__cast_error`,
        `visits`.`visit_id` AS `s__visits__visit_id`,
        `visits`.`episode_id` AS `s__visits__episode_id`,
        `visits`.`patient_id` AS `s__visits__patient_id`,
        `visits`.`visit_date` AS `s__visits__visit_date`,
        `visits`.`kind` AS `s__visits__kind`,
        1 AS `__slot`
      FROM `legacy`.`visits` AS `visits`
    ) AS `cs_in`
    WHERE
      NOT COALESCE(
        (
          (
            (
              (
                `cs_in`.`s__visits__kind`
              ) IS NULL
            )
            OR (
              (
                `cs_in`.`s__visits__kind`
              ) <> (
                'VOID'
              )
            )
          )
        ),
        FALSE
      )
  ),
  0,
  0;

-- tests/conformance/specs/sequencing.mig:39: legacy.visits -> emr.visit: work table no longer needed
DROP TABLE IF EXISTS `chartshift`.`cs_work__emr__visit`;

