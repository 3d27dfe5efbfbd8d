-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/union_dedup_across.mig sha256 d403414e675e6481a01b585a448e07c46d785cfd5d1d9e793cc5adbad40b6b48
-- 10_typed_views: typed views over the staged CSV text (blank -> NULL, failed casts flagged)
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/union_dedup_across.mig`.


-- tests/conformance/specs/union_dedup_across.mig:7: typed view sysA.patients
CREATE VIEW `sysA`.`patients` AS
SELECT
  `cs_raw`.`__row`,
  NULLIF(`cs_raw`.`pat_no`, '') AS `pat_no`,
  NULLIF(`cs_raw`.`last`, '') AS `last`,
  NULLIF(`cs_raw`.`dob`, '') AS `dob`,
  NULLIF(`cs_raw`.`status`, '') AS `status`,
  CAST(NULL AS STRING) AS `__cast_error`
FROM `chartshift_stage`.`sysA__patients` AS `cs_raw`;

-- tests/conformance/specs/union_dedup_across.mig:16: typed view sysB.clients
CREATE VIEW `sysB`.`clients` AS
SELECT
  `cs_raw`.`__row`,
  NULLIF(`cs_raw`.`client_id`, '') AS `client_id`,
  NULLIF(`cs_raw`.`last`, '') AS `last`,
  NULLIF(`cs_raw`.`dob`, '') AS `dob`,
  CAST(NULL AS STRING) AS `__cast_error`
FROM `chartshift_stage`.`sysB__clients` AS `cs_raw`;

-- tests/conformance/specs/union_dedup_across.mig:21: typed view sysB.visits
CREATE VIEW `sysB`.`visits` AS
SELECT
  `cs_raw`.`__row`,
  CASE
    WHEN TRIM(NULLIF(`cs_raw`.`visit_id`, '')) RLIKE '^[+\\-]?[0-9]{1,18}\\z'
    THEN CAST(TRIM(NULLIF(`cs_raw`.`visit_id`, '')) AS BIGINT)
  END AS `visit_id`,
  NULLIF(`cs_raw`.`client_id`, '') AS `client_id`,
  CASE
    WHEN NOT NULLIF(`cs_raw`.`visit_id`, '') IS NULL
    AND CASE
      WHEN TRIM(NULLIF(`cs_raw`.`visit_id`, '')) RLIKE '^[+\\-]?[0-9]{1,18}\\z'
      THEN CAST(TRIM(NULLIF(`cs_raw`.`visit_id`, '')) AS BIGINT)
    END IS NULL
    THEN 'sysB.visits.visit_id is not a valid integer'
  END AS `__cast_error`
FROM `chartshift_stage`.`sysB__visits` AS `cs_raw`;

-- tests/conformance/specs/union_dedup_across.mig:28: typed view sysC.people
CREATE VIEW `sysC`.`people` AS
SELECT
  `cs_raw`.`__row`,
  CASE
    WHEN TRIM(NULLIF(`cs_raw`.`person_id`, '')) RLIKE '^[+\\-]?[0-9]{1,18}\\z'
    THEN CAST(TRIM(NULLIF(`cs_raw`.`person_id`, '')) AS BIGINT)
  END AS `person_id`,
  NULLIF(`cs_raw`.`last`, '') AS `last`,
  NULLIF(`cs_raw`.`dob`, '') AS `dob`,
  CASE
    WHEN NOT NULLIF(`cs_raw`.`person_id`, '') IS NULL
    AND CASE
      WHEN TRIM(NULLIF(`cs_raw`.`person_id`, '')) RLIKE '^[+\\-]?[0-9]{1,18}\\z'
      THEN CAST(TRIM(NULLIF(`cs_raw`.`person_id`, '')) AS BIGINT)
    END IS NULL
    THEN 'sysC.people.person_id is not a valid integer'
  END AS `__cast_error`
FROM `chartshift_stage`.`sysC__people` AS `cs_raw`;

