-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/sequencing.mig sha256 7e803c579d3eb4858a45cff96754db6881678ee54683536e2a3afb747c8dd134
-- 00_setup: schemas, crosswalks, fresh target and reject tables
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/sequencing.mig`.


-- schema chartshift
CREATE SCHEMA IF NOT EXISTS `chartshift`;

-- schema chartshift_stage
CREATE SCHEMA IF NOT EXISTS `chartshift_stage`;

-- schema emr
CREATE SCHEMA IF NOT EXISTS `emr`;

-- schema legacy
CREATE SCHEMA IF NOT EXISTS `legacy`;

-- tests/conformance/specs/sequencing.mig:39: persistent crosswalk for emr.visit: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__visit` (
  `legacy_key` STRING NOT NULL,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL
);

-- tests/conformance/specs/sequencing.mig:39: this run's crosswalk
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__visit__cs_new`;

-- tests/conformance/specs/sequencing.mig:39: this run's crosswalk (renamed into place at the end)
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

-- tests/conformance/specs/sequencing.mig:22: replace emr.visit
DROP TABLE IF EXISTS `emr`.`visit__cs_new`;

-- tests/conformance/specs/sequencing.mig:22: target table emr.visit (keys and unique columns: 85_constraints)
CREATE TABLE `emr`.`visit__cs_new` (
  `id` BIGINT NOT NULL,
  `visit_id` STRING NOT NULL,
  `episode_id` STRING,
  `seq` INT,
  `seq_desc` INT,
  `prev_date` DATE,
  `next_date` DATE,
  `two_back` DATE,
  `same_day_er` BOOLEAN
);

-- tests/conformance/specs/sequencing.mig:33: replace emr.kept_visit
DROP TABLE IF EXISTS `emr`.`kept_visit__cs_new`;

-- tests/conformance/specs/sequencing.mig:33: target table emr.kept_visit (keys and unique columns: 85_constraints)
CREATE TABLE `emr`.`kept_visit__cs_new` (
  `visit_id` STRING NOT NULL,
  `first` BOOLEAN
);

-- tests/conformance/specs/sequencing.mig:9: typed view legacy.visits (re-created over the new staging)
DROP VIEW IF EXISTS `legacy`.`visits`;

-- tests/conformance/specs/sequencing.mig:16: typed view legacy.cancelled (re-created over the new staging)
DROP VIEW IF EXISTS `legacy`.`cancelled`;

