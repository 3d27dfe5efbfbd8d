-- chartshift 0.1.0 | dialect mysql
-- spec tests/conformance/specs/union.mig sha256 f4f0c7f749348819348be7759974b473787842de922cd53ed8b7f2409529b83d
-- 10_typed_views: typed views over the staged CSV text (blank -> NULL, failed casts flagged)
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/union.mig`.


-- tests/conformance/specs/union.mig:8: typed view sysA.patients
CREATE SQL SECURITY INVOKER VIEW `sysA__patients` AS
SELECT
  `cs_raw`.`__row`,
  NULLIF(`cs_raw`.`pat_no`, '') AS `pat_no`,
  NULLIF(`cs_raw`.`name`, '') AS `name`,
  NULLIF(`cs_raw`.`status`, '') AS `status`,
  NULLIF(`cs_raw`.`phone`, '') AS `phone`,
  CAST(NULL AS CHAR) AS `__cast_error`
FROM `chartshift_stage__sysA__patients` AS `cs_raw`;

-- tests/conformance/specs/union.mig:17: typed view sysB.people
CREATE SQL SECURITY INVOKER VIEW `sysB__people` AS
SELECT
  `cs_raw`.`__row`,
  CASE
    WHEN REGEXP_INSTR(
      CAST(TRIM(NULLIF(`cs_raw`.`person_id`, '')) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
      '^[+\\-]?[0-9]{1,18}\\z'
    ) > 0
    THEN CAST(TRIM(NULLIF(`cs_raw`.`person_id`, '')) AS SIGNED)
  END AS `person_id`,
  NULLIF(`cs_raw`.`full_name`, '') AS `full_name`,
  NULLIF(`cs_raw`.`email`, '') AS `email`,
  NULLIF(`cs_raw`.`phone1`, '') AS `phone1`,
  NULLIF(`cs_raw`.`phone2`, '') AS `phone2`,
  CASE
    WHEN NOT NULLIF(`cs_raw`.`person_id`, '') IS NULL
    AND CASE
      WHEN REGEXP_INSTR(
        CAST(TRIM(NULLIF(`cs_raw`.`person_id`, '')) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
        '^[+\\-]?[0-9]{1,18}\\z'
      ) > 0
      THEN CAST(TRIM(NULLIF(`cs_raw`.`person_id`, '')) AS SIGNED)
    END IS NULL
    THEN 'sysB.people.person_id is not a valid integer'
  END AS `__cast_error`
FROM `chartshift_stage__sysB__people` AS `cs_raw`;

-- tests/conformance/specs/union.mig:24: typed view sysB.visits
CREATE SQL SECURITY INVOKER VIEW `sysB__visits` AS
SELECT
  `cs_raw`.`__row`,
  CASE
    WHEN REGEXP_INSTR(
      CAST(TRIM(NULLIF(`cs_raw`.`visit_id`, '')) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
      '^[+\\-]?[0-9]{1,18}\\z'
    ) > 0
    THEN CAST(TRIM(NULLIF(`cs_raw`.`visit_id`, '')) AS SIGNED)
  END AS `visit_id`,
  CASE
    WHEN REGEXP_INSTR(
      CAST(TRIM(NULLIF(`cs_raw`.`person_id`, '')) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
      '^[+\\-]?[0-9]{1,18}\\z'
    ) > 0
    THEN CAST(TRIM(NULLIF(`cs_raw`.`person_id`, '')) AS SIGNED)
  END AS `person_id`,
  CASE
    WHEN NOT NULLIF(`cs_raw`.`visit_id`, '') IS NULL
    AND CASE
      WHEN REGEXP_INSTR(
        CAST(TRIM(NULLIF(`cs_raw`.`visit_id`, '')) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
        '^[+\\-]?[0-9]{1,18}\\z'
      ) > 0
      THEN CAST(TRIM(NULLIF(`cs_raw`.`visit_id`, '')) AS SIGNED)
    END IS NULL
    THEN 'sysB.visits.visit_id is not a valid integer'
    WHEN NOT NULLIF(`cs_raw`.`person_id`, '') IS NULL
    AND CASE
      WHEN REGEXP_INSTR(
        CAST(TRIM(NULLIF(`cs_raw`.`person_id`, '')) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
        '^[+\\-]?[0-9]{1,18}\\z'
      ) > 0
      THEN CAST(TRIM(NULLIF(`cs_raw`.`person_id`, '')) AS SIGNED)
    END IS NULL
    THEN 'sysB.visits.person_id is not a valid integer'
  END AS `__cast_error`
FROM `chartshift_stage__sysB__visits` AS `cs_raw`;

