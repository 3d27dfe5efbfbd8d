-- chartshift 0.1.0 | dialect mysql
-- spec tests/conformance/specs/group_by_references.mig sha256 affaa2e359660ec72ffb991b16b3db70e42ec3e2bbc9bbda02a66e1e7c3e816a
-- 10_typed_views: typed views over the staged CSV text (blank -> NULL, failed casts flagged)
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/group_by_references.mig`.


-- tests/conformance/specs/group_by_references.mig:7: typed view legacy.auths
CREATE SQL SECURITY INVOKER VIEW `legacy__auths` AS
SELECT
  `cs_raw`.`__row`,
  NULLIF(`cs_raw`.`auth_no`, '') AS `auth_no`,
  CASE
    WHEN REGEXP_INSTR(
      CAST(TRIM(NULLIF(`cs_raw`.`visits`, '')) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
      '^[+\\-]?[0-9]{1,18}\\z'
    ) > 0
    THEN CAST(TRIM(NULLIF(`cs_raw`.`visits`, '')) AS SIGNED)
  END AS `visits`,
  CASE
    WHEN NOT NULLIF(`cs_raw`.`visits`, '') IS NULL
    AND CASE
      WHEN REGEXP_INSTR(
        CAST(TRIM(NULLIF(`cs_raw`.`visits`, '')) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
        '^[+\\-]?[0-9]{1,18}\\z'
      ) > 0
      THEN CAST(TRIM(NULLIF(`cs_raw`.`visits`, '')) AS SIGNED)
    END IS NULL
    THEN 'legacy.auths.visits is not a valid integer'
  END AS `__cast_error`
FROM `chartshift_stage__legacy__auths` AS `cs_raw`;

-- tests/conformance/specs/group_by_references.mig:11: typed view legacy.visits
CREATE SQL SECURITY INVOKER VIEW `legacy__visits` AS
SELECT
  `cs_raw`.`__row`,
  NULLIF(`cs_raw`.`visit_id`, '') AS `visit_id`,
  NULLIF(`cs_raw`.`auth_no`, '') AS `auth_no`,
  NULLIF(`cs_raw`.`kind`, '') AS `kind`,
  NULLIF(`cs_raw`.`clinic`, '') AS `clinic`,
  CAST(NULL AS CHAR) AS `__cast_error`
FROM `chartshift_stage__legacy__visits` AS `cs_raw`;

-- tests/conformance/specs/group_by_references.mig:17: typed view legacy.clinics
CREATE SQL SECURITY INVOKER VIEW `legacy__clinics` AS
SELECT
  `cs_raw`.`__row`,
  NULLIF(`cs_raw`.`clinic`, '') AS `clinic`,
  NULLIF(`cs_raw`.`region`, '') AS `region`,
  CAST(NULL AS CHAR) AS `__cast_error`
FROM `chartshift_stage__legacy__clinics` AS `cs_raw`;

-- tests/conformance/specs/group_by_references.mig:21: typed view legacy.code_map
CREATE SQL SECURITY INVOKER VIEW `legacy__code_map` AS
SELECT
  `cs_raw`.`__row`,
  NULLIF(`cs_raw`.`kind`, '') AS `kind`,
  NULLIF(`cs_raw`.`cpt`, '') AS `cpt`,
  CAST(NULL AS CHAR) AS `__cast_error`
FROM `chartshift_stage__legacy__code_map` AS `cs_raw`;

