-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/group_by_references.mig sha256 affaa2e359660ec72ffb991b16b3db70e42ec3e2bbc9bbda02a66e1e7c3e816a
-- 10_typed_views: typed views over the staged CSV text (blank -> NULL, failed casts flagged)
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/group_by_references.mig`.


-- tests/conformance/specs/group_by_references.mig:7: typed view legacy.auths
CREATE VIEW `legacy`.`auths` AS
SELECT
  `cs_raw`.`__row`,
  NULLIF(`cs_raw`.`auth_no`, '') AS `auth_no`,
  CASE
    WHEN TRIM(NULLIF(`cs_raw`.`visits`, '')) RLIKE '^[+\\-]?[0-9]{1,18}\\z'
    THEN CAST(TRIM(NULLIF(`cs_raw`.`visits`, '')) AS BIGINT)
  END AS `visits`,
  CASE
    WHEN NOT NULLIF(`cs_raw`.`visits`, '') IS NULL
    AND CASE
      WHEN TRIM(NULLIF(`cs_raw`.`visits`, '')) RLIKE '^[+\\-]?[0-9]{1,18}\\z'
      THEN CAST(TRIM(NULLIF(`cs_raw`.`visits`, '')) AS BIGINT)
    END IS NULL
    THEN 'legacy.auths.visits is not a valid integer'
  END AS `__cast_error`
FROM `chartshift_stage`.`legacy__auths` AS `cs_raw`;

-- tests/conformance/specs/group_by_references.mig:11: typed view legacy.visits
CREATE VIEW `legacy`.`visits` AS
SELECT
  `cs_raw`.`__row`,
  NULLIF(`cs_raw`.`visit_id`, '') AS `visit_id`,
  NULLIF(`cs_raw`.`auth_no`, '') AS `auth_no`,
  NULLIF(`cs_raw`.`kind`, '') AS `kind`,
  NULLIF(`cs_raw`.`clinic`, '') AS `clinic`,
  CAST(NULL AS STRING) AS `__cast_error`
FROM `chartshift_stage`.`legacy__visits` AS `cs_raw`;

-- tests/conformance/specs/group_by_references.mig:17: typed view legacy.clinics
CREATE VIEW `legacy`.`clinics` AS
SELECT
  `cs_raw`.`__row`,
  NULLIF(`cs_raw`.`clinic`, '') AS `clinic`,
  NULLIF(`cs_raw`.`region`, '') AS `region`,
  CAST(NULL AS STRING) AS `__cast_error`
FROM `chartshift_stage`.`legacy__clinics` AS `cs_raw`;

-- tests/conformance/specs/group_by_references.mig:21: typed view legacy.code_map
CREATE VIEW `legacy`.`code_map` AS
SELECT
  `cs_raw`.`__row`,
  NULLIF(`cs_raw`.`kind`, '') AS `kind`,
  NULLIF(`cs_raw`.`cpt`, '') AS `cpt`,
  CAST(NULL AS STRING) AS `__cast_error`
FROM `chartshift_stage`.`legacy__code_map` AS `cs_raw`;

