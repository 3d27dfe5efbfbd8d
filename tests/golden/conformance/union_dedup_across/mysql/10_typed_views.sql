-- chartshift 0.1.0 | dialect mysql
-- spec tests/conformance/specs/union_dedup_across.mig sha256 d403414e675e6481a01b585a448e07c46d785cfd5d1d9e793cc5adbad40b6b48
-- 10_typed_views: typed views over the staged CSV text (blank -> NULL, failed casts flagged)
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/union_dedup_across.mig`.


-- tests/conformance/specs/union_dedup_across.mig:7: typed view sysA.patients
CREATE SQL SECURITY INVOKER VIEW `sysA__patients` AS
SELECT
  `cs_raw`.`__row`,
  NULLIF(`cs_raw`.`pat_no`, '') AS `pat_no`,
  NULLIF(`cs_raw`.`last`, '') AS `last`,
  NULLIF(`cs_raw`.`dob`, '') AS `dob`,
  NULLIF(`cs_raw`.`status`, '') AS `status`,
  CAST(NULL AS CHAR) AS `__cast_error`
FROM `chartshift_stage__sysA__patients` AS `cs_raw`;

-- tests/conformance/specs/union_dedup_across.mig:16: typed view sysB.clients
CREATE SQL SECURITY INVOKER VIEW `sysB__clients` AS
SELECT
  `cs_raw`.`__row`,
  NULLIF(`cs_raw`.`client_id`, '') AS `client_id`,
  NULLIF(`cs_raw`.`last`, '') AS `last`,
  NULLIF(`cs_raw`.`dob`, '') AS `dob`,
  CAST(NULL AS CHAR) AS `__cast_error`
FROM `chartshift_stage__sysB__clients` AS `cs_raw`;

-- tests/conformance/specs/union_dedup_across.mig:21: typed view sysB.visits
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
  NULLIF(`cs_raw`.`client_id`, '') AS `client_id`,
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
  END AS `__cast_error`
FROM `chartshift_stage__sysB__visits` AS `cs_raw`;

-- tests/conformance/specs/union_dedup_across.mig:28: typed view sysC.people
CREATE SQL SECURITY INVOKER VIEW `sysC__people` AS
SELECT
  `cs_raw`.`__row`,
  CASE
    WHEN REGEXP_INSTR(
      CAST(TRIM(NULLIF(`cs_raw`.`person_id`, '')) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
      '^[+\\-]?[0-9]{1,18}\\z'
    ) > 0
    THEN CAST(TRIM(NULLIF(`cs_raw`.`person_id`, '')) AS SIGNED)
  END AS `person_id`,
  NULLIF(`cs_raw`.`last`, '') AS `last`,
  NULLIF(`cs_raw`.`dob`, '') AS `dob`,
  CASE
    WHEN NOT NULLIF(`cs_raw`.`person_id`, '') IS NULL
    AND CASE
      WHEN REGEXP_INSTR(
        CAST(TRIM(NULLIF(`cs_raw`.`person_id`, '')) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
        '^[+\\-]?[0-9]{1,18}\\z'
      ) > 0
      THEN CAST(TRIM(NULLIF(`cs_raw`.`person_id`, '')) AS SIGNED)
    END IS NULL
    THEN 'sysC.people.person_id is not a valid integer'
  END AS `__cast_error`
FROM `chartshift_stage__sysC__people` AS `cs_raw`;

