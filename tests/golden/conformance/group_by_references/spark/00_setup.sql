-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/group_by_references.mig sha256 affaa2e359660ec72ffb991b16b3db70e42ec3e2bbc9bbda02a66e1e7c3e816a
-- 00_setup: schemas, crosswalks, fresh target and reject tables
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/group_by_references.mig`.


-- schema chartshift
CREATE SCHEMA IF NOT EXISTS `chartshift`;

-- schema chartshift_stage
CREATE SCHEMA IF NOT EXISTS `chartshift_stage`;

-- schema emr
CREATE SCHEMA IF NOT EXISTS `emr`;

-- schema legacy
CREATE SCHEMA IF NOT EXISTS `legacy`;

-- tests/conformance/specs/group_by_references.mig:54: persistent crosswalk for emr.authorization: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__authorization` (
  `legacy_key` STRING NOT NULL,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL
);

-- tests/conformance/specs/group_by_references.mig:54: this run's crosswalk
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__authorization__cs_new`;

-- tests/conformance/specs/group_by_references.mig:54: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift`.`xwalk__emr__authorization__cs_new` (
  `legacy_key` STRING NOT NULL,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL
);

-- tests/conformance/specs/group_by_references.mig:60: persistent crosswalk for emr.auth_usage: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__auth_usage` (
  `legacy_key` STRING NOT NULL,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL
);

-- tests/conformance/specs/group_by_references.mig:60: this run's crosswalk
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__auth_usage__cs_new`;

-- tests/conformance/specs/group_by_references.mig:60: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift`.`xwalk__emr__auth_usage__cs_new` (
  `legacy_key` STRING NOT NULL,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL
);

-- tests/conformance/specs/group_by_references.mig:71: persistent crosswalk for emr.code_usage: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift`.`xwalk__emr__code_usage` (
  `legacy_key` STRING NOT NULL,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL
);

-- tests/conformance/specs/group_by_references.mig:71: this run's crosswalk
DROP TABLE IF EXISTS `chartshift`.`xwalk__emr__code_usage__cs_new`;

-- tests/conformance/specs/group_by_references.mig:71: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift`.`xwalk__emr__code_usage__cs_new` (
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

-- tests/conformance/specs/group_by_references.mig:28: replace emr.authorization
DROP TABLE IF EXISTS `emr`.`authorization__cs_new`;

-- tests/conformance/specs/group_by_references.mig:28: target table emr.authorization (keys and unique columns: 85_constraints)
CREATE TABLE `emr`.`authorization__cs_new` (
  `id` BIGINT NOT NULL,
  `auth_no` VARCHAR(10) NOT NULL,
  `visits_approved` INT
);

-- tests/conformance/specs/group_by_references.mig:33: replace emr.auth_usage
DROP TABLE IF EXISTS `emr`.`auth_usage__cs_new`;

-- tests/conformance/specs/group_by_references.mig:33: target table emr.auth_usage (keys and unique columns: 85_constraints)
CREATE TABLE `emr`.`auth_usage__cs_new` (
  `id` BIGINT NOT NULL,
  `authorization_id` BIGINT,
  `kind` VARCHAR(10),
  `visits_used` BIGINT NOT NULL,
  `regions` STRING
);

-- tests/conformance/specs/group_by_references.mig:40: replace emr.code_usage
DROP TABLE IF EXISTS `emr`.`code_usage__cs_new`;

-- tests/conformance/specs/group_by_references.mig:40: target table emr.code_usage (keys and unique columns: 85_constraints)
CREATE TABLE `emr`.`code_usage__cs_new` (
  `id` BIGINT NOT NULL,
  `cpt` VARCHAR(5),
  `visits` BIGINT,
  `first_visit` STRING
);

-- tests/conformance/specs/group_by_references.mig:7: typed view legacy.auths (re-created over the new staging)
DROP VIEW IF EXISTS `legacy`.`auths`;

-- tests/conformance/specs/group_by_references.mig:11: typed view legacy.visits (re-created over the new staging)
DROP VIEW IF EXISTS `legacy`.`visits`;

-- tests/conformance/specs/group_by_references.mig:17: typed view legacy.clinics (re-created over the new staging)
DROP VIEW IF EXISTS `legacy`.`clinics`;

-- tests/conformance/specs/group_by_references.mig:21: typed view legacy.code_map (re-created over the new staging)
DROP VIEW IF EXISTS `legacy`.`code_map`;

