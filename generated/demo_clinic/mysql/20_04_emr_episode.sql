-- chartshift 0.1.0 | dialect mysql
-- spec specs/demo_clinic.mig sha256 a2d29e478bd0344673ca628df24d217e8057e79772da3f5917ea33a753acd32d
-- 20_04_emr_episode: map legacy.cases -> emr.episode
-- Generated file: do not edit. Regenerate with `chartshift compile specs/demo_clinic.mig`.


-- specs/demo_clinic.mig:282: work table left by an earlier run
DROP TABLE IF EXISTS `chartshift__cs_work__emr__episode`;

-- specs/demo_clinic.mig:282: legacy.cases -> emr.episode: every kept row with its fields and status
CREATE TABLE `chartshift__cs_work__emr__episode` AS
WITH `cs_in` AS (
  SELECT
    `cases`.`__row` AS `__row`,
    `cases`.`__cast_error` AS `__cast_error`,
    `cases`.`case_no` AS `s__cases__case_no`,
    `cases`.`pat_no` AS `s__cases__pat_no`,
    `cases`.`therapist_id` AS `s__cases__therapist_id`,
    `cases`.`referring_physician` AS `s__cases__referring_physician`,
    `cases`.`referring_npi` AS `s__cases__referring_npi`,
    `cases`.`injury_date` AS `s__cases__injury_date`,
    `cases`.`eval_date` AS `s__cases__eval_date`,
    1 AS `__slot`
  FROM `legacy__cases` AS `cases`
), `cs_fields` AS (
  SELECT
    `cs_in`.*,
    `cs_ref1`.`target_id` AS `f__patient_id`,
    `cs_ref2`.`target_id` AS `f__practitioner_id`,
    TRIM(BOTH ' ' FROM `cs_in`.`s__cases__referring_physician`) AS `f__referring_physician`,
    CASE
      WHEN CASE
        WHEN TRIM(BOTH ' ' FROM `cs_in`.`s__cases__referring_npi`) IS NULL
        THEN NULL
        ELSE COALESCE(
          (
            24 + CAST(SUBSTRING(
              '0246813579',
              CAST(SUBSTRING(
                CASE
                  WHEN REGEXP_INSTR(
                    CAST(TRIM(BOTH ' ' FROM TRIM(BOTH ' ' FROM `cs_in`.`s__cases__referring_npi`)) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
                    '^(?:[12][0-9]{9})\\z'
                  ) > 0
                  THEN TRIM(BOTH ' ' FROM TRIM(BOTH ' ' FROM `cs_in`.`s__cases__referring_npi`))
                END,
                1,
                1
              ) AS SIGNED) + 1,
              1
            ) AS SIGNED) + CAST(SUBSTRING(
              CASE
                WHEN REGEXP_INSTR(
                  CAST(TRIM(BOTH ' ' FROM TRIM(BOTH ' ' FROM `cs_in`.`s__cases__referring_npi`)) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
                  '^(?:[12][0-9]{9})\\z'
                ) > 0
                THEN TRIM(BOTH ' ' FROM TRIM(BOTH ' ' FROM `cs_in`.`s__cases__referring_npi`))
              END,
              2,
              1
            ) AS SIGNED) + CAST(SUBSTRING(
              '0246813579',
              CAST(SUBSTRING(
                CASE
                  WHEN REGEXP_INSTR(
                    CAST(TRIM(BOTH ' ' FROM TRIM(BOTH ' ' FROM `cs_in`.`s__cases__referring_npi`)) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
                    '^(?:[12][0-9]{9})\\z'
                  ) > 0
                  THEN TRIM(BOTH ' ' FROM TRIM(BOTH ' ' FROM `cs_in`.`s__cases__referring_npi`))
                END,
                3,
                1
              ) AS SIGNED) + 1,
              1
            ) AS SIGNED) + CAST(SUBSTRING(
              CASE
                WHEN REGEXP_INSTR(
                  CAST(TRIM(BOTH ' ' FROM TRIM(BOTH ' ' FROM `cs_in`.`s__cases__referring_npi`)) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
                  '^(?:[12][0-9]{9})\\z'
                ) > 0
                THEN TRIM(BOTH ' ' FROM TRIM(BOTH ' ' FROM `cs_in`.`s__cases__referring_npi`))
              END,
              4,
              1
            ) AS SIGNED) + CAST(SUBSTRING(
              '0246813579',
              CAST(SUBSTRING(
                CASE
                  WHEN REGEXP_INSTR(
                    CAST(TRIM(BOTH ' ' FROM TRIM(BOTH ' ' FROM `cs_in`.`s__cases__referring_npi`)) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
                    '^(?:[12][0-9]{9})\\z'
                  ) > 0
                  THEN TRIM(BOTH ' ' FROM TRIM(BOTH ' ' FROM `cs_in`.`s__cases__referring_npi`))
                END,
                5,
                1
              ) AS SIGNED) + 1,
              1
            ) AS SIGNED) + CAST(SUBSTRING(
              CASE
                WHEN REGEXP_INSTR(
                  CAST(TRIM(BOTH ' ' FROM TRIM(BOTH ' ' FROM `cs_in`.`s__cases__referring_npi`)) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
                  '^(?:[12][0-9]{9})\\z'
                ) > 0
                THEN TRIM(BOTH ' ' FROM TRIM(BOTH ' ' FROM `cs_in`.`s__cases__referring_npi`))
              END,
              6,
              1
            ) AS SIGNED) + CAST(SUBSTRING(
              '0246813579',
              CAST(SUBSTRING(
                CASE
                  WHEN REGEXP_INSTR(
                    CAST(TRIM(BOTH ' ' FROM TRIM(BOTH ' ' FROM `cs_in`.`s__cases__referring_npi`)) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
                    '^(?:[12][0-9]{9})\\z'
                  ) > 0
                  THEN TRIM(BOTH ' ' FROM TRIM(BOTH ' ' FROM `cs_in`.`s__cases__referring_npi`))
                END,
                7,
                1
              ) AS SIGNED) + 1,
              1
            ) AS SIGNED) + CAST(SUBSTRING(
              CASE
                WHEN REGEXP_INSTR(
                  CAST(TRIM(BOTH ' ' FROM TRIM(BOTH ' ' FROM `cs_in`.`s__cases__referring_npi`)) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
                  '^(?:[12][0-9]{9})\\z'
                ) > 0
                THEN TRIM(BOTH ' ' FROM TRIM(BOTH ' ' FROM `cs_in`.`s__cases__referring_npi`))
              END,
              8,
              1
            ) AS SIGNED) + CAST(SUBSTRING(
              '0246813579',
              CAST(SUBSTRING(
                CASE
                  WHEN REGEXP_INSTR(
                    CAST(TRIM(BOTH ' ' FROM TRIM(BOTH ' ' FROM `cs_in`.`s__cases__referring_npi`)) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
                    '^(?:[12][0-9]{9})\\z'
                  ) > 0
                  THEN TRIM(BOTH ' ' FROM TRIM(BOTH ' ' FROM `cs_in`.`s__cases__referring_npi`))
                END,
                9,
                1
              ) AS SIGNED) + 1,
              1
            ) AS SIGNED) + CAST(SUBSTRING(
              CASE
                WHEN REGEXP_INSTR(
                  CAST(TRIM(BOTH ' ' FROM TRIM(BOTH ' ' FROM `cs_in`.`s__cases__referring_npi`)) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
                  '^(?:[12][0-9]{9})\\z'
                ) > 0
                THEN TRIM(BOTH ' ' FROM TRIM(BOTH ' ' FROM `cs_in`.`s__cases__referring_npi`))
              END,
              10,
              1
            ) AS SIGNED)
          ) % 10 = 0,
          FALSE
        )
      END
      THEN TRIM(BOTH ' ' FROM `cs_in`.`s__cases__referring_npi`)
    END AS `f__referring_npi`,
    CAST(NULLIF(
      REGEXP_SUBSTR(
        CAST(REGEXP_REPLACE(
          CAST(TRIM(`cs_in`.`s__cases__injury_date`) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
          '(?s)^(?:([0-9]{1,2})\\/([0-9]{1,2})\\/([0-9]{4}))\\z|^.*\\z',
          '\\3-\\1-\\2'
        ) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
        '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))\\z'
      ),
      ''
    ) AS DATE) AS `f__onset_date`,
    CAST(NULLIF(
      REGEXP_SUBSTR(
        CAST(REGEXP_REPLACE(
          CAST(TRIM(`cs_in`.`s__cases__eval_date`) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
          '(?s)^(?:([0-9]{1,2})\\/([0-9]{1,2})\\/([0-9]{4}))\\z|^.*\\z',
          '\\3-\\1-\\2'
        ) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
        '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))\\z'
      ),
      ''
    ) AS DATE) AS `f__start_date`,
    CAST(CAST((
      `cs_in`.`s__cases__case_no`
    ) AS CHAR) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin AS `__key`
  FROM `cs_in`
  LEFT JOIN `chartshift__xwalk__emr__patient__cs_new` AS `cs_ref1`
    ON `cs_ref1`.`legacy_key` = CAST(CAST((
      `cs_in`.`s__cases__pat_no`
    ) AS CHAR) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin
    AND `cs_ref1`.`state` <> 'inactive'
  LEFT JOIN `chartshift__xwalk__emr__practitioner__cs_new` AS `cs_ref2`
    ON `cs_ref2`.`legacy_key` = CAST(CAST((
      `cs_in`.`s__cases__therapist_id`
    ) AS CHAR) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin
    AND `cs_ref2`.`state` <> 'inactive'
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
        ) IS NULL
      ), FALSE)
      THEN 3
      WHEN `cs_fields`.`f__patient_id` IS NULL
      THEN 4
      WHEN CHAR_LENGTH(CAST(`cs_fields`.`f__referring_physician` AS CHAR)) > 100
      THEN 5
      WHEN CHAR_LENGTH(CAST(`cs_fields`.`f__referring_npi` AS CHAR)) > 10
      THEN 6
      WHEN NOT `cs_dups`.`first_row` IS NULL AND `cs_fields`.`__row` > `cs_dups`.`first_row`
      THEN 7
    END AS `__rule`
  FROM `cs_fields`
  LEFT JOIN (
    SELECT
      CAST(`cs_fields`.`s__cases__case_no` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin AS `__k1`,
      MIN(`cs_fields`.`__row`) AS `first_row`
    FROM `cs_fields`
    GROUP BY
      CAST(`cs_fields`.`s__cases__case_no` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin
    HAVING
      COUNT(*) > 1
  ) AS `cs_dups`
    ON `cs_dups`.`__k1` = CAST(`cs_fields`.`s__cases__case_no` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin
), `cs_status` AS (
  SELECT
    `cs_rules`.`__row`,
    `cs_rules`.`__slot`,
    `cs_rules`.`__key`,
    `cs_rules`.`__rule`,
    `cs_rules`.`f__patient_id`,
    `cs_rules`.`f__practitioner_id`,
    `cs_rules`.`f__referring_physician`,
    `cs_rules`.`f__referring_npi`,
    `cs_rules`.`f__onset_date`,
    `cs_rules`.`f__start_date`,
    `cs_rules`.`s__cases__case_no`,
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
        FROM `chartshift__xwalk__emr__episode`
      ) + ROW_NUMBER() OVER (
        ORDER BY (
          `cs_prev`.`own_id` IS NULL AND `cs_status`.`__status` = 'loaded'
        ) DESC, CASE WHEN `cs_status`.`__row` IS NULL THEN 1 ELSE 0 END, `cs_status`.`__row`, CASE WHEN `cs_status`.`__slot` IS NULL THEN 1 ELSE 0 END, `cs_status`.`__slot`
      )
    END
  ) AS `__own_id`
FROM `cs_status`
LEFT JOIN `chartshift__xwalk__emr__episode` AS `cs_prev`
  ON `cs_prev`.`legacy_key` = `cs_status`.`__key`;

-- specs/demo_clinic.mig:282: legacy.cases -> emr.episode: rejected rows with the first rule that failed
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
  'legacy.cases -> emr.episode',
  'legacy.cases',
  CAST(CAST((
    `w`.`s__cases__case_no`
  ) AS CHAR) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
  `w`.`__slot`,
  `w`.`__row`,
  CASE `w`.`__rule`
    WHEN 1
    THEN 'cast'
    WHEN 2
    THEN 'key'
    WHEN 3
    THEN 'reject:290'
    WHEN 4
    THEN 'not null:emr.episode.patient_id'
    WHEN 5
    THEN 'length:emr.episode.referring_physician'
    WHEN 6
    THEN 'length:emr.episode.referring_npi'
    WHEN 7
    THEN 'duplicate key'
  END,
  CASE `w`.`__rule`
    WHEN 1
    THEN 'value does not fit the source column type'
    WHEN 2
    THEN 'missing legacy key'
    WHEN 3
    THEN 'episode for unknown patient'
    WHEN 4
    THEN 'patient_id is required but empty'
    WHEN 5
    THEN 'referring_physician is longer than 100 characters'
    WHEN 6
    THEN 'referring_npi is longer than 10 characters'
    WHEN 7
    THEN 'duplicate legacy key (an earlier row has the same key)'
  END,
  CAST(JSON_OBJECT(
    'case_no',
    `r`.`case_no`,
    'pat_no',
    `r`.`pat_no`,
    'therapist_id',
    `r`.`therapist_id`,
    'referring_physician',
    `r`.`referring_physician`,
    'referring_npi',
    `r`.`referring_npi`,
    'injury_date',
    `r`.`injury_date`,
    'eval_date',
    `r`.`eval_date`,
    'dx1',
    `r`.`dx1`,
    'dx2',
    `r`.`dx2`,
    'dx3',
    `r`.`dx3`,
    'dx4',
    `r`.`dx4`
  ) AS CHAR),
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
    THEN 'too_long'
    WHEN 6
    THEN 'too_long'
    WHEN 7
    THEN 'duplicate_key'
  END
FROM `chartshift__cs_work__emr__episode` AS `w`
JOIN `chartshift_stage__legacy__cases` AS `r`
  ON `r`.`__row` = `w`.`__row`
WHERE
  `w`.`__status` = 'rejected'
ORDER BY
  CASE WHEN `w`.`__row` IS NULL THEN 1 ELSE 0 END, `w`.`__row`,
  CASE WHEN `w`.`__slot` IS NULL THEN 1 ELSE 0 END, `w`.`__slot`;

-- specs/demo_clinic.mig:283: crosswalk emr.episode: loaded keys with their ids, merged keys pointing at their survivor's id
INSERT INTO `chartshift__xwalk__emr__episode__cs_new` (
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
FROM `chartshift__cs_work__emr__episode` AS `w`
WHERE
  `w`.`__status` IN ('loaded', 'merged');

-- specs/demo_clinic.mig:283: crosswalk emr.episode: keys not loaded by this run stay, inactive, with their ids
INSERT INTO `chartshift__xwalk__emr__episode__cs_new` (
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
FROM `chartshift__xwalk__emr__episode` AS `p`
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM `chartshift__xwalk__emr__episode__cs_new`
    WHERE
      `chartshift__xwalk__emr__episode__cs_new`.`legacy_key` = `p`.`legacy_key`
  );

-- specs/demo_clinic.mig:282: legacy.cases -> emr.episode: load the surviving rows
INSERT INTO `emr__episode__cs_new` (
  `id`,
  `patient_id`,
  `practitioner_id`,
  `referring_physician`,
  `referring_npi`,
  `onset_date`,
  `start_date`
)
SELECT
  CAST(`w`.`__own_id` AS SIGNED),
  CAST(`w`.`f__patient_id` AS SIGNED),
  CAST(`w`.`f__practitioner_id` AS SIGNED),
  CAST(`w`.`f__referring_physician` AS CHAR(100)),
  CAST(`w`.`f__referring_npi` AS CHAR(10)),
  CAST(`w`.`f__onset_date` AS DATE),
  CAST(`w`.`f__start_date` AS DATE)
FROM `chartshift__cs_work__emr__episode` AS `w`
WHERE
  `w`.`__status` = 'loaded';

-- specs/demo_clinic.mig:282: legacy.cases -> emr.episode: accounting identity: source rows = loaded + rejected + filtered + merged + aggregated
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
  'legacy.cases -> emr.episode',
  'legacy.cases',
  'emr.episode',
  (
    SELECT
      COUNT(*)
    FROM `legacy__cases`
  ),
  (
    SELECT
      COUNT(*)
    FROM `emr__episode__cs_new`
  ),
  (
    SELECT
      COUNT(*)
    FROM `chartshift__rejects__cs_new`
    WHERE
      `map` = 'legacy.cases -> emr.episode'
  ),
  0,
  0,
  0;

-- specs/demo_clinic.mig:282: legacy.cases -> emr.episode: work table no longer needed
DROP TABLE IF EXISTS `chartshift__cs_work__emr__episode`;

