-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/field_refs.mig sha256 3459ae121f9369ccee597af25c9cbb341b7c74191a64230c0ef945be759a18ca
-- 00_setup: schemas, crosswalks, fresh target and reject tables
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/field_refs.mig`.


-- schema chartshift
CREATE SCHEMA IF NOT EXISTS `chartshift`;

-- schema chartshift_stage
CREATE SCHEMA IF NOT EXISTS `chartshift_stage`;

-- schema emr
CREATE SCHEMA IF NOT EXISTS `emr`;

-- schema legacy
CREATE SCHEMA IF NOT EXISTS `legacy`;

-- tests/conformance/specs/field_refs.mig:44: persistent crosswalk for emr.patient: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__patient` (
  `legacy_key` STRING NOT NULL,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL
);

-- tests/conformance/specs/field_refs.mig:44: this run's crosswalk
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__patient__cs_new`;

-- tests/conformance/specs/field_refs.mig:44: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift`.`xwalk__emr__patient__cs_new` (
  `legacy_key` STRING NOT NULL,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL
);

-- tests/conformance/specs/field_refs.mig:52: persistent crosswalk for emr.visit: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__visit` (
  `legacy_key` STRING NOT NULL,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL
);

-- tests/conformance/specs/field_refs.mig:52: this run's crosswalk
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__visit__cs_new`;

-- tests/conformance/specs/field_refs.mig:52: this run's crosswalk (renamed into place at the end)
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

-- tests/conformance/specs/field_refs.mig:22: replace emr.patient
DROP TABLE IF EXISTS `emr`.`patient__cs_new`;

-- tests/conformance/specs/field_refs.mig:22: target table emr.patient (keys and unique columns: 85_constraints)
CREATE TABLE `emr`.`patient__cs_new` (
  `id` BIGINT NOT NULL,
  `mrn` VARCHAR(10) NOT NULL,
  `name` STRING,
  `status` STRING
);

-- tests/conformance/specs/field_refs.mig:28: replace emr.visit
DROP TABLE IF EXISTS `emr`.`visit__cs_new`;

-- tests/conformance/specs/field_refs.mig:28: target table emr.visit (keys and unique columns: 85_constraints)
CREATE TABLE `emr`.`visit__cs_new` (
  `id` BIGINT NOT NULL,
  `patient_ref` BIGINT,
  `patient_id` BIGINT,
  `unit_count` INT,
  `double_units` INT,
  `label` STRING,
  `kind_label` STRING
);

-- tests/conformance/specs/field_refs.mig:7: typed view legacy.patients (re-created over the new staging)
DROP VIEW IF EXISTS `legacy`.`patients`;

-- tests/conformance/specs/field_refs.mig:12: typed view legacy.visits (re-created over the new staging)
DROP VIEW IF EXISTS `legacy`.`visits`;

