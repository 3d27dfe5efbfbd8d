-- chartshift 0.1.0 | dialect mysql
-- spec tests/conformance/specs/dedup_variants.mig sha256 9082dc9e058ac5f68fbb44986c8966cf6d31a10f774e25fa1f69904ce371c7e6
-- 10_typed_views: typed views over the staged CSV text (blank -> NULL, failed casts flagged)
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/dedup_variants.mig`.


-- tests/conformance/specs/dedup_variants.mig:8: typed view legacy.people
CREATE SQL SECURITY INVOKER VIEW `legacy__people` AS
SELECT
  `cs_raw`.`__row`,
  NULLIF(`cs_raw`.`rec_id`, '') AS `rec_id`,
  NULLIF(`cs_raw`.`pat_no`, '') AS `pat_no`,
  NULLIF(`cs_raw`.`last`, '') AS `last`,
  NULLIF(`cs_raw`.`first`, '') AS `first`,
  NULLIF(`cs_raw`.`born`, '') AS `born`,
  CAST(NULL AS CHAR) AS `__cast_error`
FROM `chartshift_stage__legacy__people` AS `cs_raw`;

