-- chartshift 0.1.0 | dialect mysql
-- spec tests/conformance/specs/group_by_types.mig sha256 323bf47843c51193d38f93bcebb69d1b70699a8911c02b6e05f5862cc04c224f
-- 10_typed_views: typed views over the staged CSV text (blank -> NULL, failed casts flagged)
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/group_by_types.mig`.


-- tests/conformance/specs/group_by_types.mig:7: typed view legacy.charges
CREATE SQL SECURITY INVOKER VIEW `legacy__charges` AS
SELECT
  `cs_raw`.`__row`,
  CASE
    WHEN REGEXP_INSTR(
      CAST(TRIM(NULLIF(`cs_raw`.`clinic`, '')) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
      '^[+\\-]?[0-9]{1,18}\\z'
    ) > 0
    THEN CAST(TRIM(NULLIF(`cs_raw`.`clinic`, '')) AS SIGNED)
  END AS `clinic`,
  CAST(NULLIF(
    REGEXP_SUBSTR(
      CAST(REGEXP_REPLACE(
        CAST(TRIM(NULLIF(`cs_raw`.`day`, '')) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
        '(?s)^(?:([0-9]{4})\\-([0-9]{1,2})\\-([0-9]{1,2}))\\z|^.*\\z',
        '\\1-\\2-\\3'
      ) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
      '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))\\z'
    ),
    ''
  ) AS DATE) AS `day`,
  CASE
    WHEN LOWER(TRIM(NULLIF(`cs_raw`.`paid`, ''))) IN ('true', 't', 'yes', 'y', '1')
    THEN TRUE
    WHEN LOWER(TRIM(NULLIF(`cs_raw`.`paid`, ''))) IN ('false', 'f', 'no', 'n', '0')
    THEN FALSE
  END AS `paid`,
  CASE
    WHEN REGEXP_INSTR(
      CAST(TRIM(NULLIF(`cs_raw`.`amount`, '')) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
      '^[+\\-]?([0-9]{1,14}([.][0-9]{0,4})?|[.][0-9]{1,4})\\z'
    ) > 0
    THEN CAST(TRIM(NULLIF(`cs_raw`.`amount`, '')) AS DECIMAL(18, 4))
  END AS `amount`,
  CASE
    WHEN REGEXP_INSTR(
      CAST(TRIM(NULLIF(`cs_raw`.`units`, '')) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
      '^[+\\-]?[0-9]{1,18}\\z'
    ) > 0
    THEN CAST(TRIM(NULLIF(`cs_raw`.`units`, '')) AS SIGNED)
  END AS `units`,
  NULLIF(`cs_raw`.`code`, '') AS `code`,
  CASE
    WHEN NOT NULLIF(`cs_raw`.`clinic`, '') IS NULL
    AND CASE
      WHEN REGEXP_INSTR(
        CAST(TRIM(NULLIF(`cs_raw`.`clinic`, '')) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
        '^[+\\-]?[0-9]{1,18}\\z'
      ) > 0
      THEN CAST(TRIM(NULLIF(`cs_raw`.`clinic`, '')) AS SIGNED)
    END IS NULL
    THEN 'legacy.charges.clinic is not a valid integer'
    WHEN NOT NULLIF(`cs_raw`.`day`, '') IS NULL
    AND CAST(NULLIF(
      REGEXP_SUBSTR(
        CAST(REGEXP_REPLACE(
          CAST(TRIM(NULLIF(`cs_raw`.`day`, '')) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
          '(?s)^(?:([0-9]{4})\\-([0-9]{1,2})\\-([0-9]{1,2}))\\z|^.*\\z',
          '\\1-\\2-\\3'
        ) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
        '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))\\z'
      ),
      ''
    ) AS DATE) IS NULL
    THEN 'legacy.charges.day is not a valid date'
    WHEN NOT NULLIF(`cs_raw`.`paid`, '') IS NULL
    AND CASE
      WHEN LOWER(TRIM(NULLIF(`cs_raw`.`paid`, ''))) IN ('true', 't', 'yes', 'y', '1')
      THEN TRUE
      WHEN LOWER(TRIM(NULLIF(`cs_raw`.`paid`, ''))) IN ('false', 'f', 'no', 'n', '0')
      THEN FALSE
    END IS NULL
    THEN 'legacy.charges.paid is not a valid boolean'
    WHEN NOT NULLIF(`cs_raw`.`amount`, '') IS NULL
    AND CASE
      WHEN REGEXP_INSTR(
        CAST(TRIM(NULLIF(`cs_raw`.`amount`, '')) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
        '^[+\\-]?([0-9]{1,14}([.][0-9]{0,4})?|[.][0-9]{1,4})\\z'
      ) > 0
      THEN CAST(TRIM(NULLIF(`cs_raw`.`amount`, '')) AS DECIMAL(18, 4))
    END IS NULL
    THEN 'legacy.charges.amount is not a valid decimal'
    WHEN NOT NULLIF(`cs_raw`.`units`, '') IS NULL
    AND CASE
      WHEN REGEXP_INSTR(
        CAST(TRIM(NULLIF(`cs_raw`.`units`, '')) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
        '^[+\\-]?[0-9]{1,18}\\z'
      ) > 0
      THEN CAST(TRIM(NULLIF(`cs_raw`.`units`, '')) AS SIGNED)
    END IS NULL
    THEN 'legacy.charges.units is not a valid integer'
  END AS `__cast_error`
FROM `chartshift_stage__legacy__charges` AS `cs_raw`;

