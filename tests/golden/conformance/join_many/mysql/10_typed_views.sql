-- chartshift 0.1.0 | dialect mysql
-- spec tests/conformance/specs/join_many.mig sha256 870919318f0282a26ca449b629644d14083271ed5560e5faff2347804ac13e8a
-- 10_typed_views: typed views over the staged CSV text (blank -> NULL, failed casts flagged)
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/join_many.mig`.


-- tests/conformance/specs/join_many.mig:8: typed view legacy.visits
CREATE SQL SECURITY INVOKER VIEW `legacy__visits` AS
SELECT
  `cs_raw`.`__row`,
  NULLIF(`cs_raw`.`visit_id`, '') AS `visit_id`,
  NULLIF(`cs_raw`.`code`, '') AS `code`,
  NULLIF(`cs_raw`.`payer_id`, '') AS `payer_id`,
  CAST(NULL AS CHAR) AS `__cast_error`
FROM `chartshift_stage__legacy__visits` AS `cs_raw`;

-- tests/conformance/specs/join_many.mig:13: typed view legacy.code_map
CREATE SQL SECURITY INVOKER VIEW `legacy__code_map` AS
SELECT
  `cs_raw`.`__row`,
  NULLIF(`cs_raw`.`legacy_code`, '') AS `legacy_code`,
  NULLIF(`cs_raw`.`std_code`, '') AS `std_code`,
  NULLIF(`cs_raw`.`active`, '') AS `active`,
  NULLIF(`cs_raw`.`payer_id`, '') AS `payer_id`,
  CAST(NULL AS CHAR) AS `__cast_error`
FROM `chartshift_stage__legacy__code_map` AS `cs_raw`;

-- tests/conformance/specs/join_many.mig:19: typed view legacy.payers
CREATE SQL SECURITY INVOKER VIEW `legacy__payers` AS
SELECT
  `cs_raw`.`__row`,
  NULLIF(`cs_raw`.`payer_id`, '') AS `payer_id`,
  NULLIF(`cs_raw`.`name`, '') AS `name`,
  CAST(NULL AS CHAR) AS `__cast_error`
FROM `chartshift_stage__legacy__payers` AS `cs_raw`;

