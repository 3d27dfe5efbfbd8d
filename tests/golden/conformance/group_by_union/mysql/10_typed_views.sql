-- chartshift 0.1.0 | dialect mysql
-- spec tests/conformance/specs/group_by_union.mig sha256 99214fc1543923073f69ebec6d3de14b8520abebb3bc0cc842c606cce8a273c9
-- 10_typed_views: typed views over the staged CSV text (blank -> NULL, failed casts flagged)
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/group_by_union.mig`.


-- tests/conformance/specs/group_by_union.mig:7: typed view a.visits
CREATE SQL SECURITY INVOKER VIEW `a__visits` AS
SELECT
  `cs_raw`.`__row`,
  NULLIF(`cs_raw`.`vid`, '') AS `vid`,
  NULLIF(`cs_raw`.`pat`, '') AS `pat`,
  CAST(NULL AS CHAR) AS `__cast_error`
FROM `chartshift_stage__a__visits` AS `cs_raw`;

-- tests/conformance/specs/group_by_union.mig:13: typed view b.visits
CREATE SQL SECURITY INVOKER VIEW `b__visits` AS
SELECT
  `cs_raw`.`__row`,
  NULLIF(`cs_raw`.`vid`, '') AS `vid`,
  NULLIF(`cs_raw`.`pat`, '') AS `pat`,
  CAST(NULL AS CHAR) AS `__cast_error`
FROM `chartshift_stage__b__visits` AS `cs_raw`;

