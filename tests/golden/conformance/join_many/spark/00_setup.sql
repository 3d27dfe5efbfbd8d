-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/join_many.mig sha256 870919318f0282a26ca449b629644d14083271ed5560e5faff2347804ac13e8a
-- 00_setup: schemas, crosswalks, fresh target and reject tables
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/join_many.mig`.


-- schema chartshift
CREATE SCHEMA IF NOT EXISTS `chartshift`;

-- schema chartshift_stage
CREATE SCHEMA IF NOT EXISTS `chartshift_stage`;

-- schema emr
CREATE SCHEMA IF NOT EXISTS `emr`;

-- schema legacy
CREATE SCHEMA IF NOT EXISTS `legacy`;

-- tests/conformance/specs/join_many.mig:53: persistent crosswalk for emr.visit_code: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__visit_code` (
  `legacy_key` STRING NOT NULL,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL
);

-- tests/conformance/specs/join_many.mig:53: this run's crosswalk
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__visit_code__cs_new`;

-- tests/conformance/specs/join_many.mig:53: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift`.`xwalk__emr__visit_code__cs_new` (
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

-- tests/conformance/specs/join_many.mig:26: replace emr.visit_code
DROP TABLE IF EXISTS `emr`.`visit_code__cs_new`;

-- tests/conformance/specs/join_many.mig:26: target table emr.visit_code (keys and unique columns: 85_constraints)
CREATE TABLE `emr`.`visit_code__cs_new` (
  `id` BIGINT NOT NULL,
  `visit_id` STRING NOT NULL,
  `std_code` STRING
);

-- tests/conformance/specs/join_many.mig:31: replace emr.visit_line
DROP TABLE IF EXISTS `emr`.`visit_line__cs_new`;

-- tests/conformance/specs/join_many.mig:31: target table emr.visit_line (keys and unique columns: 85_constraints)
CREATE TABLE `emr`.`visit_line__cs_new` (
  `visit_id` STRING NOT NULL,
  `std_code` STRING
);

-- tests/conformance/specs/join_many.mig:35: replace emr.visit
DROP TABLE IF EXISTS `emr`.`visit__cs_new`;

-- tests/conformance/specs/join_many.mig:35: target table emr.visit (keys and unique columns: 85_constraints)
CREATE TABLE `emr`.`visit__cs_new` (
  `visit_id` STRING NOT NULL,
  `payer` STRING
);

-- tests/conformance/specs/join_many.mig:39: replace emr.visit_payer
DROP TABLE IF EXISTS `emr`.`visit_payer__cs_new`;

-- tests/conformance/specs/join_many.mig:39: target table emr.visit_payer (keys and unique columns: 85_constraints)
CREATE TABLE `emr`.`visit_payer__cs_new` (
  `visit_id` STRING NOT NULL,
  `payer` STRING
);

-- tests/conformance/specs/join_many.mig:43: replace emr.visit_slot
DROP TABLE IF EXISTS `emr`.`visit_slot__cs_new`;

-- tests/conformance/specs/join_many.mig:43: target table emr.visit_slot (keys and unique columns: 85_constraints)
CREATE TABLE `emr`.`visit_slot__cs_new` (
  `visit_id` STRING NOT NULL,
  `std_code` STRING,
  `payer` STRING,
  `label` STRING,
  `slot` INT
);

-- tests/conformance/specs/join_many.mig:8: typed view legacy.visits (re-created over the new staging)
DROP VIEW IF EXISTS `legacy`.`visits`;

-- tests/conformance/specs/join_many.mig:13: typed view legacy.code_map (re-created over the new staging)
DROP VIEW IF EXISTS `legacy`.`code_map`;

-- tests/conformance/specs/join_many.mig:19: typed view legacy.payers (re-created over the new staging)
DROP VIEW IF EXISTS `legacy`.`payers`;

