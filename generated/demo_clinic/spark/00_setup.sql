-- chartshift 0.1.0 | dialect spark
-- spec specs/demo_clinic.mig sha256 a2d29e478bd0344673ca628df24d217e8057e79772da3f5917ea33a753acd32d
-- 00_setup: schemas, crosswalks, fresh target and reject tables
-- Generated file: do not edit. Regenerate with `chartshift compile specs/demo_clinic.mig`.


-- schema chartshift
CREATE SCHEMA IF NOT EXISTS `chartshift`;

-- schema chartshift_stage
CREATE SCHEMA IF NOT EXISTS `chartshift_stage`;

-- schema emr
CREATE SCHEMA IF NOT EXISTS `emr`;

-- schema legacy
CREATE SCHEMA IF NOT EXISTS `legacy`;

-- specs/demo_clinic.mig:235: persistent crosswalk for emr.practitioner: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__practitioner` (
  `legacy_key` STRING NOT NULL,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL
);

-- specs/demo_clinic.mig:235: this run's crosswalk
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__practitioner__cs_new`;

-- specs/demo_clinic.mig:235: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift`.`xwalk__emr__practitioner__cs_new` (
  `legacy_key` STRING NOT NULL,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL
);

-- specs/demo_clinic.mig:244: persistent crosswalk for emr.patient: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__patient` (
  `legacy_key` STRING NOT NULL,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL
);

-- specs/demo_clinic.mig:244: this run's crosswalk
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__patient__cs_new`;

-- specs/demo_clinic.mig:244: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift`.`xwalk__emr__patient__cs_new` (
  `legacy_key` STRING NOT NULL,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL
);

-- specs/demo_clinic.mig:268: persistent crosswalk for emr.coverage: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__coverage` (
  `legacy_key` STRING NOT NULL,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL
);

-- specs/demo_clinic.mig:268: this run's crosswalk
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__coverage__cs_new`;

-- specs/demo_clinic.mig:268: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift`.`xwalk__emr__coverage__cs_new` (
  `legacy_key` STRING NOT NULL,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL
);

-- specs/demo_clinic.mig:282: persistent crosswalk for emr.episode: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__episode` (
  `legacy_key` STRING NOT NULL,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL
);

-- specs/demo_clinic.mig:282: this run's crosswalk
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__episode__cs_new`;

-- specs/demo_clinic.mig:282: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift`.`xwalk__emr__episode__cs_new` (
  `legacy_key` STRING NOT NULL,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL
);

-- specs/demo_clinic.mig:294: persistent crosswalk for emr.diagnosis: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__diagnosis` (
  `legacy_key` STRING NOT NULL,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL
);

-- specs/demo_clinic.mig:294: this run's crosswalk
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__diagnosis__cs_new`;

-- specs/demo_clinic.mig:294: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift`.`xwalk__emr__diagnosis__cs_new` (
  `legacy_key` STRING NOT NULL,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL
);

-- specs/demo_clinic.mig:305: persistent crosswalk for emr.authorization: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__authorization` (
  `legacy_key` STRING NOT NULL,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL
);

-- specs/demo_clinic.mig:305: this run's crosswalk
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__authorization__cs_new`;

-- specs/demo_clinic.mig:305: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift`.`xwalk__emr__authorization__cs_new` (
  `legacy_key` STRING NOT NULL,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL
);

-- specs/demo_clinic.mig:315: persistent crosswalk for emr.encounter: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__encounter` (
  `legacy_key` STRING NOT NULL,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL
);

-- specs/demo_clinic.mig:315: this run's crosswalk
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__encounter__cs_new`;

-- specs/demo_clinic.mig:315: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift`.`xwalk__emr__encounter__cs_new` (
  `legacy_key` STRING NOT NULL,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL
);

-- specs/demo_clinic.mig:326: persistent crosswalk for emr.charge_line: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__charge_line` (
  `legacy_key` STRING NOT NULL,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL
);

-- specs/demo_clinic.mig:326: this run's crosswalk
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__charge_line__cs_new`;

-- specs/demo_clinic.mig:326: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift`.`xwalk__emr__charge_line__cs_new` (
  `legacy_key` STRING NOT NULL,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL
);

-- specs/demo_clinic.mig:344: persistent crosswalk for emr.clinical_note: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__clinical_note` (
  `legacy_key` STRING NOT NULL,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL
);

-- specs/demo_clinic.mig:344: this run's crosswalk
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__clinical_note__cs_new`;

-- specs/demo_clinic.mig:344: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift`.`xwalk__emr__clinical_note__cs_new` (
  `legacy_key` STRING NOT NULL,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL
);

-- rejects of this run
DROP TABLE IF EXISTS `chartshift`.`rejects__cs_new`;

-- one row per rejected source row (raw values kept for remediation)
CREATE TABLE `chartshift`.`rejects__cs_new` (
  `map` VARCHAR(200),
  `source_table` VARCHAR(200) NOT NULL,
  `source_key` STRING,
  `slot` INT,
  `record` BIGINT,
  `rule` VARCHAR(200) NOT NULL,
  `reason` VARCHAR(500) NOT NULL,
  `original_row` STRING,
  `reason_code` VARCHAR(40) NOT NULL,
  `source_file` VARCHAR(1000),
  `source_line` BIGINT,
  `byte_offset` BIGINT
);

-- reconciliation of this run
DROP TABLE IF EXISTS `chartshift`.`reconciliation__cs_new`;

-- one row per map, written at the end of the map: its accounting identity
CREATE TABLE `chartshift`.`reconciliation__cs_new` (
  `map` VARCHAR(200) NOT NULL,
  `source_table` VARCHAR(200) NOT NULL,
  `target_table` VARCHAR(200) NOT NULL,
  `source_rows` BIGINT NOT NULL,
  `loaded` BIGINT NOT NULL,
  `rejected` BIGINT NOT NULL,
  `filtered` BIGINT NOT NULL,
  `merged` BIGINT NOT NULL,
  `aggregated` BIGINT NOT NULL
);

-- specs/demo_clinic.mig:121: replace emr.practitioner
DROP TABLE IF EXISTS `emr`.`practitioner__cs_new`;

-- specs/demo_clinic.mig:121: target table emr.practitioner (keys and unique columns: 85_constraints)
CREATE TABLE `emr`.`practitioner__cs_new` (
  `id` BIGINT NOT NULL,
  `provider_code` VARCHAR(20) NOT NULL,
  `full_name` VARCHAR(100) NOT NULL,
  `credential` VARCHAR(10),
  `npi` VARCHAR(10) NOT NULL
);

-- specs/demo_clinic.mig:128: replace emr.patient
DROP TABLE IF EXISTS `emr`.`patient__cs_new`;

-- specs/demo_clinic.mig:128: target table emr.patient (keys and unique columns: 85_constraints)
CREATE TABLE `emr`.`patient__cs_new` (
  `id` BIGINT NOT NULL,
  `mrn` VARCHAR(20) NOT NULL,
  `first_name` VARCHAR(50) NOT NULL,
  `last_name` VARCHAR(50) NOT NULL,
  `middle_initial` VARCHAR(1),
  `birth_date` DATE,
  `sex` VARCHAR(7) NOT NULL,
  `ssn` VARCHAR(9),
  `address_line1` VARCHAR(100),
  `city` VARCHAR(50),
  `state` VARCHAR(2),
  `postal_code` VARCHAR(10),
  `phone` VARCHAR(10),
  `email` VARCHAR(100),
  `status` VARCHAR(8) NOT NULL
);

-- specs/demo_clinic.mig:145: replace emr.coverage
DROP TABLE IF EXISTS `emr`.`coverage__cs_new`;

-- specs/demo_clinic.mig:145: target table emr.coverage (keys and unique columns: 85_constraints)
CREATE TABLE `emr`.`coverage__cs_new` (
  `id` BIGINT NOT NULL,
  `patient_id` BIGINT NOT NULL,
  `payer_name` VARCHAR(100) NOT NULL,
  `payer_type` VARCHAR(20) NOT NULL,
  `member_id` VARCHAR(30),
  `group_no` VARCHAR(30),
  `priority` INT NOT NULL,
  `start_date` DATE,
  `end_date` DATE
);

-- specs/demo_clinic.mig:156: replace emr.episode
DROP TABLE IF EXISTS `emr`.`episode__cs_new`;

-- specs/demo_clinic.mig:156: target table emr.episode (keys and unique columns: 85_constraints)
CREATE TABLE `emr`.`episode__cs_new` (
  `id` BIGINT NOT NULL,
  `patient_id` BIGINT NOT NULL,
  `practitioner_id` BIGINT,
  `referring_physician` VARCHAR(100),
  `referring_npi` VARCHAR(10),
  `onset_date` DATE,
  `start_date` DATE
);

-- specs/demo_clinic.mig:165: replace emr.diagnosis
DROP TABLE IF EXISTS `emr`.`diagnosis__cs_new`;

-- specs/demo_clinic.mig:165: target table emr.diagnosis (keys and unique columns: 85_constraints)
CREATE TABLE `emr`.`diagnosis__cs_new` (
  `id` BIGINT NOT NULL,
  `episode_id` BIGINT NOT NULL,
  `seq` INT NOT NULL,
  `icd10_code` VARCHAR(8) NOT NULL
);

-- specs/demo_clinic.mig:171: replace emr.authorization
DROP TABLE IF EXISTS `emr`.`authorization__cs_new`;

-- specs/demo_clinic.mig:171: target table emr.authorization (keys and unique columns: 85_constraints)
CREATE TABLE `emr`.`authorization__cs_new` (
  `id` BIGINT NOT NULL,
  `episode_id` BIGINT NOT NULL,
  `auth_number` VARCHAR(30),
  `visits_authorized` INT,
  `start_date` DATE,
  `end_date` DATE
);

-- specs/demo_clinic.mig:179: replace emr.encounter
DROP TABLE IF EXISTS `emr`.`encounter__cs_new`;

-- specs/demo_clinic.mig:179: target table emr.encounter (keys and unique columns: 85_constraints)
CREATE TABLE `emr`.`encounter__cs_new` (
  `id` BIGINT NOT NULL,
  `patient_id` BIGINT NOT NULL,
  `episode_id` BIGINT,
  `practitioner_id` BIGINT,
  `service_date` DATE,
  `status` VARCHAR(10) NOT NULL
);

-- specs/demo_clinic.mig:187: replace emr.charge_line
DROP TABLE IF EXISTS `emr`.`charge_line__cs_new`;

-- specs/demo_clinic.mig:187: target table emr.charge_line (keys and unique columns: 85_constraints)
CREATE TABLE `emr`.`charge_line__cs_new` (
  `id` BIGINT NOT NULL,
  `encounter_id` BIGINT NOT NULL,
  `line_no` INT NOT NULL,
  `cpt` VARCHAR(5) NOT NULL,
  `units` INT NOT NULL,
  `modifier` VARCHAR(2),
  `amount` DECIMAL(10, 2)
);

-- specs/demo_clinic.mig:196: replace emr.clinical_note
DROP TABLE IF EXISTS `emr`.`clinical_note__cs_new`;

-- specs/demo_clinic.mig:196: target table emr.clinical_note (keys and unique columns: 85_constraints)
CREATE TABLE `emr`.`clinical_note__cs_new` (
  `id` BIGINT NOT NULL,
  `encounter_id` BIGINT NOT NULL,
  `note_type` VARCHAR(20) NOT NULL,
  `body` STRING
);

-- specs/demo_clinic.mig:14: source state of legacy.patients (this run's)
DROP TABLE IF EXISTS `chartshift`.`state__legacy__patients__cs_new`;

-- specs/demo_clinic.mig:14: source state of legacy.patients: the rows the target is built from
CREATE TABLE `chartshift`.`state__legacy__patients__cs_new` (
  `__row` BIGINT NOT NULL,
  `pat_no` STRING,
  `last_name` STRING,
  `first_name` STRING,
  `middle_initial` STRING,
  `dob` STRING,
  `sex` STRING,
  `ssn` STRING,
  `address1` STRING,
  `city` STRING,
  `state` STRING,
  `zip` STRING,
  `home_phone` STRING,
  `email` STRING,
  `status` STRING
);

-- specs/demo_clinic.mig:33: source state of legacy.providers (this run's)
DROP TABLE IF EXISTS `chartshift`.`state__legacy__providers__cs_new`;

-- specs/demo_clinic.mig:33: source state of legacy.providers: the rows the target is built from
CREATE TABLE `chartshift`.`state__legacy__providers__cs_new` (
  `__row` BIGINT NOT NULL,
  `prov_id` STRING,
  `name` STRING,
  `credential` STRING,
  `npi` STRING
);

-- specs/demo_clinic.mig:42: source state of legacy.payers (this run's)
DROP TABLE IF EXISTS `chartshift`.`state__legacy__payers__cs_new`;

-- specs/demo_clinic.mig:42: source state of legacy.payers: the rows the target is built from
CREATE TABLE `chartshift`.`state__legacy__payers__cs_new` (
  `__row` BIGINT NOT NULL,
  `payer_id` STRING,
  `payer_name` STRING,
  `payer_type` STRING
);

-- specs/demo_clinic.mig:49: source state of legacy.policies (this run's)
DROP TABLE IF EXISTS `chartshift`.`state__legacy__policies__cs_new`;

-- specs/demo_clinic.mig:49: source state of legacy.policies: the rows the target is built from
CREATE TABLE `chartshift`.`state__legacy__policies__cs_new` (
  `__row` BIGINT NOT NULL,
  `policy_id` STRING,
  `pat_no` STRING,
  `payer_id` STRING,
  `member_id` STRING,
  `group_no` STRING,
  `priority` STRING,
  `eff_date` STRING,
  `term_date` STRING
);

-- specs/demo_clinic.mig:61: source state of legacy.cases (this run's)
DROP TABLE IF EXISTS `chartshift`.`state__legacy__cases__cs_new`;

-- specs/demo_clinic.mig:61: source state of legacy.cases: the rows the target is built from
CREATE TABLE `chartshift`.`state__legacy__cases__cs_new` (
  `__row` BIGINT NOT NULL,
  `case_no` STRING,
  `pat_no` STRING,
  `therapist_id` STRING,
  `referring_physician` STRING,
  `referring_npi` STRING,
  `injury_date` STRING,
  `eval_date` STRING,
  `dx1` STRING,
  `dx2` STRING,
  `dx3` STRING,
  `dx4` STRING
);

-- specs/demo_clinic.mig:77: source state of legacy.auths (this run's)
DROP TABLE IF EXISTS `chartshift`.`state__legacy__auths__cs_new`;

-- specs/demo_clinic.mig:77: source state of legacy.auths: the rows the target is built from
CREATE TABLE `chartshift`.`state__legacy__auths__cs_new` (
  `__row` BIGINT NOT NULL,
  `auth_no` STRING,
  `case_no` STRING,
  `visits_authorized` STRING,
  `start_date` STRING,
  `end_date` STRING
);

-- specs/demo_clinic.mig:86: source state of legacy.visits (this run's)
DROP TABLE IF EXISTS `chartshift`.`state__legacy__visits__cs_new`;

-- specs/demo_clinic.mig:86: source state of legacy.visits: the rows the target is built from
CREATE TABLE `chartshift`.`state__legacy__visits__cs_new` (
  `__row` BIGINT NOT NULL,
  `visit_id` STRING,
  `case_no` STRING,
  `pat_no` STRING,
  `prov_id` STRING,
  `dos` STRING,
  `status` STRING,
  `cpt1` STRING,
  `units1` STRING,
  `mod1` STRING,
  `amount1` STRING,
  `cpt2` STRING,
  `units2` STRING,
  `mod2` STRING,
  `amount2` STRING,
  `cpt3` STRING,
  `units3` STRING,
  `mod3` STRING,
  `amount3` STRING
);

-- specs/demo_clinic.mig:109: source state of legacy.notes (this run's)
DROP TABLE IF EXISTS `chartshift`.`state__legacy__notes__cs_new`;

-- specs/demo_clinic.mig:109: source state of legacy.notes: the rows the target is built from
CREATE TABLE `chartshift`.`state__legacy__notes__cs_new` (
  `__row` BIGINT NOT NULL,
  `note_id` STRING,
  `visit_id` STRING,
  `note_type` STRING,
  `note_text` STRING
);

-- a full load starts a new extract history
DROP TABLE IF EXISTS `chartshift`.`extracts__cs_new`;

-- the extracts applied to this target, in order
CREATE TABLE `chartshift`.`extracts__cs_new` (
  `extract_id` VARCHAR(200) NOT NULL,
  `kind` VARCHAR(10) NOT NULL,
  `sequence` BIGINT,
  `extracted_at` VARCHAR(40),
  `files_sha256` VARCHAR(64) NOT NULL,
  `applied_at` VARCHAR(40) NOT NULL
);

-- a full run (or a first phase) starts the phase history
DROP TABLE IF EXISTS `chartshift`.`phases__cs_new`;

-- the phases run on this target, in order
CREATE TABLE `chartshift`.`phases__cs_new` (
  `phase` VARCHAR(200) NOT NULL,
  `ordinal` BIGINT NOT NULL,
  `files_sha256` VARCHAR(64) NOT NULL,
  `run_at` VARCHAR(40) NOT NULL
);

-- specs/demo_clinic.mig:210: lookup visit_status from lookups/visit_status.csv
DROP TABLE IF EXISTS `chartshift`.`lookup__visit_status`;

-- specs/demo_clinic.mig:210: lookup visit_status: 5 entries
CREATE TABLE `chartshift`.`lookup__visit_status` (
  `key` STRING NOT NULL,
  `value` VARCHAR(500)
);

-- specs/demo_clinic.mig:210: lookup visit_status rows 1-5
INSERT INTO `chartshift`.`lookup__visit_status` (
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
DROP VIEW IF EXISTS `legacy`.`patients`;

-- specs/demo_clinic.mig:33: typed view legacy.providers (re-created over the new staging)
DROP VIEW IF EXISTS `legacy`.`providers`;

-- specs/demo_clinic.mig:42: typed view legacy.payers (re-created over the new staging)
DROP VIEW IF EXISTS `legacy`.`payers`;

-- specs/demo_clinic.mig:49: typed view legacy.policies (re-created over the new staging)
DROP VIEW IF EXISTS `legacy`.`policies`;

-- specs/demo_clinic.mig:61: typed view legacy.cases (re-created over the new staging)
DROP VIEW IF EXISTS `legacy`.`cases`;

-- specs/demo_clinic.mig:77: typed view legacy.auths (re-created over the new staging)
DROP VIEW IF EXISTS `legacy`.`auths`;

-- specs/demo_clinic.mig:86: typed view legacy.visits (re-created over the new staging)
DROP VIEW IF EXISTS `legacy`.`visits`;

-- specs/demo_clinic.mig:109: typed view legacy.notes (re-created over the new staging)
DROP VIEW IF EXISTS `legacy`.`notes`;

