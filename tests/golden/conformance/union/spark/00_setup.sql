-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/union.mig sha256 f4f0c7f749348819348be7759974b473787842de922cd53ed8b7f2409529b83d
-- 00_setup: schemas, crosswalks, fresh target and reject tables
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/union.mig`.


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

-- tests/conformance/specs/union.mig:47: persistent crosswalk for emr.patient: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__patient` (
  `legacy_key` STRING NOT NULL,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL
);

-- tests/conformance/specs/union.mig:47: this run's crosswalk
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__patient__cs_new`;

-- tests/conformance/specs/union.mig:47: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift`.`xwalk__emr__patient__cs_new` (
  `legacy_key` STRING NOT NULL,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL
);

-- tests/conformance/specs/union.mig:63: persistent crosswalk for emr.encounter: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__encounter` (
  `legacy_key` STRING NOT NULL,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL
);

-- tests/conformance/specs/union.mig:63: this run's crosswalk
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__encounter__cs_new`;

-- tests/conformance/specs/union.mig:63: this run's crosswalk (renamed into place at the end)
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

-- tests/conformance/specs/union.mig:31: replace emr.patient
DROP TABLE IF EXISTS `emr`.`patient__cs_new`;

-- tests/conformance/specs/union.mig:31: target table emr.patient (keys and unique columns: 85_constraints)
CREATE TABLE `emr`.`patient__cs_new` (
  `id` BIGINT NOT NULL,
  `origin` VARCHAR(4) NOT NULL,
  `name` VARCHAR(20) NOT NULL,
  `email` STRING
);

-- tests/conformance/specs/union.mig:37: replace emr.encounter
DROP TABLE IF EXISTS `emr`.`encounter__cs_new`;

-- tests/conformance/specs/union.mig:37: target table emr.encounter (keys and unique columns: 85_constraints)
CREATE TABLE `emr`.`encounter__cs_new` (
  `id` BIGINT NOT NULL,
  `patient_id` BIGINT
);

-- tests/conformance/specs/union.mig:41: replace emr.contact
DROP TABLE IF EXISTS `emr`.`contact__cs_new`;

-- tests/conformance/specs/union.mig:41: target table emr.contact (keys and unique columns: 85_constraints)
CREATE TABLE `emr`.`contact__cs_new` (
  `code` VARCHAR(30) NOT NULL,
  `phone` VARCHAR(12) NOT NULL
);

-- tests/conformance/specs/union.mig:8: typed view sysA.patients (re-created over the new staging)
DROP VIEW IF EXISTS `sysA`.`patients`;

-- tests/conformance/specs/union.mig:17: typed view sysB.people (re-created over the new staging)
DROP VIEW IF EXISTS `sysB`.`people`;

-- tests/conformance/specs/union.mig:24: typed view sysB.visits (re-created over the new staging)
DROP VIEW IF EXISTS `sysB`.`visits`;

