-- chartshift 0.1.0 | dialect spark
-- spec specs/two_systems.mig sha256 76eeb791ddfc46d4013247302076b35042796b3181d91a47e7b0e553ee1643b2
-- 20_17_emr_clinical_note: map sysA.notes -> emr.clinical_note
-- Generated file: do not edit. Regenerate with `chartshift compile specs/two_systems.mig`.


-- specs/two_systems.mig:542: work table left by an earlier run
DROP TABLE IF EXISTS `chartshift`.`cs_work__emr__clinical_note`;

-- specs/two_systems.mig:542: sysA.notes -> emr.clinical_note: every kept row with its fields and status
CREATE TABLE `chartshift`.`cs_work__emr__clinical_note` AS
WITH `cs_in` AS (
  SELECT
    `notes`.`__row` AS `__row`,
    `notes`.`__cast_error` AS `__cast_error`,
    `notes`.`note_id` AS `s__notes__note_id`,
    `notes`.`visit_id` AS `s__notes__visit_id`,
    `notes`.`note_type` AS `s__notes__note_type`,
    `notes`.`note_text` AS `s__notes__note_text`,
    1 AS `__slot`
  FROM `sysA`.`notes` AS `notes`
), `cs_fields` AS (
  SELECT
    `cs_in`.*,
    `cs_ref1`.`target_id` AS `f__encounter_id`,
    ARRAY_JOIN(
      TRANSFORM(
        SPLIT(TRIM(BOTH ' ' FROM `cs_in`.`s__notes__note_type`), 'ß', -1),
        `_cs_part` -> UPPER(_cs_part)
      ),
      'ß'
    ) AS `f__note_type`,
    `cs_in`.`s__notes__note_text` AS `f__body`,
    CAST((
      `cs_in`.`s__notes__note_id`
    ) AS STRING) AS `__key`
  FROM `cs_in`
  LEFT JOIN `chartshift`.`xwalk__emr__encounter__cs_new` AS `cs_ref1`
    ON `cs_ref1`.`legacy_key` = CAST((
      'sysA.visits'
    ) AS STRING) || '|' || CAST((
      `cs_in`.`s__notes__visit_id`
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
      WHEN `cs_fields`.`f__encounter_id` IS NULL
      THEN 4
      WHEN `cs_fields`.`f__note_type` IS NULL
      THEN 5
      WHEN LENGTH(CAST(`cs_fields`.`f__note_type` AS STRING)) > 20
      THEN 6
      WHEN NOT `cs_dups`.`first_row` IS NULL AND `cs_fields`.`__row` > `cs_dups`.`first_row`
      THEN 7
    END AS `__rule`
  FROM `cs_fields`
  LEFT JOIN (
    SELECT
      `cs_fields`.`s__notes__note_id` AS `__k1`,
      MIN(`cs_fields`.`__row`) AS `first_row`
    FROM `cs_fields`
    GROUP BY
      `cs_fields`.`s__notes__note_id`
    HAVING
      COUNT(*) > 1
  ) AS `cs_dups`
    ON `cs_dups`.`__k1` = `cs_fields`.`s__notes__note_id`
), `cs_status` AS (
  SELECT
    `cs_rules`.`__row`,
    `cs_rules`.`__slot`,
    `cs_rules`.`__key`,
    `cs_rules`.`__rule`,
    `cs_rules`.`f__encounter_id`,
    `cs_rules`.`f__note_type`,
    `cs_rules`.`f__body`,
    `cs_rules`.`s__notes__note_id`,
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
        FROM `chartshift`.`xwalk__emr__clinical_note`
      ) + ROW_NUMBER() OVER (
        ORDER BY (
          `cs_prev`.`own_id` IS NULL AND `cs_status`.`__status` = 'loaded'
        ) DESC, `cs_status`.`__row` NULLS LAST, `cs_status`.`__slot` NULLS LAST
      )
    END
  ) AS `__own_id`
FROM `cs_status`
LEFT JOIN `chartshift`.`xwalk__emr__clinical_note` AS `cs_prev`
  ON `cs_prev`.`legacy_key` = `cs_status`.`__key`;

-- specs/two_systems.mig:542: sysA.notes -> emr.clinical_note: rejected rows with the first rule that failed
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
  'sysA.notes -> emr.clinical_note',
  'sysA.notes',
  CAST((
    `w`.`s__notes__note_id`
  ) AS STRING),
  `w`.`__slot`,
  `w`.`__row`,
  CASE `w`.`__rule`
    WHEN 1
    THEN 'cast'
    WHEN 2
    THEN 'key'
    WHEN 3
    THEN 'reject:547'
    WHEN 4
    THEN 'not null:emr.clinical_note.encounter_id'
    WHEN 5
    THEN 'not null:emr.clinical_note.note_type'
    WHEN 6
    THEN 'length:emr.clinical_note.note_type'
    WHEN 7
    THEN 'duplicate key'
  END,
  CASE `w`.`__rule`
    WHEN 1
    THEN 'value does not fit the source column type'
    WHEN 2
    THEN 'missing legacy key'
    WHEN 3
    THEN 'note for unknown visit'
    WHEN 4
    THEN 'encounter_id is required but empty'
    WHEN 5
    THEN 'note_type is required but empty'
    WHEN 6
    THEN 'note_type is longer than 20 characters'
    WHEN 7
    THEN 'duplicate legacy key (an earlier row has the same key)'
  END,
  TO_JSON(
    NAMED_STRUCT(
      'note_id',
      `r`.`note_id`,
      'visit_id',
      `r`.`visit_id`,
      'note_type',
      `r`.`note_type`,
      'note_text',
      `r`.`note_text`
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
    THEN 'not_null'
    WHEN 5
    THEN 'not_null'
    WHEN 6
    THEN 'too_long'
    WHEN 7
    THEN 'duplicate_key'
  END
FROM `chartshift`.`cs_work__emr__clinical_note` AS `w`
JOIN `chartshift_stage`.`sysA__notes` AS `r`
  ON `r`.`__row` = `w`.`__row`
WHERE
  `w`.`__status` = 'rejected'
ORDER BY
  `w`.`__row` NULLS LAST,
  `w`.`__slot` NULLS LAST;

-- specs/two_systems.mig:543: crosswalk emr.clinical_note: loaded keys with their ids, merged keys pointing at their survivor's id
INSERT INTO `chartshift`.`xwalk__emr__clinical_note__cs_new` (
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
FROM `chartshift`.`cs_work__emr__clinical_note` AS `w`
WHERE
  `w`.`__status` IN ('loaded', 'merged');

-- specs/two_systems.mig:543: crosswalk emr.clinical_note: keys not loaded by this run stay, inactive, with their ids
INSERT INTO `chartshift`.`xwalk__emr__clinical_note__cs_new` (
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
FROM `chartshift`.`xwalk__emr__clinical_note` AS `p`
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM `chartshift`.`xwalk__emr__clinical_note__cs_new`
    WHERE
      `xwalk__emr__clinical_note__cs_new`.`legacy_key` = `p`.`legacy_key`
  );

-- specs/two_systems.mig:542: sysA.notes -> emr.clinical_note: load the surviving rows
INSERT INTO `emr`.`clinical_note__cs_new` (
  `id`,
  `encounter_id`,
  `note_type`,
  `body`
)
SELECT
  CAST(`w`.`__own_id` AS BIGINT),
  CAST(`w`.`f__encounter_id` AS BIGINT),
  CAST(`w`.`f__note_type` AS VARCHAR(20)),
  CAST(`w`.`f__body` AS STRING)
FROM `chartshift`.`cs_work__emr__clinical_note` AS `w`
WHERE
  `w`.`__status` = 'loaded';

-- specs/two_systems.mig:542: sysA.notes -> emr.clinical_note: accounting identity: source rows = loaded + rejected + filtered + merged + aggregated
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
  'sysA.notes -> emr.clinical_note',
  'sysA.notes',
  'emr.clinical_note',
  (
    SELECT
      COUNT(*)
    FROM `sysA`.`notes`
  ),
  (
    SELECT
      COUNT(*)
    FROM `emr`.`clinical_note__cs_new`
  ),
  (
    SELECT
      COUNT(*)
    FROM `chartshift`.`rejects__cs_new`
    WHERE
      `map` = 'sysA.notes -> emr.clinical_note'
  ),
  0,
  0,
  0;

-- specs/two_systems.mig:542: sysA.notes -> emr.clinical_note: work table no longer needed
DROP TABLE IF EXISTS `chartshift`.`cs_work__emr__clinical_note`;

