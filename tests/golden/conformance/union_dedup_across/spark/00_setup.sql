-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/union_dedup_across.mig sha256 d403414e675e6481a01b585a448e07c46d785cfd5d1d9e793cc5adbad40b6b48
-- 00_setup: schemas, crosswalks, fresh target and reject tables
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/union_dedup_across.mig`.


-- schema chartshift
CREATE SCHEMA IF NOT EXISTS `chartshift`;

-- schema chartshift_stage
CREATE SCHEMA IF NOT EXISTS `chartshift_stage`;

-- schema emr
CREATE SCHEMA IF NOT EXISTS `emr`;

-- schema sysA
CREATE SCHEMA IF NOT EXISTS `sysA`;

-- schema sysB
CREATE SCHEMA IF NOT EXISTS `sysB`;

-- schema sysC
CREATE SCHEMA IF NOT EXISTS `sysC`;

-- tests/conformance/specs/union_dedup_across.mig:48: persistent crosswalk for emr.patient: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__patient` (
  `legacy_key` STRING NOT NULL,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL
);

-- tests/conformance/specs/union_dedup_across.mig:48: this run's crosswalk
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__patient__cs_new`;

-- tests/conformance/specs/union_dedup_across.mig:48: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift`.`xwalk__emr__patient__cs_new` (
  `legacy_key` STRING NOT NULL,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL
);

-- tests/conformance/specs/union_dedup_across.mig:74: persistent crosswalk for emr.encounter: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__encounter` (
  `legacy_key` STRING NOT NULL,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL
);

-- tests/conformance/specs/union_dedup_across.mig:74: this run's crosswalk
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__encounter__cs_new`;

-- tests/conformance/specs/union_dedup_across.mig:74: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift`.`xwalk__emr__encounter__cs_new` (
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

-- tests/conformance/specs/union_dedup_across.mig:36: replace emr.patient
DROP TABLE IF EXISTS `emr`.`patient__cs_new`;

-- tests/conformance/specs/union_dedup_across.mig:36: target table emr.patient (keys and unique columns: 85_constraints)
CREATE TABLE `emr`.`patient__cs_new` (
  `id` BIGINT NOT NULL,
  `last_name` STRING NOT NULL,
  `birth_date` DATE,
  `origin` STRING
);

-- tests/conformance/specs/union_dedup_across.mig:42: replace emr.encounter
DROP TABLE IF EXISTS `emr`.`encounter__cs_new`;

-- tests/conformance/specs/union_dedup_across.mig:42: target table emr.encounter (keys and unique columns: 85_constraints)
CREATE TABLE `emr`.`encounter__cs_new` (
  `id` BIGINT NOT NULL,
  `patient_id` BIGINT
);

-- tests/conformance/specs/union_dedup_across.mig:7: typed view sysA.patients (re-created over the new staging)
DROP VIEW IF EXISTS `sysA`.`patients`;

-- tests/conformance/specs/union_dedup_across.mig:16: typed view sysB.clients (re-created over the new staging)
DROP VIEW IF EXISTS `sysB`.`clients`;

-- tests/conformance/specs/union_dedup_across.mig:21: typed view sysB.visits (re-created over the new staging)
DROP VIEW IF EXISTS `sysB`.`visits`;

-- tests/conformance/specs/union_dedup_across.mig:28: typed view sysC.people (re-created over the new staging)
DROP VIEW IF EXISTS `sysC`.`people`;

