-- chartshift 0.1.0 | dialect mysql
-- spec specs/demo_clinic.mig sha256 a2d29e478bd0344673ca628df24d217e8057e79772da3f5917ea33a753acd32d
-- 00_setup: schemas, crosswalks, fresh target and reject tables
-- Generated file: do not edit. Regenerate with `chartshift compile specs/demo_clinic.mig`.


-- session setting optimizer_switch (the dialect record says why)
SET SESSION `optimizer_switch` = 'derived_merge=off';

-- specs/demo_clinic.mig:235: persistent crosswalk for emr.practitioner: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__practitioner` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- specs/demo_clinic.mig:235: this run's crosswalk
DROP TABLE IF EXISTS `chartshift__xwalk__emr__practitioner__cs_new`;

-- specs/demo_clinic.mig:235: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift__xwalk__emr__practitioner__cs_new` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- specs/demo_clinic.mig:244: persistent crosswalk for emr.patient: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__patient` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- specs/demo_clinic.mig:244: this run's crosswalk
DROP TABLE IF EXISTS `chartshift__xwalk__emr__patient__cs_new`;

-- specs/demo_clinic.mig:244: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift__xwalk__emr__patient__cs_new` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- specs/demo_clinic.mig:268: persistent crosswalk for emr.coverage: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__coverage` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- specs/demo_clinic.mig:268: this run's crosswalk
DROP TABLE IF EXISTS `chartshift__xwalk__emr__coverage__cs_new`;

-- specs/demo_clinic.mig:268: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift__xwalk__emr__coverage__cs_new` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- specs/demo_clinic.mig:282: persistent crosswalk for emr.episode: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__episode` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- specs/demo_clinic.mig:282: this run's crosswalk
DROP TABLE IF EXISTS `chartshift__xwalk__emr__episode__cs_new`;

-- specs/demo_clinic.mig:282: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift__xwalk__emr__episode__cs_new` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- specs/demo_clinic.mig:294: persistent crosswalk for emr.diagnosis: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__diagnosis` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- specs/demo_clinic.mig:294: this run's crosswalk
DROP TABLE IF EXISTS `chartshift__xwalk__emr__diagnosis__cs_new`;

-- specs/demo_clinic.mig:294: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift__xwalk__emr__diagnosis__cs_new` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- specs/demo_clinic.mig:305: persistent crosswalk for emr.authorization: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__authorization` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- specs/demo_clinic.mig:305: this run's crosswalk
DROP TABLE IF EXISTS `chartshift__xwalk__emr__authorization__cs_new`;

-- specs/demo_clinic.mig:305: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift__xwalk__emr__authorization__cs_new` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- specs/demo_clinic.mig:315: persistent crosswalk for emr.encounter: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__encounter` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- specs/demo_clinic.mig:315: this run's crosswalk
DROP TABLE IF EXISTS `chartshift__xwalk__emr__encounter__cs_new`;

-- specs/demo_clinic.mig:315: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift__xwalk__emr__encounter__cs_new` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- specs/demo_clinic.mig:326: persistent crosswalk for emr.charge_line: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__charge_line` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- specs/demo_clinic.mig:326: this run's crosswalk
DROP TABLE IF EXISTS `chartshift__xwalk__emr__charge_line__cs_new`;

-- specs/demo_clinic.mig:326: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift__xwalk__emr__charge_line__cs_new` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- specs/demo_clinic.mig:344: persistent crosswalk for emr.clinical_note: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__clinical_note` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- specs/demo_clinic.mig:344: this run's crosswalk
DROP TABLE IF EXISTS `chartshift__xwalk__emr__clinical_note__cs_new`;

-- specs/demo_clinic.mig:344: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift__xwalk__emr__clinical_note__cs_new` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- rejects of this run
DROP TABLE IF EXISTS `chartshift__rejects__cs_new`;

-- one row per rejected source row (raw values kept for remediation)
CREATE TABLE `chartshift__rejects__cs_new` (
  `map` VARCHAR(200) COLLATE `utf8mb4_nopad_bin`,
  `source_table` VARCHAR(200) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `source_key` VARCHAR(255) COLLATE `utf8mb4_nopad_bin`,
  `slot` INT,
  `record` BIGINT,
  `rule` VARCHAR(200) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `reason` VARCHAR(500) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `original_row` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `reason_code` VARCHAR(40) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `source_file` VARCHAR(1000) COLLATE `utf8mb4_nopad_bin`,
  `source_line` BIGINT,
  `byte_offset` BIGINT
);

-- reconciliation of this run
DROP TABLE IF EXISTS `chartshift__reconciliation__cs_new`;

-- one row per map, written at the end of the map: its accounting identity
CREATE TABLE `chartshift__reconciliation__cs_new` (
  `map` VARCHAR(200) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `source_table` VARCHAR(200) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `target_table` VARCHAR(200) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `source_rows` BIGINT NOT NULL,
  `loaded` BIGINT NOT NULL,
  `rejected` BIGINT NOT NULL,
  `filtered` BIGINT NOT NULL,
  `merged` BIGINT NOT NULL,
  `aggregated` BIGINT NOT NULL
);

-- specs/demo_clinic.mig:121: replace emr.practitioner
DROP TABLE IF EXISTS `emr__practitioner__cs_new`;

-- specs/demo_clinic.mig:121: target table emr.practitioner
CREATE TABLE `emr__practitioner__cs_new` (
  `id` BIGINT NOT NULL,
  `provider_code` VARCHAR(20) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `full_name` VARCHAR(100) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `credential` VARCHAR(10) COLLATE `utf8mb4_nopad_bin`,
  `npi` CHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`id`),
  UNIQUE (
    `provider_code`
  )
);

-- specs/demo_clinic.mig:128: replace emr.patient
DROP TABLE IF EXISTS `emr__patient__cs_new`;

-- specs/demo_clinic.mig:128: target table emr.patient
CREATE TABLE `emr__patient__cs_new` (
  `id` BIGINT NOT NULL,
  `mrn` VARCHAR(20) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `first_name` VARCHAR(50) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `last_name` VARCHAR(50) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `middle_initial` CHAR(1) COLLATE `utf8mb4_nopad_bin`,
  `birth_date` DATE,
  `sex` VARCHAR(7) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `ssn` CHAR(9) COLLATE `utf8mb4_nopad_bin`,
  `address_line1` VARCHAR(100) COLLATE `utf8mb4_nopad_bin`,
  `city` VARCHAR(50) COLLATE `utf8mb4_nopad_bin`,
  `state` CHAR(2) COLLATE `utf8mb4_nopad_bin`,
  `postal_code` VARCHAR(10) COLLATE `utf8mb4_nopad_bin`,
  `phone` CHAR(10) COLLATE `utf8mb4_nopad_bin`,
  `email` VARCHAR(100) COLLATE `utf8mb4_nopad_bin`,
  `status` VARCHAR(8) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`id`),
  UNIQUE (
    `mrn`
  )
);

-- specs/demo_clinic.mig:145: replace emr.coverage
DROP TABLE IF EXISTS `emr__coverage__cs_new`;

-- specs/demo_clinic.mig:145: target table emr.coverage
CREATE TABLE `emr__coverage__cs_new` (
  `id` BIGINT NOT NULL,
  `patient_id` BIGINT NOT NULL,
  `payer_name` VARCHAR(100) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `payer_type` VARCHAR(20) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `member_id` VARCHAR(30) COLLATE `utf8mb4_nopad_bin`,
  `group_no` VARCHAR(30) COLLATE `utf8mb4_nopad_bin`,
  `priority` INT NOT NULL,
  `start_date` DATE,
  `end_date` DATE,
  PRIMARY KEY (`id`)
);

-- specs/demo_clinic.mig:156: replace emr.episode
DROP TABLE IF EXISTS `emr__episode__cs_new`;

-- specs/demo_clinic.mig:156: target table emr.episode
CREATE TABLE `emr__episode__cs_new` (
  `id` BIGINT NOT NULL,
  `patient_id` BIGINT NOT NULL,
  `practitioner_id` BIGINT,
  `referring_physician` VARCHAR(100) COLLATE `utf8mb4_nopad_bin`,
  `referring_npi` CHAR(10) COLLATE `utf8mb4_nopad_bin`,
  `onset_date` DATE,
  `start_date` DATE,
  PRIMARY KEY (`id`)
);

-- specs/demo_clinic.mig:165: replace emr.diagnosis
DROP TABLE IF EXISTS `emr__diagnosis__cs_new`;

-- specs/demo_clinic.mig:165: target table emr.diagnosis
CREATE TABLE `emr__diagnosis__cs_new` (
  `id` BIGINT NOT NULL,
  `episode_id` BIGINT NOT NULL,
  `seq` INT NOT NULL,
  `icd10_code` VARCHAR(8) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`id`)
);

-- specs/demo_clinic.mig:171: replace emr.authorization
DROP TABLE IF EXISTS `emr__authorization__cs_new`;

-- specs/demo_clinic.mig:171: target table emr.authorization
CREATE TABLE `emr__authorization__cs_new` (
  `id` BIGINT NOT NULL,
  `episode_id` BIGINT NOT NULL,
  `auth_number` VARCHAR(30) COLLATE `utf8mb4_nopad_bin`,
  `visits_authorized` INT,
  `start_date` DATE,
  `end_date` DATE,
  PRIMARY KEY (`id`)
);

-- specs/demo_clinic.mig:179: replace emr.encounter
DROP TABLE IF EXISTS `emr__encounter__cs_new`;

-- specs/demo_clinic.mig:179: target table emr.encounter
CREATE TABLE `emr__encounter__cs_new` (
  `id` BIGINT NOT NULL,
  `patient_id` BIGINT NOT NULL,
  `episode_id` BIGINT,
  `practitioner_id` BIGINT,
  `service_date` DATE,
  `status` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`id`)
);

-- specs/demo_clinic.mig:187: replace emr.charge_line
DROP TABLE IF EXISTS `emr__charge_line__cs_new`;

-- specs/demo_clinic.mig:187: target table emr.charge_line
CREATE TABLE `emr__charge_line__cs_new` (
  `id` BIGINT NOT NULL,
  `encounter_id` BIGINT NOT NULL,
  `line_no` INT NOT NULL,
  `cpt` CHAR(5) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `units` INT NOT NULL,
  `modifier` VARCHAR(2) COLLATE `utf8mb4_nopad_bin`,
  `amount` DECIMAL(10, 2),
  PRIMARY KEY (`id`)
);

-- specs/demo_clinic.mig:196: replace emr.clinical_note
DROP TABLE IF EXISTS `emr__clinical_note__cs_new`;

-- specs/demo_clinic.mig:196: target table emr.clinical_note
CREATE TABLE `emr__clinical_note__cs_new` (
  `id` BIGINT NOT NULL,
  `encounter_id` BIGINT NOT NULL,
  `note_type` VARCHAR(20) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `body` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`id`)
);

-- specs/demo_clinic.mig:14: source state of legacy.patients (this run's)
DROP TABLE IF EXISTS `chartshift__state__legacy__patients__cs_new`;

-- specs/demo_clinic.mig:14: source state of legacy.patients: the rows the target is built from
CREATE TABLE `chartshift__state__legacy__patients__cs_new` (
  `__row` BIGINT NOT NULL,
  `pat_no` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `last_name` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `first_name` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `middle_initial` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `dob` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `sex` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `ssn` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `address1` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `city` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `state` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `zip` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `home_phone` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `email` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `status` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`__row`)
);

-- specs/demo_clinic.mig:33: source state of legacy.providers (this run's)
DROP TABLE IF EXISTS `chartshift__state__legacy__providers__cs_new`;

-- specs/demo_clinic.mig:33: source state of legacy.providers: the rows the target is built from
CREATE TABLE `chartshift__state__legacy__providers__cs_new` (
  `__row` BIGINT NOT NULL,
  `prov_id` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `name` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `credential` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `npi` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`__row`)
);

-- specs/demo_clinic.mig:42: source state of legacy.payers (this run's)
DROP TABLE IF EXISTS `chartshift__state__legacy__payers__cs_new`;

-- specs/demo_clinic.mig:42: source state of legacy.payers: the rows the target is built from
CREATE TABLE `chartshift__state__legacy__payers__cs_new` (
  `__row` BIGINT NOT NULL,
  `payer_id` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `payer_name` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `payer_type` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`__row`)
);

-- specs/demo_clinic.mig:49: source state of legacy.policies (this run's)
DROP TABLE IF EXISTS `chartshift__state__legacy__policies__cs_new`;

-- specs/demo_clinic.mig:49: source state of legacy.policies: the rows the target is built from
CREATE TABLE `chartshift__state__legacy__policies__cs_new` (
  `__row` BIGINT NOT NULL,
  `policy_id` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `pat_no` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `payer_id` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `member_id` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `group_no` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `priority` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `eff_date` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `term_date` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`__row`)
);

-- specs/demo_clinic.mig:61: source state of legacy.cases (this run's)
DROP TABLE IF EXISTS `chartshift__state__legacy__cases__cs_new`;

-- specs/demo_clinic.mig:61: source state of legacy.cases: the rows the target is built from
CREATE TABLE `chartshift__state__legacy__cases__cs_new` (
  `__row` BIGINT NOT NULL,
  `case_no` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `pat_no` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `therapist_id` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `referring_physician` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `referring_npi` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `injury_date` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `eval_date` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `dx1` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `dx2` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `dx3` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `dx4` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`__row`)
);

-- specs/demo_clinic.mig:77: source state of legacy.auths (this run's)
DROP TABLE IF EXISTS `chartshift__state__legacy__auths__cs_new`;

-- specs/demo_clinic.mig:77: source state of legacy.auths: the rows the target is built from
CREATE TABLE `chartshift__state__legacy__auths__cs_new` (
  `__row` BIGINT NOT NULL,
  `auth_no` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `case_no` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `visits_authorized` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `start_date` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `end_date` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`__row`)
);

-- specs/demo_clinic.mig:86: source state of legacy.visits (this run's)
DROP TABLE IF EXISTS `chartshift__state__legacy__visits__cs_new`;

-- specs/demo_clinic.mig:86: source state of legacy.visits: the rows the target is built from
CREATE TABLE `chartshift__state__legacy__visits__cs_new` (
  `__row` BIGINT NOT NULL,
  `visit_id` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `case_no` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `pat_no` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `prov_id` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `dos` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `status` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `cpt1` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `units1` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `mod1` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `amount1` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `cpt2` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `units2` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `mod2` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `amount2` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `cpt3` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `units3` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `mod3` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `amount3` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`__row`)
);

-- specs/demo_clinic.mig:109: source state of legacy.notes (this run's)
DROP TABLE IF EXISTS `chartshift__state__legacy__notes__cs_new`;

-- specs/demo_clinic.mig:109: source state of legacy.notes: the rows the target is built from
CREATE TABLE `chartshift__state__legacy__notes__cs_new` (
  `__row` BIGINT NOT NULL,
  `note_id` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `visit_id` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `note_type` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `note_text` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`__row`)
);

-- a full load starts a new extract history
DROP TABLE IF EXISTS `chartshift__extracts__cs_new`;

-- the extracts applied to this target, in order
CREATE TABLE `chartshift__extracts__cs_new` (
  `extract_id` VARCHAR(200) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `kind` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `sequence` BIGINT,
  `extracted_at` VARCHAR(40) COLLATE `utf8mb4_nopad_bin`,
  `files_sha256` VARCHAR(64) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `applied_at` VARCHAR(40) NOT NULL COLLATE `utf8mb4_nopad_bin`
);

-- a full run (or a first phase) starts the phase history
DROP TABLE IF EXISTS `chartshift__phases__cs_new`;

-- the phases run on this target, in order
CREATE TABLE `chartshift__phases__cs_new` (
  `phase` VARCHAR(200) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `ordinal` BIGINT NOT NULL,
  `files_sha256` VARCHAR(64) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `run_at` VARCHAR(40) NOT NULL COLLATE `utf8mb4_nopad_bin`
);

-- specs/demo_clinic.mig:210: lookup visit_status from lookups/visit_status.csv
DROP TABLE IF EXISTS `chartshift__lookup__visit_status`;

-- specs/demo_clinic.mig:210: lookup visit_status: 5 entries
CREATE TABLE `chartshift__lookup__visit_status` (
  `key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `value` VARCHAR(500) COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`key`)
);

-- specs/demo_clinic.mig:210: lookup visit_status rows 1-5
INSERT INTO `chartshift__lookup__visit_status` (
  `key`,
  `value`
)
VALUES
  ('CANCELED', 'cancelled'),
  ('CANCELLED', 'cancelled'),
  ('COMPLETED', 'completed'),
  ('NO SHOW', 'no-show'),
  ('NOSHOW', 'no-show');

-- specs/demo_clinic.mig:14: typed view legacy.patients (re-created over the new staging)
DROP VIEW IF EXISTS `legacy__patients`;

-- specs/demo_clinic.mig:33: typed view legacy.providers (re-created over the new staging)
DROP VIEW IF EXISTS `legacy__providers`;

-- specs/demo_clinic.mig:42: typed view legacy.payers (re-created over the new staging)
DROP VIEW IF EXISTS `legacy__payers`;

-- specs/demo_clinic.mig:49: typed view legacy.policies (re-created over the new staging)
DROP VIEW IF EXISTS `legacy__policies`;

-- specs/demo_clinic.mig:61: typed view legacy.cases (re-created over the new staging)
DROP VIEW IF EXISTS `legacy__cases`;

-- specs/demo_clinic.mig:77: typed view legacy.auths (re-created over the new staging)
DROP VIEW IF EXISTS `legacy__auths`;

-- specs/demo_clinic.mig:86: typed view legacy.visits (re-created over the new staging)
DROP VIEW IF EXISTS `legacy__visits`;

-- specs/demo_clinic.mig:109: typed view legacy.notes (re-created over the new staging)
DROP VIEW IF EXISTS `legacy__notes`;

