-- chartshift 0.1.0 | dialect mysql
-- spec tests/conformance/specs/composite_lookups.mig sha256 947f0eabab68e7b610b09dc411abbd207e6c100c06a6e202839c8ec8682c85f9
-- 10_typed_views: typed views over the staged CSV text (blank -> NULL, failed casts flagged)
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/composite_lookups.mig`.


-- tests/conformance/specs/composite_lookups.mig:8: typed view legacy.claims
CREATE SQL SECURITY INVOKER VIEW `legacy__claims` AS
SELECT
  `cs_raw`.`__row`,
  NULLIF(`cs_raw`.`claim_no`, '') AS `claim_no`,
  NULLIF(`cs_raw`.`payer`, '') AS `payer`,
  NULLIF(`cs_raw`.`plan`, '') AS `plan`,
  NULLIF(`cs_raw`.`code`, '') AS `code`,
  NULLIF(`cs_raw`.`vocab`, '') AS `vocab`,
  CAST(NULL AS CHAR) AS `__cast_error`
FROM `chartshift_stage__legacy__claims` AS `cs_raw`;

