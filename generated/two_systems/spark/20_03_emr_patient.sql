-- chartshift 0.1.0 | dialect spark
-- spec specs/two_systems.mig sha256 76eeb791ddfc46d4013247302076b35042796b3181d91a47e7b0e553ee1643b2
-- 20_03_emr_patient: map sysA.patients -> emr.patient
-- Generated file: do not edit. Regenerate with `chartshift compile specs/two_systems.mig`.


-- specs/two_systems.mig:319: work table left by an earlier run
DROP TABLE IF EXISTS `chartshift`.`cs_work__emr__patient`;

-- specs/two_systems.mig:319: sysA.patients -> emr.patient: every kept row with its fields and status
CREATE TABLE `chartshift`.`cs_work__emr__patient` AS
WITH `cs_in` AS (
  SELECT
    *
  FROM (
    SELECT
      `patients`.`__row` AS `__row`,
      `patients`.`__cast_error` AS `__cast_error`,
      `patients`.`pat_no` AS `s__patients__pat_no`,
      `patients`.`last_name` AS `s__patients__last_name`,
      `patients`.`first_name` AS `s__patients__first_name`,
      `patients`.`middle_initial` AS `s__patients__middle_initial`,
      `patients`.`dob` AS `s__patients__dob`,
      `patients`.`sex` AS `s__patients__sex`,
      `patients`.`ssn` AS `s__patients__ssn`,
      `patients`.`address1` AS `s__patients__address1`,
      `patients`.`city` AS `s__patients__city`,
      `patients`.`state` AS `s__patients__state`,
      `patients`.`zip` AS `s__patients__zip`,
      `patients`.`home_phone` AS `s__patients__home_phone`,
      `patients`.`email` AS `s__patients__email`,
      `patients`.`status` AS `s__patients__status`,
      1 AS `__slot`
    FROM `sysA`.`patients` AS `patients`
  ) AS `cs_in`
  WHERE
    COALESCE(
      (
        (
          (
            COALESCE(`cs_in`.`s__patients__status`, '')
          ) <> (
            'D'
          )
        )
      ),
      FALSE
    )
), `cs_fields` AS (
  SELECT
    `cs_in`.*,
    TRIM(BOTH ' ' FROM `cs_in`.`s__patients__pat_no`) AS `f__mrn`,
    ARRAY_JOIN(
      TRANSFORM(
        REGEXP_EXTRACT_ALL(TRIM(BOTH ' ' FROM `cs_in`.`s__patients__first_name`), '\\pL+|\\PL+', 0),
        `_cs_run` -> CASE
          WHEN _cs_run RLIKE '^\\pL'
          THEN CONCAT(
            ARRAY_JOIN(TRANSFORM(SPLIT(LEFT(`_cs_run`, 1), 'ß', -1), `_cs_part` -> UPPER(_cs_part)), 'ß'),
            LOWER(SUBSTRING(_cs_run, 2))
          )
          ELSE _cs_run
        END
      ),
      ''
    ) AS `f__first_name`,
    ARRAY_JOIN(
      TRANSFORM(
        REGEXP_EXTRACT_ALL(TRIM(BOTH ' ' FROM `cs_in`.`s__patients__last_name`), '\\pL+|\\PL+', 0),
        `_cs_run` -> CASE
          WHEN _cs_run RLIKE '^\\pL'
          THEN CONCAT(
            ARRAY_JOIN(TRANSFORM(SPLIT(LEFT(`_cs_run`, 1), 'ß', -1), `_cs_part` -> UPPER(_cs_part)), 'ß'),
            LOWER(SUBSTRING(_cs_run, 2))
          )
          ELSE _cs_run
        END
      ),
      ''
    ) AS `f__last_name`,
    ARRAY_JOIN(
      TRANSFORM(
        SPLIT(SUBSTRING(TRIM(BOTH ' ' FROM `cs_in`.`s__patients__middle_initial`), 1, 1), 'ß', -1),
        `_cs_part` -> UPPER(_cs_part)
      ),
      'ß'
    ) AS `f__middle_initial`,
    COALESCE(
      CAST(NULLIF(
        REGEXP_EXTRACT(
          REGEXP_REPLACE(
            TRIM(NULLIF(TRIM(BOTH ' ' FROM `cs_in`.`s__patients__dob`), '00/00/0000')),
            '(?s)^(?:([0-9]{1,2})\\/([0-9]{1,2})\\/([0-9]{4}))\\z|^.*\\z',
            '$3-$1-$2'
          ),
          '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))\\z',
          0
        ),
        ''
      ) AS DATE),
      CAST(NULLIF(
        REGEXP_EXTRACT(
          REGEXP_REPLACE(
            TRIM(NULLIF(TRIM(BOTH ' ' FROM `cs_in`.`s__patients__dob`), '00/00/0000')),
            '(?s)^(?:([0-9]{4})\\-([0-9]{1,2})\\-([0-9]{1,2}))\\z|^.*\\z',
            '$1-$2-$3'
          ),
          '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))\\z',
          0
        ),
        ''
      ) AS DATE),
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
                                          TRIM(NULLIF(TRIM(BOTH ' ' FROM `cs_in`.`s__patients__dob`), '00/00/0000')),
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
      ) AS DATE)
    ) AS `f__birth_date`,
    CASE ARRAY_JOIN(
        TRANSFORM(
          SPLIT(TRIM(BOTH ' ' FROM `cs_in`.`s__patients__sex`), 'ß', -1),
          `_cs_part` -> UPPER(_cs_part)
        ),
        'ß'
      )
      WHEN 'M'
      THEN 'male'
      WHEN 'MALE'
      THEN 'male'
      WHEN 'F'
      THEN 'female'
      WHEN 'FEMALE'
      THEN 'female'
      ELSE 'unknown'
    END AS `f__sex`,
    REGEXP_REPLACE(
      CASE
        WHEN TRIM(BOTH ' ' FROM `cs_in`.`s__patients__ssn`) RLIKE '^(?:(?:00[1-9]|0[1-9][0-9]|[1-5][0-9]{2}|6[0-5][0-9]|66[0-57-9]|6[7-9][0-9]|[78][0-9]{2})[\\- ]?(?:0[1-9]|[1-9][0-9])[\\- ]?(?:000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3}))\\z'
        THEN TRIM(BOTH ' ' FROM `cs_in`.`s__patients__ssn`)
      END,
      '[\\- ]',
      ''
    ) AS `f__ssn`,
    TRIM(BOTH ' ' FROM `cs_in`.`s__patients__address1`) AS `f__address_line1`,
    ARRAY_JOIN(
      TRANSFORM(
        REGEXP_EXTRACT_ALL(TRIM(BOTH ' ' FROM `cs_in`.`s__patients__city`), '\\pL+|\\PL+', 0),
        `_cs_run` -> CASE
          WHEN _cs_run RLIKE '^\\pL'
          THEN CONCAT(
            ARRAY_JOIN(TRANSFORM(SPLIT(LEFT(`_cs_run`, 1), 'ß', -1), `_cs_part` -> UPPER(_cs_part)), 'ß'),
            LOWER(SUBSTRING(_cs_run, 2))
          )
          ELSE _cs_run
        END
      ),
      ''
    ) AS `f__city`,
    CASE UPPER(REGEXP_REPLACE(`cs_in`.`s__patients__state`, '[. \\t\\n\\r\\f]', ''))
      WHEN 'AL'
      THEN 'AL'
      WHEN 'ALABAMA'
      THEN 'AL'
      WHEN 'ALA'
      THEN 'AL'
      WHEN 'AK'
      THEN 'AK'
      WHEN 'ALASKA'
      THEN 'AK'
      WHEN 'ALAS'
      THEN 'AK'
      WHEN 'AZ'
      THEN 'AZ'
      WHEN 'ARIZONA'
      THEN 'AZ'
      WHEN 'ARIZ'
      THEN 'AZ'
      WHEN 'AR'
      THEN 'AR'
      WHEN 'ARKANSAS'
      THEN 'AR'
      WHEN 'ARK'
      THEN 'AR'
      WHEN 'CA'
      THEN 'CA'
      WHEN 'CALIFORNIA'
      THEN 'CA'
      WHEN 'CALIF'
      THEN 'CA'
      WHEN 'CAL'
      THEN 'CA'
      WHEN 'CO'
      THEN 'CO'
      WHEN 'COLORADO'
      THEN 'CO'
      WHEN 'COLO'
      THEN 'CO'
      WHEN 'COL'
      THEN 'CO'
      WHEN 'CT'
      THEN 'CT'
      WHEN 'CONNECTICUT'
      THEN 'CT'
      WHEN 'CONN'
      THEN 'CT'
      WHEN 'DE'
      THEN 'DE'
      WHEN 'DELAWARE'
      THEN 'DE'
      WHEN 'DEL'
      THEN 'DE'
      WHEN 'DC'
      THEN 'DC'
      WHEN 'DISTRICTOFCOLUMBIA'
      THEN 'DC'
      WHEN 'WASHINGTONDC'
      THEN 'DC'
      WHEN 'WASHDC'
      THEN 'DC'
      WHEN 'FL'
      THEN 'FL'
      WHEN 'FLORIDA'
      THEN 'FL'
      WHEN 'FLA'
      THEN 'FL'
      WHEN 'FLOR'
      THEN 'FL'
      WHEN 'GA'
      THEN 'GA'
      WHEN 'GEORGIA'
      THEN 'GA'
      WHEN 'HI'
      THEN 'HI'
      WHEN 'HAWAII'
      THEN 'HI'
      WHEN 'HAWAI\'I'
      THEN 'HI'
      WHEN 'ID'
      THEN 'ID'
      WHEN 'IDAHO'
      THEN 'ID'
      WHEN 'IDA'
      THEN 'ID'
      WHEN 'IL'
      THEN 'IL'
      WHEN 'ILLINOIS'
      THEN 'IL'
      WHEN 'ILL'
      THEN 'IL'
      WHEN 'IN'
      THEN 'IN'
      WHEN 'INDIANA'
      THEN 'IN'
      WHEN 'IND'
      THEN 'IN'
      WHEN 'IA'
      THEN 'IA'
      WHEN 'IOWA'
      THEN 'IA'
      WHEN 'KS'
      THEN 'KS'
      WHEN 'KANSAS'
      THEN 'KS'
      WHEN 'KAN'
      THEN 'KS'
      WHEN 'KANS'
      THEN 'KS'
      WHEN 'KY'
      THEN 'KY'
      WHEN 'KENTUCKY'
      THEN 'KY'
      WHEN 'KEN'
      THEN 'KY'
      WHEN 'KENT'
      THEN 'KY'
      WHEN 'LA'
      THEN 'LA'
      WHEN 'LOUISIANA'
      THEN 'LA'
      WHEN 'ME'
      THEN 'ME'
      WHEN 'MAINE'
      THEN 'ME'
      WHEN 'MD'
      THEN 'MD'
      WHEN 'MARYLAND'
      THEN 'MD'
      WHEN 'MA'
      THEN 'MA'
      WHEN 'MASSACHUSETTS'
      THEN 'MA'
      WHEN 'MASS'
      THEN 'MA'
      WHEN 'MI'
      THEN 'MI'
      WHEN 'MICHIGAN'
      THEN 'MI'
      WHEN 'MICH'
      THEN 'MI'
      WHEN 'MN'
      THEN 'MN'
      WHEN 'MINNESOTA'
      THEN 'MN'
      WHEN 'MINN'
      THEN 'MN'
      WHEN 'MS'
      THEN 'MS'
      WHEN 'MISSISSIPPI'
      THEN 'MS'
      WHEN 'MISS'
      THEN 'MS'
      WHEN 'MO'
      THEN 'MO'
      WHEN 'MISSOURI'
      THEN 'MO'
      WHEN 'MT'
      THEN 'MT'
      WHEN 'MONTANA'
      THEN 'MT'
      WHEN 'MONT'
      THEN 'MT'
      WHEN 'NE'
      THEN 'NE'
      WHEN 'NEBRASKA'
      THEN 'NE'
      WHEN 'NEB'
      THEN 'NE'
      WHEN 'NEBR'
      THEN 'NE'
      WHEN 'NV'
      THEN 'NV'
      WHEN 'NEVADA'
      THEN 'NV'
      WHEN 'NEV'
      THEN 'NV'
      WHEN 'NH'
      THEN 'NH'
      WHEN 'NEWHAMPSHIRE'
      THEN 'NH'
      WHEN 'NJ'
      THEN 'NJ'
      WHEN 'NEWJERSEY'
      THEN 'NJ'
      WHEN 'NM'
      THEN 'NM'
      WHEN 'NEWMEXICO'
      THEN 'NM'
      WHEN 'NMEX'
      THEN 'NM'
      WHEN 'NY'
      THEN 'NY'
      WHEN 'NEWYORK'
      THEN 'NY'
      WHEN 'NC'
      THEN 'NC'
      WHEN 'NORTHCAROLINA'
      THEN 'NC'
      WHEN 'NCAR'
      THEN 'NC'
      WHEN 'ND'
      THEN 'ND'
      WHEN 'NORTHDAKOTA'
      THEN 'ND'
      WHEN 'NDAK'
      THEN 'ND'
      WHEN 'OH'
      THEN 'OH'
      WHEN 'OHIO'
      THEN 'OH'
      WHEN 'OK'
      THEN 'OK'
      WHEN 'OKLAHOMA'
      THEN 'OK'
      WHEN 'OKLA'
      THEN 'OK'
      WHEN 'OR'
      THEN 'OR'
      WHEN 'OREGON'
      THEN 'OR'
      WHEN 'ORE'
      THEN 'OR'
      WHEN 'OREG'
      THEN 'OR'
      WHEN 'PA'
      THEN 'PA'
      WHEN 'PENNSYLVANIA'
      THEN 'PA'
      WHEN 'PENN'
      THEN 'PA'
      WHEN 'PENNA'
      THEN 'PA'
      WHEN 'PR'
      THEN 'PR'
      WHEN 'PUERTORICO'
      THEN 'PR'
      WHEN 'RI'
      THEN 'RI'
      WHEN 'RHODEISLAND'
      THEN 'RI'
      WHEN 'SC'
      THEN 'SC'
      WHEN 'SOUTHCAROLINA'
      THEN 'SC'
      WHEN 'SCAR'
      THEN 'SC'
      WHEN 'SD'
      THEN 'SD'
      WHEN 'SOUTHDAKOTA'
      THEN 'SD'
      WHEN 'SDAK'
      THEN 'SD'
      WHEN 'TN'
      THEN 'TN'
      WHEN 'TENNESSEE'
      THEN 'TN'
      WHEN 'TENN'
      THEN 'TN'
      WHEN 'TX'
      THEN 'TX'
      WHEN 'TEXAS'
      THEN 'TX'
      WHEN 'TEX'
      THEN 'TX'
      WHEN 'UT'
      THEN 'UT'
      WHEN 'UTAH'
      THEN 'UT'
      WHEN 'VT'
      THEN 'VT'
      WHEN 'VERMONT'
      THEN 'VT'
      WHEN 'VA'
      THEN 'VA'
      WHEN 'VIRGINIA'
      THEN 'VA'
      WHEN 'WA'
      THEN 'WA'
      WHEN 'WASHINGTON'
      THEN 'WA'
      WHEN 'WASH'
      THEN 'WA'
      WHEN 'WV'
      THEN 'WV'
      WHEN 'WESTVIRGINIA'
      THEN 'WV'
      WHEN 'WVA'
      THEN 'WV'
      WHEN 'WI'
      THEN 'WI'
      WHEN 'WISCONSIN'
      THEN 'WI'
      WHEN 'WIS'
      THEN 'WI'
      WHEN 'WISC'
      THEN 'WI'
      WHEN 'WY'
      THEN 'WY'
      WHEN 'WYOMING'
      THEN 'WY'
      WHEN 'WYO'
      THEN 'WY'
    END AS `f__state`,
    NULLIF(
      REGEXP_REPLACE(
        REGEXP_REPLACE(
          REGEXP_REPLACE(
            REGEXP_REPLACE(TRIM(BOTH ' ' FROM `cs_in`.`s__patients__zip`), '^([0-9]{3})\\z', '00$1'),
            '^([0-9]{4})\\z',
            '0$1'
          ),
          '(?s)^(?:([0-9]{5})-?([0-9]{4})|([0-9]{5}))\\z|^.*\\z',
          '$1$3-$2'
        ),
        '-\\z',
        ''
      ),
      ''
    ) AS `f__postal_code`,
    NULLIF(
      REGEXP_REPLACE(
        REGEXP_REPLACE(
          REGEXP_REPLACE(
            CASE
              WHEN `cs_in`.`s__patients__home_phone` RLIKE '^(?:[0-9 \\t\\n\\r\\f().+/\\-]+(?:[ \\t\\n\\r\\f]*(?:[Ee][Xx][Tt](?:[Ee][Nn][Ss][Ii][Oo][Nn]|\\.)?|[Xx]|#)[ \\t\\n\\r\\f]*[0-9]+[ \\t\\n\\r\\f]*)?)\\z'
              THEN `cs_in`.`s__patients__home_phone`
            END,
            '[ \\t\\n\\r\\f]*(?:[Ee][Xx][Tt](?:[Ee][Nn][Ss][Ii][Oo][Nn]|\\.)?|[Xx]|#)[ \\t\\n\\r\\f]*[0-9]+[ \\t\\n\\r\\f]*\\z',
            ''
          ),
          '[^0-9]',
          ''
        ),
        '(?s)^(?:1?([2-9][0-9]{2}[2-9][0-9]{6}))\\z|^.*\\z',
        '$1'
      ),
      ''
    ) AS `f__phone`,
    LOWER(TRIM(BOTH ' ' FROM `cs_in`.`s__patients__email`)) AS `f__email`,
    CASE ARRAY_JOIN(
        TRANSFORM(
          SPLIT(TRIM(BOTH ' ' FROM `cs_in`.`s__patients__status`), 'ß', -1),
          `_cs_part` -> UPPER(_cs_part)
        ),
        'ß'
      )
      WHEN 'I'
      THEN 'inactive'
      ELSE 'active'
    END AS `f__status`,
    CAST((
      'sysA.patients'
    ) AS STRING) || '|' || CAST((
      `cs_in`.`s__patients__pat_no`
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
      WHEN COALESCE(
        (
          (
            NULLIF(TRIM(BOTH ' ' FROM `cs_fields`.`s__patients__last_name`), '')
          ) IS NULL
        ),
        FALSE
      )
      THEN 3
      WHEN COALESCE(
        (
          (
            NOT (
              NULLIF(TRIM(BOTH ' ' FROM `cs_fields`.`s__patients__dob`), '00/00/0000')
            ) IS NULL
          )
          AND (
            (
              `cs_fields`.`f__birth_date`
            ) IS NULL
          )
        ),
        FALSE
      )
      THEN 4
      WHEN `cs_fields`.`f__mrn` IS NULL
      THEN 5
      WHEN LENGTH(CAST(`cs_fields`.`f__mrn` AS STRING)) > 20
      THEN 6
      WHEN `cs_fields`.`f__first_name` IS NULL
      THEN 7
      WHEN LENGTH(CAST(`cs_fields`.`f__first_name` AS STRING)) > 50
      THEN 8
      WHEN `cs_fields`.`f__last_name` IS NULL
      THEN 9
      WHEN LENGTH(CAST(`cs_fields`.`f__last_name` AS STRING)) > 50
      THEN 10
      WHEN LENGTH(CAST(`cs_fields`.`f__middle_initial` AS STRING)) > 1
      THEN 11
      WHEN `cs_fields`.`f__sex` IS NULL
      THEN 12
      WHEN LENGTH(CAST(`cs_fields`.`f__sex` AS STRING)) > 7
      THEN 13
      WHEN NOT (
        `cs_fields`.`f__sex` IN ('male', 'female', 'unknown')
      )
      THEN 14
      WHEN LENGTH(CAST(`cs_fields`.`f__ssn` AS STRING)) > 9
      THEN 15
      WHEN LENGTH(CAST(`cs_fields`.`f__address_line1` AS STRING)) > 100
      THEN 16
      WHEN LENGTH(CAST(`cs_fields`.`f__city` AS STRING)) > 50
      THEN 17
      WHEN LENGTH(CAST(`cs_fields`.`f__state` AS STRING)) > 2
      THEN 18
      WHEN LENGTH(CAST(`cs_fields`.`f__postal_code` AS STRING)) > 10
      THEN 19
      WHEN LENGTH(CAST(`cs_fields`.`f__phone` AS STRING)) > 10
      THEN 20
      WHEN LENGTH(CAST(`cs_fields`.`f__email` AS STRING)) > 100
      THEN 21
      WHEN `cs_fields`.`f__status` IS NULL
      THEN 22
      WHEN LENGTH(CAST(`cs_fields`.`f__status` AS STRING)) > 8
      THEN 23
      WHEN NOT (
        `cs_fields`.`f__status` IN ('active', 'inactive')
      )
      THEN 24
      WHEN NOT `cs_dups`.`first_row` IS NULL AND `cs_fields`.`__row` > `cs_dups`.`first_row`
      THEN 25
    END AS `__rule`
  FROM `cs_fields`
  LEFT JOIN (
    SELECT
      `cs_fields`.`s__patients__pat_no` AS `__k1`,
      MIN(`cs_fields`.`__row`) AS `first_row`
    FROM `cs_fields`
    GROUP BY
      `cs_fields`.`s__patients__pat_no`
    HAVING
      COUNT(*) > 1
  ) AS `cs_dups`
    ON `cs_dups`.`__k1` = `cs_fields`.`s__patients__pat_no`
), `cs_status` AS (
  SELECT
    `cs_rules`.`__row`,
    `cs_rules`.`__slot`,
    `cs_rules`.`__key`,
    `cs_rules`.`__rule`,
    `cs_rules`.`f__mrn`,
    `cs_rules`.`f__first_name`,
    `cs_rules`.`f__last_name`,
    `cs_rules`.`f__middle_initial`,
    `cs_rules`.`f__birth_date`,
    `cs_rules`.`f__sex`,
    `cs_rules`.`f__ssn`,
    `cs_rules`.`f__address_line1`,
    `cs_rules`.`f__city`,
    `cs_rules`.`f__state`,
    `cs_rules`.`f__postal_code`,
    `cs_rules`.`f__phone`,
    `cs_rules`.`f__email`,
    `cs_rules`.`f__status`,
    `cs_rules`.`s__patients__pat_no`,
    CASE
      WHEN NOT `cs_rules`.`__rule` IS NULL
      THEN 'rejected'
      WHEN ROW_NUMBER() OVER (
        PARTITION BY (
          `cs_rules`.`__rule` IS NULL
        ), ARRAY_JOIN(
          TRANSFORM(
            SPLIT(TRIM(BOTH ' ' FROM `cs_rules`.`s__patients__last_name`), 'ß', -1),
            `_cs_part` -> UPPER(_cs_part)
          ),
          'ß'
        ), ARRAY_JOIN(
          TRANSFORM(
            SPLIT(TRIM(BOTH ' ' FROM `cs_rules`.`s__patients__first_name`), 'ß', -1),
            `_cs_part` -> UPPER(_cs_part)
          ),
          'ß'
        ), `cs_rules`.`f__birth_date`, CASE
          WHEN (
            ARRAY_JOIN(
              TRANSFORM(
                SPLIT(TRIM(BOTH ' ' FROM `cs_rules`.`s__patients__last_name`), 'ß', -1),
                `_cs_part` -> UPPER(_cs_part)
              ),
              'ß'
            )
          ) IS NULL
          OR (
            ARRAY_JOIN(
              TRANSFORM(
                SPLIT(TRIM(BOTH ' ' FROM `cs_rules`.`s__patients__first_name`), 'ß', -1),
                `_cs_part` -> UPPER(_cs_part)
              ),
              'ß'
            )
          ) IS NULL
          OR (
            `cs_rules`.`f__birth_date`
          ) IS NULL
          THEN `cs_rules`.`__key`
        END
        ORDER BY `cs_rules`.`s__patients__pat_no` ASC NULLS LAST, `cs_rules`.`__key` NULLS LAST
      ) > 1
      THEN 'merged'
      ELSE 'loaded'
    END AS `__status`,
    FIRST_VALUE(`cs_rules`.`__key`) OVER (
      PARTITION BY (
        `cs_rules`.`__rule` IS NULL
      ), ARRAY_JOIN(
        TRANSFORM(
          SPLIT(TRIM(BOTH ' ' FROM `cs_rules`.`s__patients__last_name`), 'ß', -1),
          `_cs_part` -> UPPER(_cs_part)
        ),
        'ß'
      ), ARRAY_JOIN(
        TRANSFORM(
          SPLIT(TRIM(BOTH ' ' FROM `cs_rules`.`s__patients__first_name`), 'ß', -1),
          `_cs_part` -> UPPER(_cs_part)
        ),
        'ß'
      ), `cs_rules`.`f__birth_date`, CASE
        WHEN (
          ARRAY_JOIN(
            TRANSFORM(
              SPLIT(TRIM(BOTH ' ' FROM `cs_rules`.`s__patients__last_name`), 'ß', -1),
              `_cs_part` -> UPPER(_cs_part)
            ),
            'ß'
          )
        ) IS NULL
        OR (
          ARRAY_JOIN(
            TRANSFORM(
              SPLIT(TRIM(BOTH ' ' FROM `cs_rules`.`s__patients__first_name`), 'ß', -1),
              `_cs_part` -> UPPER(_cs_part)
            ),
            'ß'
          )
        ) IS NULL
        OR (
          `cs_rules`.`f__birth_date`
        ) IS NULL
        THEN `cs_rules`.`__key`
      END
      ORDER BY `cs_rules`.`s__patients__pat_no` ASC NULLS LAST, `cs_rules`.`__key` NULLS LAST
    ) AS `__survivor_key`,
    CAST((
      ARRAY_JOIN(
        TRANSFORM(
          SPLIT(TRIM(BOTH ' ' FROM `cs_rules`.`s__patients__last_name`), 'ß', -1),
          `_cs_part` -> UPPER(_cs_part)
        ),
        'ß'
      )
    ) AS STRING) AS `__dk1`,
    CAST((
      ARRAY_JOIN(
        TRANSFORM(
          SPLIT(TRIM(BOTH ' ' FROM `cs_rules`.`s__patients__first_name`), 'ß', -1),
          `_cs_part` -> UPPER(_cs_part)
        ),
        'ß'
      )
    ) AS STRING) AS `__dk2`,
    CAST((
      `cs_rules`.`f__birth_date`
    ) AS STRING) AS `__dk3`,
    CAST(NULL AS BIGINT) AS `__match_id`
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
        FROM `chartshift`.`xwalk__emr__patient`
      ) + ROW_NUMBER() OVER (
        ORDER BY (
          `cs_prev`.`own_id` IS NULL AND `cs_status`.`__status` = 'loaded'
        ) DESC, `cs_status`.`__row` NULLS LAST, `cs_status`.`__slot` NULLS LAST
      )
    END
  ) AS `__own_id`
FROM `cs_status`
LEFT JOIN `chartshift`.`xwalk__emr__patient` AS `cs_prev`
  ON `cs_prev`.`legacy_key` = `cs_status`.`__key`;

-- specs/two_systems.mig:319: sysA.patients -> emr.patient: rejected rows with the first rule that failed
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
  'sysA.patients -> emr.patient',
  'sysA.patients',
  CAST((
    `w`.`s__patients__pat_no`
  ) AS STRING),
  `w`.`__slot`,
  `w`.`__row`,
  CASE `w`.`__rule`
    WHEN 1
    THEN 'cast'
    WHEN 2
    THEN 'key'
    WHEN 3
    THEN 'reject:336'
    WHEN 4
    THEN 'reject:337'
    WHEN 5
    THEN 'not null:emr.patient.mrn'
    WHEN 6
    THEN 'length:emr.patient.mrn'
    WHEN 7
    THEN 'not null:emr.patient.first_name'
    WHEN 8
    THEN 'length:emr.patient.first_name'
    WHEN 9
    THEN 'not null:emr.patient.last_name'
    WHEN 10
    THEN 'length:emr.patient.last_name'
    WHEN 11
    THEN 'length:emr.patient.middle_initial'
    WHEN 12
    THEN 'not null:emr.patient.sex'
    WHEN 13
    THEN 'length:emr.patient.sex'
    WHEN 14
    THEN 'in:emr.patient.sex'
    WHEN 15
    THEN 'length:emr.patient.ssn'
    WHEN 16
    THEN 'length:emr.patient.address_line1'
    WHEN 17
    THEN 'length:emr.patient.city'
    WHEN 18
    THEN 'length:emr.patient.state'
    WHEN 19
    THEN 'length:emr.patient.postal_code'
    WHEN 20
    THEN 'length:emr.patient.phone'
    WHEN 21
    THEN 'length:emr.patient.email'
    WHEN 22
    THEN 'not null:emr.patient.status'
    WHEN 23
    THEN 'length:emr.patient.status'
    WHEN 24
    THEN 'in:emr.patient.status'
    WHEN 25
    THEN 'duplicate key'
  END,
  CASE `w`.`__rule`
    WHEN 1
    THEN 'value does not fit the source column type'
    WHEN 2
    THEN 'missing legacy key'
    WHEN 3
    THEN 'missing last name'
    WHEN 4
    THEN 'unparseable date of birth'
    WHEN 5
    THEN 'mrn is required but empty'
    WHEN 6
    THEN 'mrn is longer than 20 characters'
    WHEN 7
    THEN 'first_name is required but empty'
    WHEN 8
    THEN 'first_name is longer than 50 characters'
    WHEN 9
    THEN 'last_name is required but empty'
    WHEN 10
    THEN 'last_name is longer than 50 characters'
    WHEN 11
    THEN 'middle_initial is longer than 1 characters'
    WHEN 12
    THEN 'sex is required but empty'
    WHEN 13
    THEN 'sex is longer than 7 characters'
    WHEN 14
    THEN 'sex is not one of the allowed values'
    WHEN 15
    THEN 'ssn is longer than 9 characters'
    WHEN 16
    THEN 'address_line1 is longer than 100 characters'
    WHEN 17
    THEN 'city is longer than 50 characters'
    WHEN 18
    THEN 'state is longer than 2 characters'
    WHEN 19
    THEN 'postal_code is longer than 10 characters'
    WHEN 20
    THEN 'phone is longer than 10 characters'
    WHEN 21
    THEN 'email is longer than 100 characters'
    WHEN 22
    THEN 'status is required but empty'
    WHEN 23
    THEN 'status is longer than 8 characters'
    WHEN 24
    THEN 'status is not one of the allowed values'
    WHEN 25
    THEN 'duplicate legacy key (an earlier row has the same key)'
  END,
  TO_JSON(
    NAMED_STRUCT(
      'pat_no',
      `r`.`pat_no`,
      'last_name',
      `r`.`last_name`,
      'first_name',
      `r`.`first_name`,
      'middle_initial',
      `r`.`middle_initial`,
      'dob',
      `r`.`dob`,
      'sex',
      `r`.`sex`,
      'ssn',
      `r`.`ssn`,
      'address1',
      `r`.`address1`,
      'city',
      `r`.`city`,
      'state',
      `r`.`state`,
      'zip',
      `r`.`zip`,
      'home_phone',
      `r`.`home_phone`,
      'email',
      `r`.`email`,
      'status',
      `r`.`status`
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
    THEN 'too_long'
    WHEN 7
    THEN 'not_null'
    WHEN 8
    THEN 'too_long'
    WHEN 9
    THEN 'not_null'
    WHEN 10
    THEN 'too_long'
    WHEN 11
    THEN 'too_long'
    WHEN 12
    THEN 'not_null'
    WHEN 13
    THEN 'too_long'
    WHEN 14
    THEN 'not_allowed'
    WHEN 15
    THEN 'too_long'
    WHEN 16
    THEN 'too_long'
    WHEN 17
    THEN 'too_long'
    WHEN 18
    THEN 'too_long'
    WHEN 19
    THEN 'too_long'
    WHEN 20
    THEN 'too_long'
    WHEN 21
    THEN 'too_long'
    WHEN 22
    THEN 'not_null'
    WHEN 23
    THEN 'too_long'
    WHEN 24
    THEN 'not_allowed'
    WHEN 25
    THEN 'duplicate_key'
  END
FROM `chartshift`.`cs_work__emr__patient` AS `w`
JOIN `chartshift_stage`.`sysA__patients` AS `r`
  ON `r`.`__row` = `w`.`__row`
WHERE
  `w`.`__status` = 'rejected'
ORDER BY
  `w`.`__row` NULLS LAST,
  `w`.`__slot` NULLS LAST;

-- specs/two_systems.mig:321: crosswalk emr.patient: loaded keys with their ids, merged keys pointing at their survivor's id
INSERT INTO `chartshift`.`xwalk__emr__patient__cs_new` (
  `legacy_key`,
  `own_id`,
  `target_id`,
  `state`
)
SELECT
  `w`.`__key`,
  `w`.`__own_id`,
  CASE WHEN `w`.`__status` = 'loaded' THEN `w`.`__own_id` ELSE `s`.`__own_id` END,
  `w`.`__status`
FROM `chartshift`.`cs_work__emr__patient` AS `w`
LEFT JOIN `chartshift`.`cs_work__emr__patient` AS `s`
  ON `s`.`__key` = `w`.`__survivor_key` AND `s`.`__status` = 'loaded'
WHERE
  `w`.`__status` IN ('loaded', 'merged');

-- specs/two_systems.mig:319: sysA.patients -> emr.patient: load the surviving rows
INSERT INTO `emr`.`patient__cs_new` (
  `id`,
  `mrn`,
  `first_name`,
  `last_name`,
  `middle_initial`,
  `birth_date`,
  `sex`,
  `ssn`,
  `address_line1`,
  `city`,
  `state`,
  `postal_code`,
  `phone`,
  `email`,
  `status`
)
SELECT
  CAST(`w`.`__own_id` AS BIGINT),
  CAST(`w`.`f__mrn` AS VARCHAR(20)),
  CAST(`w`.`f__first_name` AS VARCHAR(50)),
  CAST(`w`.`f__last_name` AS VARCHAR(50)),
  CAST(`w`.`f__middle_initial` AS VARCHAR(1)),
  CAST(`w`.`f__birth_date` AS DATE),
  CAST(`w`.`f__sex` AS VARCHAR(7)),
  CAST(`w`.`f__ssn` AS VARCHAR(9)),
  CAST(`w`.`f__address_line1` AS VARCHAR(100)),
  CAST(`w`.`f__city` AS VARCHAR(50)),
  CAST(`w`.`f__state` AS VARCHAR(2)),
  CAST(`w`.`f__postal_code` AS VARCHAR(10)),
  CAST(`w`.`f__phone` AS VARCHAR(10)),
  CAST(`w`.`f__email` AS VARCHAR(100)),
  CAST(`w`.`f__status` AS VARCHAR(8))
FROM `chartshift`.`cs_work__emr__patient` AS `w`
WHERE
  `w`.`__status` = 'loaded';

-- specs/two_systems.mig:339: dedup across emr.patient: keys left by an earlier run
DROP TABLE IF EXISTS `chartshift`.`cs_dx__emr__patient`;

-- specs/two_systems.mig:339: dedup across emr.patient: the loaded keys, for the later maps
CREATE TABLE `chartshift`.`cs_dx__emr__patient` AS
SELECT
  `__dk1`,
  `__dk2`,
  `__dk3`,
  `__own_id` AS `__id`
FROM `chartshift`.`cs_work__emr__patient`
WHERE
  `__status` = 'loaded'
  AND NOT `__dk1` IS NULL
  AND NOT `__dk2` IS NULL
  AND NOT `__dk3` IS NULL;

-- specs/two_systems.mig:319: sysA.patients -> emr.patient: accounting identity: source rows = loaded + rejected + filtered + merged + aggregated
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
  'sysA.patients -> emr.patient',
  'sysA.patients',
  'emr.patient',
  (
    SELECT
      COUNT(*)
    FROM `sysA`.`patients`
  ),
  (
    SELECT
      COUNT(*)
    FROM `emr`.`patient__cs_new`
  ),
  (
    SELECT
      COUNT(*)
    FROM `chartshift`.`rejects__cs_new`
    WHERE
      `map` = 'sysA.patients -> emr.patient'
  ),
  (
    SELECT
      COUNT(*)
    FROM (
      SELECT
        `patients`.`__row` AS `__row`,
        `patients`.`__cast_error` AS `__cast_error`,
        `patients`.`pat_no` AS `s__patients__pat_no`,
        `patients`.`last_name` AS `s__patients__last_name`,
        `patients`.`first_name` AS `s__patients__first_name`,
        `patients`.`middle_initial` AS `s__patients__middle_initial`,
        `patients`.`dob` AS `s__patients__dob`,
        `patients`.`sex` AS `s__patients__sex`,
        `patients`.`ssn` AS `s__patients__ssn`,
        `patients`.`address1` AS `s__patients__address1`,
        `patients`.`city` AS `s__patients__city`,
        `patients`.`state` AS `s__patients__state`,
        `patients`.`zip` AS `s__patients__zip`,
        `patients`.`home_phone` AS `s__patients__home_phone`,
        `patients`.`email` AS `s__patients__email`,
        `patients`.`status` AS `s__patients__status`,
        1 AS `__slot`
      FROM `sysA`.`patients` AS `patients`
    ) AS `cs_in`
    WHERE
      NOT COALESCE(
        (
          (
            (
              COALESCE(`cs_in`.`s__patients__status`, '')
            ) <> (
              'D'
            )
          )
        ),
        FALSE
      )
  ),
  (
    SELECT
      COUNT(*)
    FROM `chartshift`.`cs_work__emr__patient`
    WHERE
      `__status` = 'merged'
  ),
  0;

-- specs/two_systems.mig:319: sysA.patients -> emr.patient: work table no longer needed
DROP TABLE IF EXISTS `chartshift`.`cs_work__emr__patient`;

