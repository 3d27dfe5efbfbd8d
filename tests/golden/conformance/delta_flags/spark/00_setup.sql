-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/delta_flags.mig sha256 90cb70e9dea6053dba4ed49e5e3c74b76bcf1da0648d75285316f9b5561adbb9
-- 00_setup: schemas, crosswalks, fresh target and reject tables
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/delta_flags.mig`.


-- schema chartshift
CREATE SCHEMA IF NOT EXISTS `chartshift`;

-- schema chartshift_stage
CREATE SCHEMA IF NOT EXISTS `chartshift_stage`;

-- schema emr
CREATE SCHEMA IF NOT EXISTS `emr`;

-- schema legacy
CREATE SCHEMA IF NOT EXISTS `legacy`;

-- tests/conformance/specs/delta_flags.mig:34: persistent crosswalk for emr.patient: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__patient` (
  `legacy_key` STRING NOT NULL,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL
);

-- tests/conformance/specs/delta_flags.mig:34: this run's crosswalk
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__patient__cs_new`;

-- tests/conformance/specs/delta_flags.mig:34: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift`.`xwalk__emr__patient__cs_new` (
  `legacy_key` STRING NOT NULL,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL
);

-- tests/conformance/specs/delta_flags.mig:42: persistent crosswalk for emr.visit: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__visit` (
  `legacy_key` STRING NOT NULL,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL
);

-- tests/conformance/specs/delta_flags.mig:42: this run's crosswalk
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__visit__cs_new`;

-- tests/conformance/specs/delta_flags.mig:42: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift`.`xwalk__emr__visit__cs_new` (
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

-- tests/conformance/specs/delta_flags.mig:22: replace emr.patient
DROP TABLE IF EXISTS `emr`.`patient__cs_new`;

-- tests/conformance/specs/delta_flags.mig:22: target table emr.patient (keys and unique columns: 85_constraints)
CREATE TABLE `emr`.`patient__cs_new` (
  `id` BIGINT NOT NULL,
  `mrn` VARCHAR(10) NOT NULL,
  `name` VARCHAR(20),
  `status` VARCHAR(8) NOT NULL
);

-- tests/conformance/specs/delta_flags.mig:28: replace emr.visit
DROP TABLE IF EXISTS `emr`.`visit__cs_new`;

-- tests/conformance/specs/delta_flags.mig:28: target table emr.visit (keys and unique columns: 85_constraints)
CREATE TABLE `emr`.`visit__cs_new` (
  `id` BIGINT NOT NULL,
  `patient_id` BIGINT NOT NULL
);

-- tests/conformance/specs/delta_flags.mig:8: source state of legacy.patients (this run's)
DROP TABLE IF EXISTS `chartshift`.`state__legacy__patients__cs_new`;

-- tests/conformance/specs/delta_flags.mig:8: source state of legacy.patients: the rows the target is built from
CREATE TABLE `chartshift`.`state__legacy__patients__cs_new` (
  `__row` BIGINT NOT NULL,
  `pat_no` STRING,
  `name` STRING
);

-- tests/conformance/specs/delta_flags.mig:14: source state of legacy.visits (this run's)
DROP TABLE IF EXISTS `chartshift`.`state__legacy__visits__cs_new`;

-- tests/conformance/specs/delta_flags.mig:14: source state of legacy.visits: the rows the target is built from
CREATE TABLE `chartshift`.`state__legacy__visits__cs_new` (
  `__row` BIGINT NOT NULL,
  `visit_id` STRING,
  `pat_no` STRING
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

-- tests/conformance/specs/delta_flags.mig:8: typed view legacy.patients (re-created over the new staging)
DROP VIEW IF EXISTS `legacy`.`patients`;

-- tests/conformance/specs/delta_flags.mig:14: typed view legacy.visits (re-created over the new staging)
DROP VIEW IF EXISTS `legacy`.`visits`;

