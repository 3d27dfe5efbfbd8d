-- chartshift 0.1.0 | dialect spark
-- spec specs/demo_clinic.mig sha256 a2d29e478bd0344673ca628df24d217e8057e79772da3f5917ea33a753acd32d
-- 20_08_emr_charge_line: map legacy.visits -> emr.charge_line
-- Generated file: do not edit. Regenerate with `chartshift compile specs/demo_clinic.mig`.


-- specs/demo_clinic.mig:326: work table left by an earlier run
DROP TABLE IF EXISTS `chartshift`.`cs_work__emr__charge_line`;

-- specs/demo_clinic.mig:326: legacy.visits -> emr.charge_line: every kept row with its fields and status
CREATE TABLE `chartshift`.`cs_work__emr__charge_line` AS
WITH `cs_in` AS (
  SELECT
    *
  FROM (
    SELECT
      `visits`.`__row` AS `__row`,
      `visits`.`__cast_error` AS `__cast_error`,
      `visits`.`visit_id` AS `s__visits__visit_id`,
      `visits`.`cpt1` AS `s__visits__cpt1`,
      `visits`.`units1` AS `s__visits__units1`,
      `visits`.`mod1` AS `s__visits__mod1`,
      `visits`.`amount1` AS `s__visits__amount1`,
      `visits`.`cpt2` AS `s__visits__cpt2`,
      `visits`.`units2` AS `s__visits__units2`,
      `visits`.`mod2` AS `s__visits__mod2`,
      `visits`.`amount2` AS `s__visits__amount2`,
      `visits`.`cpt3` AS `s__visits__cpt3`,
      `visits`.`units3` AS `s__visits__units3`,
      `visits`.`mod3` AS `s__visits__mod3`,
      `visits`.`amount3` AS `s__visits__amount3`,
      CASE `cs_slots`.`n`
        WHEN 1
        THEN `visits`.`cpt1`
        WHEN 2
        THEN `visits`.`cpt2`
        WHEN 3
        THEN `visits`.`cpt3`
      END AS `e__code`,
      CASE `cs_slots`.`n`
        WHEN 1
        THEN `visits`.`units1`
        WHEN 2
        THEN `visits`.`units2`
        WHEN 3
        THEN `visits`.`units3`
      END AS `e__units`,
      CASE `cs_slots`.`n`
        WHEN 1
        THEN `visits`.`mod1`
        WHEN 2
        THEN `visits`.`mod2`
        WHEN 3
        THEN `visits`.`mod3`
      END AS `e__modifier`,
      CASE `cs_slots`.`n`
        WHEN 1
        THEN `visits`.`amount1`
        WHEN 2
        THEN `visits`.`amount2`
        WHEN 3
        THEN `visits`.`amount3`
      END AS `e__amount`,
      `cs_slots`.`n` AS `__slot`
    FROM `legacy`.`visits` AS `visits`
    CROSS JOIN (
      SELECT
        1 AS `n`
      UNION ALL
      SELECT
        2 AS `n`
      UNION ALL
      SELECT
        3 AS `n`
    ) AS `cs_slots`
  ) AS `cs_in`
  WHERE
    COALESCE(
      (
        (
          NOT (
            NULLIF(TRIM(BOTH ' ' FROM `cs_in`.`e__code`), '')
          ) IS NULL
        )
      ),
      FALSE
    )
), `cs_fields` AS (
  SELECT
    `cs_in`.*,
    `cs_ref1`.`target_id` AS `f__encounter_id`,
    `cs_in`.`__slot` AS `f__line_no`,
    ARRAY_JOIN(
      TRANSFORM(
        SPLIT(TRIM(BOTH ' ' FROM `cs_in`.`e__code`), 'ß', -1),
        `_cs_part` -> UPPER(_cs_part)
      ),
      'ß'
    ) AS `f__cpt`,
    CAST(REGEXP_REPLACE(
      REPLACE(
        REPLACE(
          CASE
            WHEN TRIM(BOTH ' ' FROM `cs_in`.`e__units`) RLIKE '^(?:[+\\-]?(?:[0-9]{1,18}|[0-9]{1,3}(?:,[0-9]{3}){1,5})(?:\\.0+)?)\\z'
            THEN TRIM(BOTH ' ' FROM `cs_in`.`e__units`)
          END,
          ',',
          ''
        ),
        '+',
        ''
      ),
      '\\.0+\\z',
      ''
    ) AS BIGINT) AS `f__units`,
    NULLIF(
      ARRAY_JOIN(
        TRANSFORM(
          SPLIT(TRIM(BOTH ' ' FROM `cs_in`.`e__modifier`), 'ß', -1),
          `_cs_part` -> UPPER(_cs_part)
        ),
        'ß'
      ),
      ''
    ) AS `f__modifier`,
    CAST(REPLACE(
      REGEXP_REPLACE(
        REGEXP_REPLACE(
          CASE
            WHEN TRIM(BOTH ' ' FROM `cs_in`.`e__amount`) RLIKE '^(?:\\$?[ \\t\\n\\r\\f]*\\([ \\t\\n\\r\\f]*\\$?[ \\t\\n\\r\\f]*(?:(?:[0-9]{1,28}|[0-9]{1,3}(?:,[0-9]{3}){1,8})(?:\\.[0-9]+)?|\\.[0-9]+)[ \\t\\n\\r\\f]*\\)|-[ \\t\\n\\r\\f]*\\$?[ \\t\\n\\r\\f]*(?:(?:[0-9]{1,28}|[0-9]{1,3}(?:,[0-9]{3}){1,8})(?:\\.[0-9]+)?|\\.[0-9]+)|\\$[ \\t\\n\\r\\f]*-[ \\t\\n\\r\\f]*(?:(?:[0-9]{1,28}|[0-9]{1,3}(?:,[0-9]{3}){1,8})(?:\\.[0-9]+)?|\\.[0-9]+)|\\$?[ \\t\\n\\r\\f]*(?:(?:[0-9]{1,28}|[0-9]{1,3}(?:,[0-9]{3}){1,8})(?:\\.[0-9]+)?|\\.[0-9]+)[ \\t\\n\\r\\f]*-|\\+?[ \\t\\n\\r\\f]*\\$?[ \\t\\n\\r\\f]*(?:(?:[0-9]{1,28}|[0-9]{1,3}(?:,[0-9]{3}){1,8})(?:\\.[0-9]+)?|\\.[0-9]+))\\z'
            THEN TRIM(BOTH ' ' FROM `cs_in`.`e__amount`)
          END,
          '[$ \\t\\n\\r\\f,+)]',
          ''
        ),
        '^([0-9.]+)-\\z',
        '-$1'
      ),
      '(',
      '-'
    ) AS DECIMAL(38, 2)) AS `f__amount`,
    CAST((
      `cs_in`.`s__visits__visit_id`
    ) AS STRING) || '|' || CAST((
      `cs_in`.`__slot`
    ) AS STRING) AS `__key`
  FROM `cs_in`
  LEFT JOIN `chartshift`.`xwalk__emr__encounter__cs_new` AS `cs_ref1`
    ON `cs_ref1`.`legacy_key` = CAST((
      `cs_in`.`s__visits__visit_id`
    ) AS STRING)
    AND `cs_ref1`.`state` <> 'inactive'
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
          `cs_fields`.`f__encounter_id`
        ) IS NULL
      ), FALSE)
      THEN 3
      WHEN COALESCE(
        (
          (
            (
              `cs_fields`.`f__units`
            ) IS NULL
          )
          OR (
            NOT (
              (
                `cs_fields`.`f__units`
              ) BETWEEN 1 AND 8
            )
          )
        ),
        FALSE
      )
      THEN 4
      WHEN `cs_fields`.`f__encounter_id` IS NULL
      THEN 5
      WHEN `cs_fields`.`f__line_no` IS NULL
      THEN 6
      WHEN `cs_fields`.`f__cpt` IS NULL
      THEN 7
      WHEN LENGTH(CAST(`cs_fields`.`f__cpt` AS STRING)) > 5
      THEN 8
      WHEN `cs_fields`.`f__units` IS NULL
      THEN 9
      WHEN NOT COALESCE((
        (
          `cs_fields`.`f__units`
        ) BETWEEN 1 AND 8
      ), TRUE)
      THEN 10
      WHEN LENGTH(CAST(`cs_fields`.`f__modifier` AS STRING)) > 2
      THEN 11
      WHEN ABS(`cs_fields`.`f__amount`) >= 100000000
      THEN 12
      WHEN NOT `cs_dups`.`first_row` IS NULL
      AND `cs_fields`.`__row` * 3 + `cs_fields`.`__slot` > `cs_dups`.`first_row`
      THEN 13
    END AS `__rule`
  FROM `cs_fields`
  LEFT JOIN (
    SELECT
      `cs_fields`.`s__visits__visit_id` AS `__k1`,
      `cs_fields`.`__slot` AS `__k2`,
      MIN(`cs_fields`.`__row` * 3 + `cs_fields`.`__slot`) AS `first_row`
    FROM `cs_fields`
    GROUP BY
      `cs_fields`.`s__visits__visit_id`,
      `cs_fields`.`__slot`
    HAVING
      COUNT(*) > 1
  ) AS `cs_dups`
    ON `cs_dups`.`__k1` = `cs_fields`.`s__visits__visit_id`
    AND `cs_dups`.`__k2` = `cs_fields`.`__slot`
), `cs_status` AS (
  SELECT
    `cs_rules`.`__row`,
    `cs_rules`.`__slot`,
    `cs_rules`.`__key`,
    `cs_rules`.`__rule`,
    `cs_rules`.`f__encounter_id`,
    `cs_rules`.`f__line_no`,
    `cs_rules`.`f__cpt`,
    `cs_rules`.`f__units`,
    `cs_rules`.`f__modifier`,
    `cs_rules`.`f__amount`,
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
        FROM `chartshift`.`xwalk__emr__charge_line`
      ) + ROW_NUMBER() OVER (
        ORDER BY (
          `cs_prev`.`own_id` IS NULL AND `cs_status`.`__status` = 'loaded'
        ) DESC, `cs_status`.`__row` NULLS LAST, `cs_status`.`__slot` NULLS LAST
      )
    END
  ) AS `__own_id`
FROM `cs_status`
LEFT JOIN `chartshift`.`xwalk__emr__charge_line` AS `cs_prev`
  ON `cs_prev`.`legacy_key` = `cs_status`.`__key`;

-- specs/demo_clinic.mig:326: legacy.visits -> emr.charge_line: rejected rows with the first rule that failed
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
  'legacy.visits -> emr.charge_line',
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
    THEN 'reject:340'
    WHEN 4
    THEN 'reject:341'
    WHEN 5
    THEN 'not null:emr.charge_line.encounter_id'
    WHEN 6
    THEN 'not null:emr.charge_line.line_no'
    WHEN 7
    THEN 'not null:emr.charge_line.cpt'
    WHEN 8
    THEN 'length:emr.charge_line.cpt'
    WHEN 9
    THEN 'not null:emr.charge_line.units'
    WHEN 10
    THEN 'check:emr.charge_line.units'
    WHEN 11
    THEN 'length:emr.charge_line.modifier'
    WHEN 12
    THEN 'range:emr.charge_line.amount'
    WHEN 13
    THEN 'duplicate key'
  END,
  CASE `w`.`__rule`
    WHEN 1
    THEN 'value does not fit the source column type'
    WHEN 2
    THEN 'missing legacy key'
    WHEN 3
    THEN 'charge for rejected visit'
    WHEN 4
    THEN 'invalid units'
    WHEN 5
    THEN 'encounter_id is required but empty'
    WHEN 6
    THEN 'line_no is required but empty'
    WHEN 7
    THEN 'cpt is required but empty'
    WHEN 8
    THEN 'cpt is longer than 5 characters'
    WHEN 9
    THEN 'units is required but empty'
    WHEN 10
    THEN 'units fails its check constraint'
    WHEN 11
    THEN 'modifier is longer than 2 characters'
    WHEN 12
    THEN 'amount does not fit decimal(10,2)'
    WHEN 13
    THEN 'duplicate legacy key (an earlier row has the same key)'
  END,
  TO_JSON(
    NAMED_STRUCT(
      'visit_id',
      `r`.`visit_id`,
      'case_no',
      `r`.`case_no`,
      'pat_no',
      `r`.`pat_no`,
      'prov_id',
      `r`.`prov_id`,
      'dos',
      `r`.`dos`,
      'status',
      `r`.`status`,
      'cpt1',
      `r`.`cpt1`,
      'units1',
      `r`.`units1`,
      'mod1',
      `r`.`mod1`,
      'amount1',
      `r`.`amount1`,
      'cpt2',
      `r`.`cpt2`,
      'units2',
      `r`.`units2`,
      'mod2',
      `r`.`mod2`,
      'amount2',
      `r`.`amount2`,
      'cpt3',
      `r`.`cpt3`,
      'units3',
      `r`.`units3`,
      'mod3',
      `r`.`mod3`,
      'amount3',
      `r`.`amount3`
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
    THEN 'reject'
    WHEN 5
    THEN 'not_null'
    WHEN 6
    THEN 'not_null'
    WHEN 7
    THEN 'not_null'
    WHEN 8
    THEN 'too_long'
    WHEN 9
    THEN 'not_null'
    WHEN 10
    THEN 'check_failed'
    WHEN 11
    THEN 'too_long'
    WHEN 12
    THEN 'out_of_range'
    WHEN 13
    THEN 'duplicate_key'
  END
FROM `chartshift`.`cs_work__emr__charge_line` AS `w`
JOIN `chartshift_stage`.`legacy__visits` AS `r`
  ON `r`.`__row` = `w`.`__row`
WHERE
  `w`.`__status` = 'rejected'
ORDER BY
  `w`.`__row` NULLS LAST,
  `w`.`__slot` NULLS LAST;

-- specs/demo_clinic.mig:333: crosswalk emr.charge_line: loaded keys with their ids, merged keys pointing at their survivor's id
INSERT INTO `chartshift`.`xwalk__emr__charge_line__cs_new` (
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
FROM `chartshift`.`cs_work__emr__charge_line` AS `w`
WHERE
  `w`.`__status` IN ('loaded', 'merged');

-- specs/demo_clinic.mig:333: crosswalk emr.charge_line: keys not loaded by this run stay, inactive, with their ids
INSERT INTO `chartshift`.`xwalk__emr__charge_line__cs_new` (
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
FROM `chartshift`.`xwalk__emr__charge_line` AS `p`
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM `chartshift`.`xwalk__emr__charge_line__cs_new`
    WHERE
      `xwalk__emr__charge_line__cs_new`.`legacy_key` = `p`.`legacy_key`
  );

-- specs/demo_clinic.mig:326: legacy.visits -> emr.charge_line: load the surviving rows
INSERT INTO `emr`.`charge_line__cs_new` (
  `id`,
  `encounter_id`,
  `line_no`,
  `cpt`,
  `units`,
  `modifier`,
  `amount`
)
SELECT
  CAST(`w`.`__own_id` AS BIGINT),
  CAST(`w`.`f__encounter_id` AS BIGINT),
  CAST(`w`.`f__line_no` AS INT),
  CAST(`w`.`f__cpt` AS VARCHAR(5)),
  CAST(`w`.`f__units` AS INT),
  CAST(`w`.`f__modifier` AS VARCHAR(2)),
  CAST(`w`.`f__amount` AS DECIMAL(10, 2))
FROM `chartshift`.`cs_work__emr__charge_line` AS `w`
WHERE
  `w`.`__status` = 'loaded';

-- specs/demo_clinic.mig:326: legacy.visits -> emr.charge_line: accounting identity: source rows = loaded + rejected + filtered + merged + aggregated
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
  'legacy.visits -> emr.charge_line',
  'legacy.visits',
  'emr.charge_line',
  (
    SELECT
      COUNT(*)
    FROM `legacy`.`visits`
  ) * 3,
  (
    SELECT
      COUNT(*)
    FROM `emr`.`charge_line__cs_new`
  ),
  (
    SELECT
      COUNT(*)
    FROM `chartshift`.`rejects__cs_new`
    WHERE
      `map` = 'legacy.visits -> emr.charge_line'
  ),
  (
    SELECT
      COUNT(*)
    FROM (
      SELECT
        `visits`.`__row` AS `__row`,
        `visits`.`__cast_error` AS `__cast_error`,
        `visits`.`visit_id` AS `s__visits__visit_id`,
        `visits`.`cpt1` AS `s__visits__cpt1`,
        `visits`.`units1` AS `s__visits__units1`,
        `visits`.`mod1` AS `s__visits__mod1`,
        `visits`.`amount1` AS `s__visits__amount1`,
        `visits`.`cpt2` AS `s__visits__cpt2`,
        `visits`.`units2` AS `s__visits__units2`,
        `visits`.`mod2` AS `s__visits__mod2`,
        `visits`.`amount2` AS `s__visits__amount2`,
        `visits`.`cpt3` AS `s__visits__cpt3`,
        `visits`.`units3` AS `s__visits__units3`,
        `visits`.`mod3` AS `s__visits__mod3`,
        `visits`.`amount3` AS `s__visits__amount3`,
        CASE `cs_slots`.`n`
          WHEN 1
          THEN `visits`.`cpt1`
          WHEN 2
          THEN `visits`.`cpt2`
          WHEN 3
          THEN `visits`.`cpt3`
        END AS `e__code`,
        CASE `cs_slots`.`n`
          WHEN 1
          THEN `visits`.`units1`
          WHEN 2
          THEN `visits`.`units2`
          WHEN 3
          THEN `visits`.`units3`
        END AS `e__units`,
        CASE `cs_slots`.`n`
          WHEN 1
          THEN `visits`.`mod1`
          WHEN 2
          THEN `visits`.`mod2`
          WHEN 3
          THEN `visits`.`mod3`
        END AS `e__modifier`,
        CASE `cs_slots`.`n`
          WHEN 1
          THEN `visits`.`amount1`
          WHEN 2
          THEN `visits`.`amount2`
          WHEN 3
          THEN `visits`.`amount3`
        END AS `e__amount`,
        `cs_slots`.`n` AS `__slot`
      FROM `legacy`.`visits` AS `visits`
      CROSS JOIN (
        SELECT
          1 AS `n`
        UNION ALL
        SELECT
          2 AS `n`
        UNION ALL
        SELECT
          3 AS `n`
      ) AS `cs_slots`
    ) AS `cs_in`
    WHERE
      NOT COALESCE(
        (
          (
            NOT (
              NULLIF(TRIM(BOTH ' ' FROM `cs_in`.`e__code`), '')
            ) IS NULL
          )
        ),
        FALSE
      )
  ),
  0,
  0;

-- specs/demo_clinic.mig:326: legacy.visits -> emr.charge_line: work table no longer needed
DROP TABLE IF EXISTS `chartshift`.`cs_work__emr__charge_line`;

