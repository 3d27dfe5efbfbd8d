-- chartshift 0.1.0 | dialect mysql
-- spec tests/conformance/specs/field_refs.mig sha256 3459ae121f9369ccee597af25c9cbb341b7c74191a64230c0ef945be759a18ca
-- 10_typed_views: typed views over the staged CSV text (blank -> NULL, failed casts flagged)
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/field_refs.mig`.


-- tests/conformance/specs/field_refs.mig:7: typed view legacy.patients
CREATE SQL SECURITY INVOKER VIEW `legacy__patients` AS
SELECT
  `cs_raw`.`__row`,
  NULLIF(`cs_raw`.`pat_no`, '') AS `pat_no`,
  NULLIF(`cs_raw`.`name`, '') AS `name`,
  NULLIF(`cs_raw`.`status`, '') AS `status`,
  CAST(NULL AS CHAR) AS `__cast_error`
FROM `chartshift_stage__legacy__patients` AS `cs_raw`;

-- tests/conformance/specs/field_refs.mig:12: typed view legacy.visits
CREATE SQL SECURITY INVOKER VIEW `legacy__visits` AS
SELECT
  `cs_raw`.`__row`,
  NULLIF(`cs_raw`.`visit_id`, '') AS `visit_id`,
  NULLIF(`cs_raw`.`pat_no`, '') AS `pat_no`,
  NULLIF(`cs_raw`.`alt_pat`, '') AS `alt_pat`,
  NULLIF(`cs_raw`.`kind`, '') AS `kind`,
  NULLIF(`cs_raw`.`units`, '') AS `units`,
  CAST(NULL AS CHAR) AS `__cast_error`
FROM `chartshift_stage__legacy__visits` AS `cs_raw`;

