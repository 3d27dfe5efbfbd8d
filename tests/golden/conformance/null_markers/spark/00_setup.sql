-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/null_markers.mig sha256 b2333d70e07ec37c067c66157aeb3043c418b0f9f5b509c5064076b9e755b5e0
-- 00_setup: schemas, crosswalks, fresh target and reject tables
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/null_markers.mig`.


-- schema chartshift
CREATE SCHEMA IF NOT EXISTS `chartshift`;

-- schema chartshift_stage
CREATE SCHEMA IF NOT EXISTS `chartshift_stage`;

-- schema emr
CREATE SCHEMA IF NOT EXISTS `emr`;

-- schema legacy
CREATE SCHEMA IF NOT EXISTS `legacy`;

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

-- tests/conformance/specs/null_markers.mig:28: replace emr.plain
DROP TABLE IF EXISTS `emr`.`plain__cs_new`;

-- tests/conformance/specs/null_markers.mig:28: target table emr.plain (keys and unique columns: 85_constraints)
CREATE TABLE `emr`.`plain__cs_new` (
  `id` VARCHAR(10) NOT NULL,
  `name` STRING,
  `is_null` BOOLEAN NOT NULL,
  `age` INT
);

-- tests/conformance/specs/null_markers.mig:34: replace emr.marked
DROP TABLE IF EXISTS `emr`.`marked__cs_new`;

-- tests/conformance/specs/null_markers.mig:34: target table emr.marked (keys and unique columns: 85_constraints)
CREATE TABLE `emr`.`marked__cs_new` (
  `id` VARCHAR(10) NOT NULL,
  `name` STRING,
  `is_null` BOOLEAN NOT NULL,
  `age` INT
);

-- tests/conformance/specs/null_markers.mig:40: replace emr.empty_is_text
DROP TABLE IF EXISTS `emr`.`empty_is_text__cs_new`;

-- tests/conformance/specs/null_markers.mig:40: target table emr.empty_is_text (keys and unique columns: 85_constraints)
CREATE TABLE `emr`.`empty_is_text__cs_new` (
  `id` VARCHAR(10) NOT NULL,
  `name` STRING,
  `is_null` BOOLEAN NOT NULL
);

-- tests/conformance/specs/null_markers.mig:9: typed view legacy.plain (re-created over the new staging)
DROP VIEW IF EXISTS `legacy`.`plain`;

-- tests/conformance/specs/null_markers.mig:14: typed view legacy.marked (re-created over the new staging)
DROP VIEW IF EXISTS `legacy`.`marked`;

-- tests/conformance/specs/null_markers.mig:20: typed view legacy.empty_is_text (re-created over the new staging)
DROP VIEW IF EXISTS `legacy`.`empty_is_text`;

