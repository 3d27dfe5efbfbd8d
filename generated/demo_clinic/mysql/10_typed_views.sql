-- chartshift 0.1.0 | dialect mysql
-- spec specs/demo_clinic.mig sha256 a2d29e478bd0344673ca628df24d217e8057e79772da3f5917ea33a753acd32d
-- 10_typed_views: typed views over the staged CSV text (blank -> NULL, failed casts flagged)
-- Generated file: do not edit. Regenerate with `chartshift compile specs/demo_clinic.mig`.


-- specs/demo_clinic.mig:14: typed view legacy.patients
CREATE SQL SECURITY INVOKER VIEW `legacy__patients` AS
SELECT
  `cs_raw`.`__row`,
  NULLIF(`cs_raw`.`pat_no`, '') AS `pat_no`,
  NULLIF(`cs_raw`.`last_name`, '') AS `last_name`,
  NULLIF(`cs_raw`.`first_name`, '') AS `first_name`,
  NULLIF(`cs_raw`.`middle_initial`, '') AS `middle_initial`,
  NULLIF(`cs_raw`.`dob`, '') AS `dob`,
  NULLIF(`cs_raw`.`sex`, '') AS `sex`,
  NULLIF(`cs_raw`.`ssn`, '') AS `ssn`,
  NULLIF(`cs_raw`.`address1`, '') AS `address1`,
  NULLIF(`cs_raw`.`city`, '') AS `city`,
  NULLIF(`cs_raw`.`state`, '') AS `state`,
  NULLIF(`cs_raw`.`zip`, '') AS `zip`,
  NULLIF(`cs_raw`.`home_phone`, '') AS `home_phone`,
  NULLIF(`cs_raw`.`email`, '') AS `email`,
  NULLIF(`cs_raw`.`status`, '') AS `status`,
  CAST(NULL AS CHAR) AS `__cast_error`
FROM `chartshift_stage__legacy__patients` AS `cs_raw`;

-- specs/demo_clinic.mig:33: typed view legacy.providers
CREATE SQL SECURITY INVOKER VIEW `legacy__providers` AS
SELECT
  `cs_raw`.`__row`,
  NULLIF(`cs_raw`.`prov_id`, '') AS `prov_id`,
  NULLIF(`cs_raw`.`name`, '') AS `name`,
  NULLIF(`cs_raw`.`credential`, '') AS `credential`,
  NULLIF(`cs_raw`.`npi`, '') AS `npi`,
  CAST(NULL AS CHAR) AS `__cast_error`
FROM `chartshift_stage__legacy__providers` AS `cs_raw`;

-- specs/demo_clinic.mig:42: typed view legacy.payers
CREATE SQL SECURITY INVOKER VIEW `legacy__payers` AS
SELECT
  `cs_raw`.`__row`,
  NULLIF(`cs_raw`.`payer_id`, '') AS `payer_id`,
  NULLIF(`cs_raw`.`payer_name`, '') AS `payer_name`,
  NULLIF(`cs_raw`.`payer_type`, '') AS `payer_type`,
  CAST(NULL AS CHAR) AS `__cast_error`
FROM `chartshift_stage__legacy__payers` AS `cs_raw`;

-- specs/demo_clinic.mig:49: typed view legacy.policies
CREATE SQL SECURITY INVOKER VIEW `legacy__policies` AS
SELECT
  `cs_raw`.`__row`,
  NULLIF(`cs_raw`.`policy_id`, '') AS `policy_id`,
  NULLIF(`cs_raw`.`pat_no`, '') AS `pat_no`,
  NULLIF(`cs_raw`.`payer_id`, '') AS `payer_id`,
  NULLIF(`cs_raw`.`member_id`, '') AS `member_id`,
  NULLIF(`cs_raw`.`group_no`, '') AS `group_no`,
  CASE
    WHEN REGEXP_INSTR(
      CAST(TRIM(NULLIF(`cs_raw`.`priority`, '')) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
      '^[+\\-]?[0-9]{1,18}\\z'
    ) > 0
    THEN CAST(TRIM(NULLIF(`cs_raw`.`priority`, '')) AS SIGNED)
  END AS `priority`,
  NULLIF(`cs_raw`.`eff_date`, '') AS `eff_date`,
  NULLIF(`cs_raw`.`term_date`, '') AS `term_date`,
  CASE
    WHEN NOT NULLIF(`cs_raw`.`priority`, '') IS NULL
    AND CASE
      WHEN REGEXP_INSTR(
        CAST(TRIM(NULLIF(`cs_raw`.`priority`, '')) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
        '^[+\\-]?[0-9]{1,18}\\z'
      ) > 0
      THEN CAST(TRIM(NULLIF(`cs_raw`.`priority`, '')) AS SIGNED)
    END IS NULL
    THEN 'legacy.policies.priority is not a valid integer'
  END AS `__cast_error`
FROM `chartshift_stage__legacy__policies` AS `cs_raw`;

-- specs/demo_clinic.mig:61: typed view legacy.cases
CREATE SQL SECURITY INVOKER VIEW `legacy__cases` AS
SELECT
  `cs_raw`.`__row`,
  NULLIF(`cs_raw`.`case_no`, '') AS `case_no`,
  NULLIF(`cs_raw`.`pat_no`, '') AS `pat_no`,
  NULLIF(`cs_raw`.`therapist_id`, '') AS `therapist_id`,
  NULLIF(`cs_raw`.`referring_physician`, '') AS `referring_physician`,
  NULLIF(`cs_raw`.`referring_npi`, '') AS `referring_npi`,
  NULLIF(`cs_raw`.`injury_date`, '') AS `injury_date`,
  NULLIF(`cs_raw`.`eval_date`, '') AS `eval_date`,
  NULLIF(`cs_raw`.`dx1`, '') AS `dx1`,
  NULLIF(`cs_raw`.`dx2`, '') AS `dx2`,
  NULLIF(`cs_raw`.`dx3`, '') AS `dx3`,
  NULLIF(`cs_raw`.`dx4`, '') AS `dx4`,
  CAST(NULL AS CHAR) AS `__cast_error`
FROM `chartshift_stage__legacy__cases` AS `cs_raw`;

-- specs/demo_clinic.mig:77: typed view legacy.auths
CREATE SQL SECURITY INVOKER VIEW `legacy__auths` AS
SELECT
  `cs_raw`.`__row`,
  NULLIF(`cs_raw`.`auth_no`, '') AS `auth_no`,
  NULLIF(`cs_raw`.`case_no`, '') AS `case_no`,
  CASE
    WHEN REGEXP_INSTR(
      CAST(TRIM(NULLIF(`cs_raw`.`visits_authorized`, '')) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
      '^[+\\-]?[0-9]{1,18}\\z'
    ) > 0
    THEN CAST(TRIM(NULLIF(`cs_raw`.`visits_authorized`, '')) AS SIGNED)
  END AS `visits_authorized`,
  NULLIF(`cs_raw`.`start_date`, '') AS `start_date`,
  NULLIF(`cs_raw`.`end_date`, '') AS `end_date`,
  CASE
    WHEN NOT NULLIF(`cs_raw`.`visits_authorized`, '') IS NULL
    AND CASE
      WHEN REGEXP_INSTR(
        CAST(TRIM(NULLIF(`cs_raw`.`visits_authorized`, '')) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
        '^[+\\-]?[0-9]{1,18}\\z'
      ) > 0
      THEN CAST(TRIM(NULLIF(`cs_raw`.`visits_authorized`, '')) AS SIGNED)
    END IS NULL
    THEN 'legacy.auths.visits_authorized is not a valid integer'
  END AS `__cast_error`
FROM `chartshift_stage__legacy__auths` AS `cs_raw`;

-- specs/demo_clinic.mig:86: typed view legacy.visits
CREATE SQL SECURITY INVOKER VIEW `legacy__visits` AS
SELECT
  `cs_raw`.`__row`,
  CASE
    WHEN REGEXP_INSTR(
      CAST(TRIM(NULLIF(`cs_raw`.`visit_id`, '')) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
      '^[+\\-]?[0-9]{1,18}\\z'
    ) > 0
    THEN CAST(TRIM(NULLIF(`cs_raw`.`visit_id`, '')) AS SIGNED)
  END AS `visit_id`,
  NULLIF(`cs_raw`.`case_no`, '') AS `case_no`,
  NULLIF(`cs_raw`.`pat_no`, '') AS `pat_no`,
  NULLIF(`cs_raw`.`prov_id`, '') AS `prov_id`,
  NULLIF(`cs_raw`.`dos`, '') AS `dos`,
  NULLIF(`cs_raw`.`status`, '') AS `status`,
  NULLIF(`cs_raw`.`cpt1`, '') AS `cpt1`,
  NULLIF(`cs_raw`.`units1`, '') AS `units1`,
  NULLIF(`cs_raw`.`mod1`, '') AS `mod1`,
  NULLIF(`cs_raw`.`amount1`, '') AS `amount1`,
  NULLIF(`cs_raw`.`cpt2`, '') AS `cpt2`,
  NULLIF(`cs_raw`.`units2`, '') AS `units2`,
  NULLIF(`cs_raw`.`mod2`, '') AS `mod2`,
  NULLIF(`cs_raw`.`amount2`, '') AS `amount2`,
  NULLIF(`cs_raw`.`cpt3`, '') AS `cpt3`,
  NULLIF(`cs_raw`.`units3`, '') AS `units3`,
  NULLIF(`cs_raw`.`mod3`, '') AS `mod3`,
  NULLIF(`cs_raw`.`amount3`, '') AS `amount3`,
  CASE
    WHEN NOT NULLIF(`cs_raw`.`visit_id`, '') IS NULL
    AND CASE
      WHEN REGEXP_INSTR(
        CAST(TRIM(NULLIF(`cs_raw`.`visit_id`, '')) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
        '^[+\\-]?[0-9]{1,18}\\z'
      ) > 0
      THEN CAST(TRIM(NULLIF(`cs_raw`.`visit_id`, '')) AS SIGNED)
    END IS NULL
    THEN 'legacy.visits.visit_id is not a valid integer'
  END AS `__cast_error`
FROM `chartshift_stage__legacy__visits` AS `cs_raw`;

-- specs/demo_clinic.mig:109: typed view legacy.notes
CREATE SQL SECURITY INVOKER VIEW `legacy__notes` AS
SELECT
  `cs_raw`.`__row`,
  NULLIF(`cs_raw`.`note_id`, '') AS `note_id`,
  CASE
    WHEN REGEXP_INSTR(
      CAST(TRIM(NULLIF(`cs_raw`.`visit_id`, '')) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
      '^[+\\-]?[0-9]{1,18}\\z'
    ) > 0
    THEN CAST(TRIM(NULLIF(`cs_raw`.`visit_id`, '')) AS SIGNED)
  END AS `visit_id`,
  NULLIF(`cs_raw`.`note_type`, '') AS `note_type`,
  NULLIF(`cs_raw`.`note_text`, '') AS `note_text`,
  CASE
    WHEN NOT NULLIF(`cs_raw`.`visit_id`, '') IS NULL
    AND CASE
      WHEN REGEXP_INSTR(
        CAST(TRIM(NULLIF(`cs_raw`.`visit_id`, '')) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
        '^[+\\-]?[0-9]{1,18}\\z'
      ) > 0
      THEN CAST(TRIM(NULLIF(`cs_raw`.`visit_id`, '')) AS SIGNED)
    END IS NULL
    THEN 'legacy.notes.visit_id is not a valid integer'
  END AS `__cast_error`
FROM `chartshift_stage__legacy__notes` AS `cs_raw`;

