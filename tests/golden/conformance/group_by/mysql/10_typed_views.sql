-- chartshift 0.1.0 | dialect mysql
-- spec tests/conformance/specs/group_by.mig sha256 8c97e61b28d6ea83244c7b367f812e592a33e711e4ebea957a4e55ed55be9144
-- 10_typed_views: typed views over the staged CSV text (blank -> NULL, failed casts flagged)
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/group_by.mig`.


-- tests/conformance/specs/group_by.mig:8: typed view legacy.visits
CREATE SQL SECURITY INVOKER VIEW `legacy__visits` AS
SELECT
  `cs_raw`.`__row`,
  NULLIF(`cs_raw`.`visit_id`, '') AS `visit_id`,
  NULLIF(`cs_raw`.`pat_no`, '') AS `pat_no`,
  CAST(NULLIF(
    REGEXP_SUBSTR(
      CAST(REGEXP_REPLACE(
        CAST(TRIM(NULLIF(`cs_raw`.`visit_dt`, '')) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
        '(?s)^(?:([0-9]{4})\\-([0-9]{1,2})\\-([0-9]{1,2}))\\z|^.*\\z',
        '\\1-\\2-\\3'
      ) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
      '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))\\z'
    ),
    ''
  ) AS DATE) AS `visit_dt`,
  CASE
    WHEN REGEXP_INSTR(
      CAST(TRIM(NULLIF(`cs_raw`.`units`, '')) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
      '^[+\\-]?[0-9]{1,18}\\z'
    ) > 0
    THEN CAST(TRIM(NULLIF(`cs_raw`.`units`, '')) AS SIGNED)
  END AS `units`,
  CASE
    WHEN REGEXP_INSTR(
      CAST(TRIM(NULLIF(`cs_raw`.`amount`, '')) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
      '^[+\\-]?([0-9]{1,14}([.][0-9]{0,4})?|[.][0-9]{1,4})\\z'
    ) > 0
    THEN CAST(TRIM(NULLIF(`cs_raw`.`amount`, '')) AS DECIMAL(18, 4))
  END AS `amount`,
  NULLIF(`cs_raw`.`therapist`, '') AS `therapist`,
  NULLIF(`cs_raw`.`address`, '') AS `address`,
  NULLIF(`cs_raw`.`city`, '') AS `city`,
  NULLIF(`cs_raw`.`status`, '') AS `status`,
  CASE
    WHEN NOT NULLIF(`cs_raw`.`visit_dt`, '') IS NULL
    AND CAST(NULLIF(
      REGEXP_SUBSTR(
        CAST(REGEXP_REPLACE(
          CAST(TRIM(NULLIF(`cs_raw`.`visit_dt`, '')) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
          '(?s)^(?:([0-9]{4})\\-([0-9]{1,2})\\-([0-9]{1,2}))\\z|^.*\\z',
          '\\1-\\2-\\3'
        ) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
        '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))\\z'
      ),
      ''
    ) AS DATE) IS NULL
    THEN 'legacy.visits.visit_dt is not a valid date'
    WHEN NOT NULLIF(`cs_raw`.`units`, '') IS NULL
    AND CASE
      WHEN REGEXP_INSTR(
        CAST(TRIM(NULLIF(`cs_raw`.`units`, '')) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
        '^[+\\-]?[0-9]{1,18}\\z'
      ) > 0
      THEN CAST(TRIM(NULLIF(`cs_raw`.`units`, '')) AS SIGNED)
    END IS NULL
    THEN 'legacy.visits.units is not a valid integer'
    WHEN NOT NULLIF(`cs_raw`.`amount`, '') IS NULL
    AND CASE
      WHEN REGEXP_INSTR(
        CAST(TRIM(NULLIF(`cs_raw`.`amount`, '')) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
        '^[+\\-]?([0-9]{1,14}([.][0-9]{0,4})?|[.][0-9]{1,4})\\z'
      ) > 0
      THEN CAST(TRIM(NULLIF(`cs_raw`.`amount`, '')) AS DECIMAL(18, 4))
    END IS NULL
    THEN 'legacy.visits.amount is not a valid decimal'
  END AS `__cast_error`
FROM `chartshift_stage__legacy__visits` AS `cs_raw`;

