-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/delta_flags.mig sha256 90cb70e9dea6053dba4ed49e5e3c74b76bcf1da0648d75285316f9b5561adbb9
-- 15_state: the source state of this run
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/delta_flags.mig`.


-- tests/conformance/specs/delta_flags.mig:8: legacy.patients: the rows of this export
INSERT INTO `chartshift`.`state__legacy__patients__cs_new` (
  `__row`,
  `pat_no`,
  `name`
)
SELECT
  `s`.`__row`,
  `s`.`pat_no`,
  `s`.`name`
FROM `chartshift_stage`.`legacy__patients` AS `s`;

-- tests/conformance/specs/delta_flags.mig:14: legacy.visits: the rows of this export
INSERT INTO `chartshift`.`state__legacy__visits__cs_new` (
  `__row`,
  `visit_id`,
  `pat_no`
)
SELECT
  `s`.`__row`,
  `s`.`visit_id`,
  `s`.`pat_no`
FROM `chartshift_stage`.`legacy__visits` AS `s`;

