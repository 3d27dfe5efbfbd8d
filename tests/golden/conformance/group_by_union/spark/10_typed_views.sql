-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/group_by_union.mig sha256 99214fc1543923073f69ebec6d3de14b8520abebb3bc0cc842c606cce8a273c9
-- 10_typed_views: typed views over the staged CSV text (blank -> NULL, failed casts flagged)
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/group_by_union.mig`.


-- tests/conformance/specs/group_by_union.mig:7: typed view a.visits
CREATE VIEW `a`.`visits` AS
SELECT
  `cs_raw`.`__row`,
  NULLIF(`cs_raw`.`vid`, '') AS `vid`,
  NULLIF(`cs_raw`.`pat`, '') AS `pat`,
  CAST(NULL AS STRING) AS `__cast_error`
FROM `chartshift_stage`.`a__visits` AS `cs_raw`;

-- tests/conformance/specs/group_by_union.mig:13: typed view b.visits
CREATE VIEW `b`.`visits` AS
SELECT
  `cs_raw`.`__row`,
  NULLIF(`cs_raw`.`vid`, '') AS `vid`,
  NULLIF(`cs_raw`.`pat`, '') AS `pat`,
  CAST(NULL AS STRING) AS `__cast_error`
FROM `chartshift_stage`.`b__visits` AS `cs_raw`;

