-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/group_by_union.mig sha256 99214fc1543923073f69ebec6d3de14b8520abebb3bc0cc842c606cce8a273c9
-- 00_setup: schemas, crosswalks, fresh target and reject tables
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/group_by_union.mig`.


-- schema chartshift
CREATE SCHEMA IF NOT EXISTS `chartshift`;

-- schema chartshift_stage
CREATE SCHEMA IF NOT EXISTS `chartshift_stage`;

-- schema emr
CREATE SCHEMA IF NOT EXISTS `emr`;

-- schema a
CREATE SCHEMA IF NOT EXISTS `a`;

-- schema b
CREATE SCHEMA IF NOT EXISTS `b`;

-- tests/conformance/specs/group_by_union.mig:25: persistent crosswalk for emr.period: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__period` (
  `legacy_key` STRING NOT NULL,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL
);

-- tests/conformance/specs/group_by_union.mig:25: this run's crosswalk
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__period__cs_new`;

-- tests/conformance/specs/group_by_union.mig:25: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift`.`xwalk__emr__period__cs_new` (
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

-- tests/conformance/specs/group_by_union.mig:19: replace emr.period
DROP TABLE IF EXISTS `emr`.`period__cs_new`;

-- tests/conformance/specs/group_by_union.mig:19: target table emr.period (keys and unique columns: 85_constraints)
CREATE TABLE `emr`.`period__cs_new` (
  `id` BIGINT NOT NULL,
  `pat` STRING,
  `n` BIGINT
);

-- tests/conformance/specs/group_by_union.mig:7: typed view a.visits (re-created over the new staging)
DROP VIEW IF EXISTS `a`.`visits`;

-- tests/conformance/specs/group_by_union.mig:13: typed view b.visits (re-created over the new staging)
DROP VIEW IF EXISTS `b`.`visits`;

