-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/group_by.mig sha256 8c97e61b28d6ea83244c7b367f812e592a33e711e4ebea957a4e55ed55be9144
-- 00_setup: schemas, crosswalks, fresh target and reject tables
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/group_by.mig`.


-- schema chartshift
CREATE SCHEMA IF NOT EXISTS `chartshift`;

-- schema chartshift_stage
CREATE SCHEMA IF NOT EXISTS `chartshift_stage`;

-- schema emr
CREATE SCHEMA IF NOT EXISTS `emr`;

-- schema legacy
CREATE SCHEMA IF NOT EXISTS `legacy`;

-- tests/conformance/specs/group_by.mig:44: persistent crosswalk for emr.observation_period: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__observation_period` (
  `legacy_key` STRING NOT NULL,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL
);

-- tests/conformance/specs/group_by.mig:44: this run's crosswalk
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__observation_period__cs_new`;

-- tests/conformance/specs/group_by.mig:44: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift`.`xwalk__emr__observation_period__cs_new` (
  `legacy_key` STRING NOT NULL,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL
);

-- tests/conformance/specs/group_by.mig:63: persistent crosswalk for emr.location: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__location` (
  `legacy_key` STRING NOT NULL,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL
);

-- tests/conformance/specs/group_by.mig:63: this run's crosswalk
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__location__cs_new`;

-- tests/conformance/specs/group_by.mig:63: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift`.`xwalk__emr__location__cs_new` (
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

-- tests/conformance/specs/group_by.mig:22: replace emr.observation_period
DROP TABLE IF EXISTS `emr`.`observation_period__cs_new`;

-- tests/conformance/specs/group_by.mig:22: target table emr.observation_period (keys and unique columns: 85_constraints)
CREATE TABLE `emr`.`observation_period__cs_new` (
  `id` BIGINT NOT NULL,
  `patient` VARCHAR(10),
  `first_visit` DATE,
  `last_visit` DATE,
  `visits` BIGINT NOT NULL,
  `dated_visits` BIGINT,
  `units_total` BIGINT,
  `amount_total` DECIMAL(10, 2),
  `fewest_units` INT,
  `last_name_az` STRING,
  `first_therapist` STRING,
  `last_therapist` STRING,
  `therapists` STRING
);

-- tests/conformance/specs/group_by.mig:37: replace emr.location
DROP TABLE IF EXISTS `emr`.`location__cs_new`;

-- tests/conformance/specs/group_by.mig:37: target table emr.location (keys and unique columns: 85_constraints)
CREATE TABLE `emr`.`location__cs_new` (
  `id` BIGINT NOT NULL,
  `address` VARCHAR(40) NOT NULL,
  `city` VARCHAR(30)
);

-- tests/conformance/specs/group_by.mig:8: typed view legacy.visits (re-created over the new staging)
DROP VIEW IF EXISTS `legacy`.`visits`;

