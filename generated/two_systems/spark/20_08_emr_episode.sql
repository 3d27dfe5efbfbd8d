-- chartshift 0.1.0 | dialect spark
-- spec specs/two_systems.mig sha256 76eeb791ddfc46d4013247302076b35042796b3181d91a47e7b0e553ee1643b2
-- 20_08_emr_episode: map sysB.episodes -> emr.episode
-- Generated file: do not edit. Regenerate with `chartshift compile specs/two_systems.mig`.


-- specs/two_systems.mig:418: work table left by an earlier run
DROP TABLE IF EXISTS `chartshift`.`cs_work__emr__episode`;

-- specs/two_systems.mig:418: sysB.episodes -> emr.episode: every kept row with its fields and status
CREATE TABLE `chartshift`.`cs_work__emr__episode` AS
WITH `cs_in` AS (
  SELECT
    `cs_raw`.*,
    `cs_amb`.`__n__c` AS `__n__c`,
    1 AS `__slot`
  FROM (
    SELECT
      `episodes`.`__row` AS `__row`,
      `episodes`.`__cast_error` AS `__cast_error`,
      `episodes`.`episode_id` AS `s__episodes__episode_id`,
      `episodes`.`client_id` AS `s__episodes__client_id`,
      `episodes`.`staff_no` AS `s__episodes__staff_no`,
      `episodes`.`referral_md` AS `s__episodes__referral_md`,
      `episodes`.`injury_dt` AS `s__episodes__injury_dt`,
      `episodes`.`start_dt` AS `s__episodes__start_dt`,
      `c`.`client_id` AS `s__c__client_id`,
      `c`.`birth_dt` AS `s__c__birth_dt`,
      `c`.`__row` AS `j__c__row`
    FROM `sysB`.`episodes` AS `episodes`
    LEFT JOIN `sysB`.`clients` AS `c`
      ON (
        `c`.`client_id`
      ) = (
        `episodes`.`client_id`
      )
  ) AS `cs_raw`
  LEFT JOIN (
    SELECT
      `__row`,
      COUNT(DISTINCT `j__c__row`) AS `__n__c`,
      MIN(`j__c__row`) AS `first__c`
    FROM (
      SELECT
        `episodes`.`__row` AS `__row`,
        `c`.`__row` AS `j__c__row`
      FROM `sysB`.`episodes` AS `episodes`
      LEFT JOIN `sysB`.`clients` AS `c`
        ON (
          `c`.`client_id`
        ) = (
          `episodes`.`client_id`
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
      `cs_amb`.`first__c` IS NULL OR `cs_raw`.`j__c__row` = `cs_amb`.`first__c`
    )
), `cs_fields` AS (
  SELECT
    `cs_in`.*,
    `cs_ref1`.`target_id` AS `f__patient_id`,
    `cs_ref2`.`target_id` AS `f__practitioner_id`,
    TRIM(BOTH ' ' FROM `cs_in`.`s__episodes__referral_md`) AS `f__referring_physician`,
    CAST(NULLIF(
      REGEXP_EXTRACT(
        REGEXP_REPLACE(
          REGEXP_REPLACE(
            REPLACE(
              REPLACE(
                REPLACE(
                  REPLACE(
                    REPLACE(
                      REPLACE(
                        REPLACE(
                          REPLACE(
                            REPLACE(
                              REPLACE(
                                REPLACE(
                                  REPLACE(
                                    UPPER(
                                      REGEXP_REPLACE(
                                        TRIM(`cs_in`.`s__episodes__injury_dt`),
                                        '(?s)^(?:([0-9]{1,2})\\-([A-Za-z]{3})\\-([0-9]{2}))\\z|^.*\\z',
                                        '$3-$2-$1'
                                      )
                                    ),
                                    '-JAN-',
                                    '-1-'
                                  ),
                                  '-FEB-',
                                  '-2-'
                                ),
                                '-MAR-',
                                '-3-'
                              ),
                              '-APR-',
                              '-4-'
                            ),
                            '-MAY-',
                            '-5-'
                          ),
                          '-JUN-',
                          '-6-'
                        ),
                        '-JUL-',
                        '-7-'
                      ),
                      '-AUG-',
                      '-8-'
                    ),
                    '-SEP-',
                    '-9-'
                  ),
                  '-OCT-',
                  '-10-'
                ),
                '-NOV-',
                '-11-'
              ),
              '-DEC-',
              '-12-'
            ),
            '^([0-5][0-9]|6[0-8])-',
            '20$1-'
          ),
          '^(69|[7-9][0-9])-',
          '19$1-'
        ),
        '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))\\z',
        0
      ),
      ''
    ) AS DATE) AS `f__onset_date`,
    CAST(NULLIF(
      REGEXP_EXTRACT(
        REGEXP_REPLACE(
          REGEXP_REPLACE(
            REPLACE(
              REPLACE(
                REPLACE(
                  REPLACE(
                    REPLACE(
                      REPLACE(
                        REPLACE(
                          REPLACE(
                            REPLACE(
                              REPLACE(
                                REPLACE(
                                  REPLACE(
                                    UPPER(
                                      REGEXP_REPLACE(
                                        TRIM(`cs_in`.`s__episodes__start_dt`),
                                        '(?s)^(?:([0-9]{1,2})\\-([A-Za-z]{3})\\-([0-9]{2}))\\z|^.*\\z',
                                        '$3-$2-$1'
                                      )
                                    ),
                                    '-JAN-',
                                    '-1-'
                                  ),
                                  '-FEB-',
                                  '-2-'
                                ),
                                '-MAR-',
                                '-3-'
                              ),
                              '-APR-',
                              '-4-'
                            ),
                            '-MAY-',
                            '-5-'
                          ),
                          '-JUN-',
                          '-6-'
                        ),
                        '-JUL-',
                        '-7-'
                      ),
                      '-AUG-',
                      '-8-'
                    ),
                    '-SEP-',
                    '-9-'
                  ),
                  '-OCT-',
                  '-10-'
                ),
                '-NOV-',
                '-11-'
              ),
              '-DEC-',
              '-12-'
            ),
            '^([0-5][0-9]|6[0-8])-',
            '20$1-'
          ),
          '^(69|[7-9][0-9])-',
          '19$1-'
        ),
        '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))\\z',
        0
      ),
      ''
    ) AS DATE) AS `f__start_date`,
    CAST((
      (
        CAST(DATE_FORMAT(
          CAST(NULLIF(
            REGEXP_EXTRACT(
              REGEXP_REPLACE(
                REGEXP_REPLACE(
                  REPLACE(
                    REPLACE(
                      REPLACE(
                        REPLACE(
                          REPLACE(
                            REPLACE(
                              REPLACE(
                                REPLACE(
                                  REPLACE(
                                    REPLACE(
                                      REPLACE(
                                        REPLACE(
                                          UPPER(
                                            REGEXP_REPLACE(
                                              TRIM(`cs_in`.`s__episodes__injury_dt`),
                                              '(?s)^(?:([0-9]{1,2})\\-([A-Za-z]{3})\\-([0-9]{2}))\\z|^.*\\z',
                                              '$3-$2-$1'
                                            )
                                          ),
                                          '-JAN-',
                                          '-1-'
                                        ),
                                        '-FEB-',
                                        '-2-'
                                      ),
                                      '-MAR-',
                                      '-3-'
                                    ),
                                    '-APR-',
                                    '-4-'
                                  ),
                                  '-MAY-',
                                  '-5-'
                                ),
                                '-JUN-',
                                '-6-'
                              ),
                              '-JUL-',
                              '-7-'
                            ),
                            '-AUG-',
                            '-8-'
                          ),
                          '-SEP-',
                          '-9-'
                        ),
                        '-OCT-',
                        '-10-'
                      ),
                      '-NOV-',
                      '-11-'
                    ),
                    '-DEC-',
                    '-12-'
                  ),
                  '^([0-5][0-9]|6[0-8])-',
                  '20$1-'
                ),
                '^(69|[7-9][0-9])-',
                '19$1-'
              ),
              '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))\\z',
              0
            ),
            ''
          ) AS DATE),
          'yyyyMMdd'
        ) AS INT) - CAST(DATE_FORMAT(
          CAST(NULLIF(
            REGEXP_EXTRACT(
              REGEXP_REPLACE(
                TRIM(NULLIF(TRIM(BOTH ' ' FROM `cs_in`.`s__c__birth_dt`), '00000000')),
                '(?s)^(?:([0-9]{4})([0-9]{2})([0-9]{1,2}))\\z|^.*\\z',
                '$1-$2-$3'
              ),
              '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))\\z',
              0
            ),
            ''
          ) AS DATE),
          'yyyyMMdd'
        ) AS INT)
      ) DIV 10000
    ) AS BIGINT) AS `f__age_at_onset`,
    CAST((
      'sysB.episodes'
    ) AS STRING) || '|' || CAST((
      `cs_in`.`s__episodes__episode_id`
    ) AS STRING) AS `__key`
  FROM `cs_in`
  LEFT JOIN `chartshift`.`xwalk__emr__patient__cs_new` AS `cs_ref1`
    ON `cs_ref1`.`legacy_key` = CAST((
      'sysB.clients'
    ) AS STRING) || '|' || CAST((
      `cs_in`.`s__episodes__client_id`
    ) AS STRING)
    AND `cs_ref1`.`state` <> 'inactive'
  LEFT JOIN `chartshift`.`xwalk__emr__practitioner__cs_new` AS `cs_ref2`
    ON `cs_ref2`.`legacy_key` = CAST((
      'sysB.staff'
    ) AS STRING) || '|' || CAST((
      `cs_in`.`s__episodes__staff_no`
    ) AS STRING)
    AND `cs_ref2`.`state` <> 'inactive'
), `cs_rules` AS (
  SELECT
    `cs_fields`.*,
    CASE
      WHEN NOT `cs_fields`.`__cast_error` IS NULL
      THEN 1
      WHEN `cs_fields`.`__n__c` > 1
      THEN 2
      WHEN `cs_fields`.`__key` IS NULL
      THEN 3
      WHEN COALESCE((
        (
          `cs_fields`.`f__patient_id`
        ) IS NULL
      ), FALSE)
      THEN 4
      WHEN `cs_fields`.`f__patient_id` IS NULL
      THEN 5
      WHEN LENGTH(CAST(`cs_fields`.`f__referring_physician` AS STRING)) > 100
      THEN 6
      WHEN NOT `cs_dups`.`first_row` IS NULL AND `cs_fields`.`__row` > `cs_dups`.`first_row`
      THEN 7
    END AS `__rule`
  FROM `cs_fields`
  LEFT JOIN (
    SELECT
      `cs_fields`.`s__episodes__episode_id` AS `__k1`,
      MIN(`cs_fields`.`__row`) AS `first_row`
    FROM `cs_fields`
    GROUP BY
      `cs_fields`.`s__episodes__episode_id`
    HAVING
      COUNT(*) > 1
  ) AS `cs_dups`
    ON `cs_dups`.`__k1` = `cs_fields`.`s__episodes__episode_id`
), `cs_status` AS (
  SELECT
    `cs_rules`.`__row`,
    `cs_rules`.`__slot`,
    `cs_rules`.`__key`,
    `cs_rules`.`__rule`,
    `cs_rules`.`__n__c`,
    `cs_rules`.`f__patient_id`,
    `cs_rules`.`f__practitioner_id`,
    `cs_rules`.`f__referring_physician`,
    `cs_rules`.`f__onset_date`,
    `cs_rules`.`f__start_date`,
    `cs_rules`.`f__age_at_onset`,
    `cs_rules`.`s__episodes__episode_id`,
    CASE WHEN NOT `cs_rules`.`__rule` IS NULL THEN 'rejected' ELSE 'loaded' END AS `__status`
  FROM `cs_rules`
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
          FROM `chartshift`.`xwalk__emr__episode__cs_new`
        ) > (
          SELECT
            COALESCE(MAX(`own_id`), 0)
          FROM `chartshift`.`xwalk__emr__episode`
        )
        THEN (
          SELECT
            COALESCE(MAX(`own_id`), 0)
          FROM `chartshift`.`xwalk__emr__episode__cs_new`
        )
        ELSE (
          SELECT
            COALESCE(MAX(`own_id`), 0)
          FROM `chartshift`.`xwalk__emr__episode`
        )
      END + ROW_NUMBER() OVER (
        ORDER BY (
          `cs_prev`.`own_id` IS NULL AND `cs_status`.`__status` = 'loaded'
        ) DESC, `cs_status`.`__row` NULLS LAST, `cs_status`.`__slot` NULLS LAST
      )
    END
  ) AS `__own_id`
FROM `cs_status`
LEFT JOIN `chartshift`.`xwalk__emr__episode` AS `cs_prev`
  ON `cs_prev`.`legacy_key` = `cs_status`.`__key`;

-- specs/two_systems.mig:418: sysB.episodes -> emr.episode: rejected rows with the first rule that failed
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
  'sysB.episodes -> emr.episode',
  'sysB.episodes',
  CAST((
    `w`.`s__episodes__episode_id`
  ) AS STRING),
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
    THEN 'reject:429'
    WHEN 5
    THEN 'not null:emr.episode.patient_id'
    WHEN 6
    THEN 'length:emr.episode.referring_physician'
    WHEN 7
    THEN 'duplicate key'
  END,
  CASE `w`.`__rule`
    WHEN 1
    THEN 'value does not fit the source column type'
    WHEN 2
    THEN 'ambiguous match (' || CAST((
      `w`.`__n__c`
    ) AS STRING) || ' rows of sysB.clients)'
    WHEN 3
    THEN 'missing legacy key'
    WHEN 4
    THEN 'episode for unknown patient'
    WHEN 5
    THEN 'patient_id is required but empty'
    WHEN 6
    THEN 'referring_physician is longer than 100 characters'
    WHEN 7
    THEN 'duplicate legacy key (an earlier row has the same key)'
  END,
  TO_JSON(
    NAMED_STRUCT(
      'episode_id',
      `r`.`episode_id`,
      'client_id',
      `r`.`client_id`,
      'staff_no',
      `r`.`staff_no`,
      'referral_md',
      `r`.`referral_md`,
      'injury_dt',
      `r`.`injury_dt`,
      'start_dt',
      `r`.`start_dt`,
      'icd_primary',
      `r`.`icd_primary`,
      'icd_secondary',
      `r`.`icd_secondary`
    )
  ),
  CASE `w`.`__rule`
    WHEN 1
    THEN 'cast'
    WHEN 2
    THEN 'ambiguous_match'
    WHEN 3
    THEN 'missing_key'
    WHEN 4
    THEN 'reject'
    WHEN 5
    THEN 'not_null'
    WHEN 6
    THEN 'too_long'
    WHEN 7
    THEN 'duplicate_key'
  END
FROM `chartshift`.`cs_work__emr__episode` AS `w`
JOIN `chartshift_stage`.`sysB__episodes` AS `r`
  ON `r`.`__row` = `w`.`__row`
WHERE
  `w`.`__status` = 'rejected'
ORDER BY
  `w`.`__row` NULLS LAST,
  `w`.`__slot` NULLS LAST;

-- specs/two_systems.mig:420: crosswalk emr.episode: loaded keys with their ids, merged keys pointing at their survivor's id
INSERT INTO `chartshift`.`xwalk__emr__episode__cs_new` (
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
FROM `chartshift`.`cs_work__emr__episode` AS `w`
WHERE
  `w`.`__status` IN ('loaded', 'merged');

-- specs/two_systems.mig:420: crosswalk emr.episode: keys not loaded by this run stay, inactive, with their ids
INSERT INTO `chartshift`.`xwalk__emr__episode__cs_new` (
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
FROM `chartshift`.`xwalk__emr__episode` AS `p`
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM `chartshift`.`xwalk__emr__episode__cs_new`
    WHERE
      `xwalk__emr__episode__cs_new`.`legacy_key` = `p`.`legacy_key`
  );

-- specs/two_systems.mig:418: sysB.episodes -> emr.episode: load the surviving rows
INSERT INTO `emr`.`episode__cs_new` (
  `id`,
  `patient_id`,
  `practitioner_id`,
  `referring_physician`,
  `onset_date`,
  `start_date`,
  `age_at_onset`
)
SELECT
  CAST(`w`.`__own_id` AS BIGINT),
  CAST(`w`.`f__patient_id` AS BIGINT),
  CAST(`w`.`f__practitioner_id` AS BIGINT),
  CAST(`w`.`f__referring_physician` AS VARCHAR(100)),
  CAST(`w`.`f__onset_date` AS DATE),
  CAST(`w`.`f__start_date` AS DATE),
  CAST(`w`.`f__age_at_onset` AS INT)
FROM `chartshift`.`cs_work__emr__episode` AS `w`
WHERE
  `w`.`__status` = 'loaded';

-- specs/two_systems.mig:418: sysB.episodes -> emr.episode: accounting identity: source rows = loaded + rejected + filtered + merged + aggregated
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
  'sysB.episodes -> emr.episode',
  'sysB.episodes',
  'emr.episode',
  (
    SELECT
      COUNT(*)
    FROM `sysB`.`episodes`
  ),
  (
    SELECT
      COUNT(*)
    FROM `emr`.`episode__cs_new`
  ) - (
    SELECT
      COALESCE(SUM(`loaded`), 0)
    FROM `chartshift`.`reconciliation__cs_new`
    WHERE
      `target_table` = 'emr.episode'
  ),
  (
    SELECT
      COUNT(*)
    FROM `chartshift`.`rejects__cs_new`
    WHERE
      `map` = 'sysB.episodes -> emr.episode'
  ),
  0,
  0,
  0;

-- specs/two_systems.mig:418: sysB.episodes -> emr.episode: work table no longer needed
DROP TABLE IF EXISTS `chartshift`.`cs_work__emr__episode`;

