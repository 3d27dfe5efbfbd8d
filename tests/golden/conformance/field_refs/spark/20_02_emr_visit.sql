-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/field_refs.mig sha256 3459ae121f9369ccee597af25c9cbb341b7c74191a64230c0ef945be759a18ca
-- 20_02_emr_visit: map legacy.visits -> emr.visit
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/field_refs.mig`.


-- tests/conformance/specs/field_refs.mig:52: work table left by an earlier run
DROP TABLE IF EXISTS `chartshift`.`cs_work__emr__visit`;

-- tests/conformance/specs/field_refs.mig:52: legacy.visits -> emr.visit: every kept row with its fields and status
CREATE TABLE `chartshift`.`cs_work__emr__visit` AS
WITH `cs_in` AS (
  SELECT
    `visits`.`__row` AS `__row`,
    `visits`.`__cast_error` AS `__cast_error`,
    `visits`.`visit_id` AS `s__visits__visit_id`,
    `visits`.`pat_no` AS `s__visits__pat_no`,
    `visits`.`alt_pat` AS `s__visits__alt_pat`,
    `visits`.`kind` AS `s__visits__kind`,
    `visits`.`units` AS `s__visits__units`,
    1 AS `__slot`
  FROM `legacy`.`visits` AS `visits`
), `cs_fields_1` AS (
  SELECT
    `cs_in`.*,
    CAST(REGEXP_REPLACE(
      REPLACE(
        REPLACE(
          CASE
            WHEN TRIM(BOTH ' ' FROM `cs_in`.`s__visits__units`) RLIKE '^(?:[+\\-]?(?:[0-9]{1,18}|[0-9]{1,3}(?:,[0-9]{3}){1,5})(?:\\.0+)?)\\z'
            THEN TRIM(BOTH ' ' FROM `cs_in`.`s__visits__units`)
          END,
          ',',
          ''
        ),
        '+',
        ''
      ),
      '\\.0+\\z',
      ''
    ) AS BIGINT) AS `f__unit_count`,
    COALESCE(
      CASE ARRAY_JOIN(
          TRANSFORM(
            SPLIT(TRIM(BOTH ' ' FROM `cs_in`.`s__visits__kind`), 'ß', -1),
            `_cs_part` -> UPPER(_cs_part)
          ),
          'ß'
        )
        WHEN 'E'
        THEN 'evaluation'
        WHEN 'T'
        THEN 'treatment'
      END,
      'other'
    ) AS `f__kind_label`,
    `cs_ref1`.`target_id` AS `f__patient_ref`,
    CAST((
      `cs_in`.`s__visits__visit_id`
    ) AS STRING) AS `__key`
  FROM `cs_in`
  LEFT JOIN `chartshift`.`xwalk__emr__patient__cs_new` AS `cs_ref1`
    ON `cs_ref1`.`legacy_key` = CAST((
      COALESCE(`cs_in`.`s__visits__pat_no`, `cs_in`.`s__visits__alt_pat`)
    ) AS STRING)
    AND `cs_ref1`.`state` <> 'inactive'
), `cs_fields_2` AS (
  SELECT
    `cs_fields_1`.*,
    (
      `cs_fields_1`.`f__unit_count`
    ) * (
      2
    ) AS `f__double_units`,
    CASE
      WHEN (
        `cs_fields_1`.`f__patient_ref`
      ) IS NULL
      THEN -(
        1
      )
      ELSE `cs_fields_1`.`f__patient_ref`
    END AS `f__patient_id`
  FROM `cs_fields_1`
), `cs_fields` AS (
  SELECT
    `cs_fields_2`.*,
    CONCAT_WS(
      '',
      CAST(`cs_fields_2`.`f__kind_label` AS STRING),
      ':',
      CAST(`cs_fields_2`.`f__double_units` AS STRING)
    ) AS `f__label`
  FROM `cs_fields_2`
), `cs_rules` AS (
  SELECT
    `cs_fields`.*,
    CASE
      WHEN NOT `cs_fields`.`__cast_error` IS NULL
      THEN 1
      WHEN `cs_fields`.`__key` IS NULL
      THEN 2
      WHEN COALESCE((
        (
          `cs_fields`.`f__patient_id`
        ) = (
          -(
            1
          )
        )
      ), FALSE)
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
    `cs_rules`.`f__label`,
    `cs_rules`.`f__double_units`,
    `cs_rules`.`f__unit_count`,
    `cs_rules`.`f__kind_label`,
    `cs_rules`.`f__patient_ref`,
    `cs_rules`.`f__patient_id`,
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

-- tests/conformance/specs/field_refs.mig:52: legacy.visits -> emr.visit: rejected rows with the first rule that failed
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
    THEN 'reject:62'
    WHEN 4
    THEN 'duplicate key'
  END,
  CASE `w`.`__rule`
    WHEN 1
    THEN 'value does not fit the source column type'
    WHEN 2
    THEN 'missing legacy key'
    WHEN 3
    THEN 'no patient'
    WHEN 4
    THEN 'duplicate legacy key (an earlier row has the same key)'
  END,
  TO_JSON(
    NAMED_STRUCT(
      'visit_id',
      `r`.`visit_id`,
      'pat_no',
      `r`.`pat_no`,
      'alt_pat',
      `r`.`alt_pat`,
      'kind',
      `r`.`kind`,
      'units',
      `r`.`units`
    )
  ),
  CASE `w`.`__rule`
    WHEN 1
    THEN 'cast'
    WHEN 2
    THEN 'missing_key'
    WHEN 3
    THEN 'reject'
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

-- tests/conformance/specs/field_refs.mig:53: crosswalk emr.visit: loaded keys with their ids, merged keys pointing at their survivor's id
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

-- tests/conformance/specs/field_refs.mig:53: crosswalk emr.visit: keys not loaded by this run stay, inactive, with their ids
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

-- tests/conformance/specs/field_refs.mig:52: legacy.visits -> emr.visit: load the surviving rows
INSERT INTO `emr`.`visit__cs_new` (
  `id`,
  `label`,
  `double_units`,
  `unit_count`,
  `kind_label`,
  `patient_ref`,
  `patient_id`
)
SELECT
  CAST(`w`.`__own_id` AS BIGINT),
  CAST(`w`.`f__label` AS STRING),
  CAST(`w`.`f__double_units` AS INT),
  CAST(`w`.`f__unit_count` AS INT),
  CAST(`w`.`f__kind_label` AS STRING),
  CAST(`w`.`f__patient_ref` AS BIGINT),
  CAST(`w`.`f__patient_id` AS BIGINT)
FROM `chartshift`.`cs_work__emr__visit` AS `w`
WHERE
  `w`.`__status` = 'loaded';

-- tests/conformance/specs/field_refs.mig:52: legacy.visits -> emr.visit: accounting identity: source rows = loaded + rejected + filtered + merged + aggregated
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
  0,
  0,
  0;

-- tests/conformance/specs/field_refs.mig:52: legacy.visits -> emr.visit: work table no longer needed
DROP TABLE IF EXISTS `chartshift`.`cs_work__emr__visit`;

