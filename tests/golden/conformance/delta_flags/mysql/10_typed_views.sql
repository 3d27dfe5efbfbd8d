-- chartshift 0.1.0 | dialect mysql
-- spec tests/conformance/specs/delta_flags.mig sha256 90cb70e9dea6053dba4ed49e5e3c74b76bcf1da0648d75285316f9b5561adbb9
-- 10_typed_views: typed views over the staged CSV text (blank -> NULL, failed casts flagged)
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/delta_flags.mig`.


-- tests/conformance/specs/delta_flags.mig:8: typed view legacy.patients
CREATE SQL SECURITY INVOKER VIEW `legacy__patients` AS
SELECT
  `cs_raw`.`__row`,
  NULLIF(`cs_raw`.`pat_no`, '') AS `pat_no`,
  NULLIF(`cs_raw`.`name`, '') AS `name`,
  CAST(NULL AS CHAR) AS `__cast_error`
FROM `chartshift_stage__legacy__patients` AS `cs_raw`;

-- tests/conformance/specs/delta_flags.mig:14: typed view legacy.visits
CREATE SQL SECURITY INVOKER VIEW `legacy__visits` AS
SELECT
  `cs_raw`.`__row`,
  CASE
    WHEN REGEXP_INSTR(
      CAST(TRIM(NULLIF(`cs_raw`.`visit_id`, '')) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
      '^[+\\-]?[0-9]{1,18}\\z'
    ) > 0
    THEN CAST(TRIM(NULLIF(`cs_raw`.`visit_id`, '')) AS SIGNED)
  END AS `visit_id`,
  NULLIF(`cs_raw`.`pat_no`, '') AS `pat_no`,
  CASE
    WHEN NOT NULLIF(`cs_raw`.`visit_id`, '') IS NULL
    AND CASE
      WHEN REGEXP_INSTR(
        CAST(TRIM(NULLIF(`cs_raw`.`visit_id`, '')) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
        '^[+\\-]?[0-9]{1,18}\\z'
      ) > 0
      THEN CAST(TRIM(NULLIF(`cs_raw`.`visit_id`, '')) AS SIGNED)
    END IS NULL
    THEN 'legacy.visits.visit_id is not a valid integer'
  END AS `__cast_error`
FROM `chartshift_stage__legacy__visits` AS `cs_raw`;

