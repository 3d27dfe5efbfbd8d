-- chartshift 0.1.0 | dialect mysql
-- spec tests/conformance/specs/sequencing.mig sha256 7e803c579d3eb4858a45cff96754db6881678ee54683536e2a3afb747c8dd134
-- 10_typed_views: typed views over the staged CSV text (blank -> NULL, failed casts flagged)
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/sequencing.mig`.


-- tests/conformance/specs/sequencing.mig:9: typed view legacy.visits
CREATE SQL SECURITY INVOKER VIEW `legacy__visits` AS
SELECT
  `cs_raw`.`__row`,
  NULLIF(`cs_raw`.`visit_id`, '') AS `visit_id`,
  NULLIF(`cs_raw`.`episode_id`, '') AS `episode_id`,
  NULLIF(`cs_raw`.`patient_id`, '') AS `patient_id`,
  CAST(NULLIF(
    REGEXP_SUBSTR(
      CAST(REGEXP_REPLACE(
        CAST(TRIM(NULLIF(`cs_raw`.`visit_date`, '')) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
        '(?s)^(?:([0-9]{4})\\-([0-9]{1,2})\\-([0-9]{1,2}))\\z|^.*\\z',
        '\\1-\\2-\\3'
      ) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
      '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))\\z'
    ),
    ''
  ) AS DATE) AS `visit_date`,
  NULLIF(`cs_raw`.`kind`, '') AS `kind`,
  CASE
    WHEN NOT NULLIF(`cs_raw`.`visit_date`, '') IS NULL
    AND CAST(NULLIF(
      REGEXP_SUBSTR(
        CAST(REGEXP_REPLACE(
          CAST(TRIM(NULLIF(`cs_raw`.`visit_date`, '')) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
          '(?s)^(?:([0-9]{4})\\-([0-9]{1,2})\\-([0-9]{1,2}))\\z|^.*\\z',
          '\\1-\\2-\\3'
        ) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
        '^(?:(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)|0?2-(?:0?[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-0?2-29))\\z'
      ),
      ''
    ) AS DATE) IS NULL
    THEN 'legacy.visits.visit_date is not a valid date'
  END AS `__cast_error`
FROM `chartshift_stage__legacy__visits` AS `cs_raw`;

-- tests/conformance/specs/sequencing.mig:16: typed view legacy.cancelled
CREATE SQL SECURITY INVOKER VIEW `legacy__cancelled` AS
SELECT
  `cs_raw`.`__row`,
  NULLIF(`cs_raw`.`visit_id`, '') AS `visit_id`,
  CAST(NULL AS CHAR) AS `__cast_error`
FROM `chartshift_stage__legacy__cancelled` AS `cs_raw`;

