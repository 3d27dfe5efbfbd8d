-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/union.mig sha256 f4f0c7f749348819348be7759974b473787842de922cd53ed8b7f2409529b83d
-- 10_typed_views: typed views over the staged CSV text (blank -> NULL, failed casts flagged)
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/union.mig`.


-- tests/conformance/specs/union.mig:8: typed view sysA.patients
CREATE VIEW `sysA`.`patients` AS
SELECT
  `cs_raw`.`__row`,
  NULLIF(`cs_raw`.`pat_no`, '') AS `pat_no`,
  NULLIF(`cs_raw`.`name`, '') AS `name`,
  NULLIF(`cs_raw`.`status`, '') AS `status`,
  NULLIF(`cs_raw`.`phone`, '') AS `phone`,
  CAST(NULL AS STRING) AS `__cast_error`
FROM `chartshift_stage`.`sysA__patients` AS `cs_raw`;

-- tests/conformance/specs/union.mig:17: typed view sysB.people
CREATE VIEW `sysB`.`people` AS
SELECT
  `cs_raw`.`__row`,
  CASE
    WHEN TRIM(NULLIF(`cs_raw`.`person_id`, '')) RLIKE '^[+\\-]?[0-9]{1,18}\\z'
    THEN CAST(TRIM(NULLIF(`cs_raw`.`person_id`, '')) AS BIGINT)
  END AS `person_id`,
  NULLIF(`cs_raw`.`full_name`, '') AS `full_name`,
  NULLIF(`cs_raw`.`email`, '') AS `email`,
  NULLIF(`cs_raw`.`phone1`, '') AS `phone1`,
  NULLIF(`cs_raw`.`phone2`, '') AS `phone2`,
  CASE
    WHEN NOT NULLIF(`cs_raw`.`person_id`, '') IS NULL
    AND CASE
      WHEN TRIM(NULLIF(`cs_raw`.`person_id`, '')) RLIKE '^[+\\-]?[0-9]{1,18}\\z'
      THEN CAST(TRIM(NULLIF(`cs_raw`.`person_id`, '')) AS BIGINT)
    END IS NULL
    THEN 'sysB.people.person_id is not a valid integer'
  END AS `__cast_error`
FROM `chartshift_stage`.`sysB__people` AS `cs_raw`;

-- tests/conformance/specs/union.mig:24: typed view sysB.visits
CREATE VIEW `sysB`.`visits` AS
SELECT
  `cs_raw`.`__row`,
  CASE
    WHEN TRIM(NULLIF(`cs_raw`.`visit_id`, '')) RLIKE '^[+\\-]?[0-9]{1,18}\\z'
    THEN CAST(TRIM(NULLIF(`cs_raw`.`visit_id`, '')) AS BIGINT)
  END AS `visit_id`,
  CASE
    WHEN TRIM(NULLIF(`cs_raw`.`person_id`, '')) RLIKE '^[+\\-]?[0-9]{1,18}\\z'
    THEN CAST(TRIM(NULLIF(`cs_raw`.`person_id`, '')) AS BIGINT)
  END AS `person_id`,
  CASE
    WHEN NOT NULLIF(`cs_raw`.`visit_id`, '') IS NULL
    AND CASE
      WHEN TRIM(NULLIF(`cs_raw`.`visit_id`, '')) RLIKE '^[+\\-]?[0-9]{1,18}\\z'
      THEN CAST(TRIM(NULLIF(`cs_raw`.`visit_id`, '')) AS BIGINT)
    END IS NULL
    THEN 'sysB.visits.visit_id is not a valid integer'
    WHEN NOT NULLIF(`cs_raw`.`person_id`, '') IS NULL
    AND CASE
      WHEN TRIM(NULLIF(`cs_raw`.`person_id`, '')) RLIKE '^[+\\-]?[0-9]{1,18}\\z'
      THEN CAST(TRIM(NULLIF(`cs_raw`.`person_id`, '')) AS BIGINT)
    END IS NULL
    THEN 'sysB.visits.person_id is not a valid integer'
  END AS `__cast_error`
FROM `chartshift_stage`.`sysB__visits` AS `cs_raw`;

