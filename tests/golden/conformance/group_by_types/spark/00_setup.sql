-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/group_by_types.mig sha256 323bf47843c51193d38f93bcebb69d1b70699a8911c02b6e05f5862cc04c224f
-- 00_setup: schemas, crosswalks, fresh target and reject tables
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/group_by_types.mig`.


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

-- tests/conformance/specs/group_by_types.mig:18: replace emr.daily
DROP TABLE IF EXISTS `emr`.`daily__cs_new`;

-- tests/conformance/specs/group_by_types.mig:18: target table emr.daily (keys and unique columns: 85_constraints)
CREATE TABLE `emr`.`daily__cs_new` (
  `clinic` INT NOT NULL,
  `day` DATE,
  `paid` VARCHAR(3),
  `lines` BIGINT,
  `amount_total` DECIMAL(12, 2),
  `amount_min` DECIMAL(12, 2),
  `units_max` INT,
  `first_code` VARCHAR(5),
  `last_amount` DECIMAL(12, 2),
  `codes` STRING
);

-- tests/conformance/specs/group_by_types.mig:7: typed view legacy.charges (re-created over the new staging)
DROP VIEW IF EXISTS `legacy`.`charges`;

