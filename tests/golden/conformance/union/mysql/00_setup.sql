-- chartshift 0.1.0 | dialect mysql
-- spec tests/conformance/specs/union.mig sha256 f4f0c7f749348819348be7759974b473787842de922cd53ed8b7f2409529b83d
-- 00_setup: schemas, crosswalks, fresh target and reject tables
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/union.mig`.


-- session setting optimizer_switch (the dialect record says why)
SET SESSION `optimizer_switch` = 'derived_merge=off';

-- tests/conformance/specs/union.mig:47: persistent crosswalk for emr.patient: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__patient` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- tests/conformance/specs/union.mig:47: this run's crosswalk
DROP TABLE IF EXISTS `chartshift__xwalk__emr__patient__cs_new`;

-- tests/conformance/specs/union.mig:47: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift__xwalk__emr__patient__cs_new` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- tests/conformance/specs/union.mig:63: persistent crosswalk for emr.encounter: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__encounter` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- tests/conformance/specs/union.mig:63: this run's crosswalk
DROP TABLE IF EXISTS `chartshift__xwalk__emr__encounter__cs_new`;

-- tests/conformance/specs/union.mig:63: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift__xwalk__emr__encounter__cs_new` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- rejects of this run
DROP TABLE IF EXISTS `chartshift__rejects__cs_new`;

-- one row per rejected source row (raw values kept for remediation)
CREATE TABLE `chartshift__rejects__cs_new` (
  `map` VARCHAR(200) COLLATE `utf8mb4_nopad_bin`,
  `source_table` VARCHAR(200) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `source_key` VARCHAR(255) COLLATE `utf8mb4_nopad_bin`,
  `slot` INT,
  `record` BIGINT,
  `rule` VARCHAR(200) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `reason` VARCHAR(500) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `original_row` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `reason_code` VARCHAR(40) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `source_file` VARCHAR(1000) COLLATE `utf8mb4_nopad_bin`,
  `source_line` BIGINT,
  `byte_offset` BIGINT
);

-- reconciliation of this run
DROP TABLE IF EXISTS `chartshift__reconciliation__cs_new`;

-- one row per map, written at the end of the map: its accounting identity
CREATE TABLE `chartshift__reconciliation__cs_new` (
  `map` VARCHAR(200) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `source_table` VARCHAR(200) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `target_table` VARCHAR(200) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `source_rows` BIGINT NOT NULL,
  `loaded` BIGINT NOT NULL,
  `rejected` BIGINT NOT NULL,
  `filtered` BIGINT NOT NULL,
  `merged` BIGINT NOT NULL,
  `aggregated` BIGINT NOT NULL
);

-- tests/conformance/specs/union.mig:31: replace emr.patient
DROP TABLE IF EXISTS `emr__patient__cs_new`;

-- tests/conformance/specs/union.mig:31: target table emr.patient
CREATE TABLE `emr__patient__cs_new` (
  `id` BIGINT NOT NULL,
  `origin` VARCHAR(4) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `name` VARCHAR(20) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `email` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`id`)
);

-- tests/conformance/specs/union.mig:37: replace emr.encounter
DROP TABLE IF EXISTS `emr__encounter__cs_new`;

-- tests/conformance/specs/union.mig:37: target table emr.encounter
CREATE TABLE `emr__encounter__cs_new` (
  `id` BIGINT NOT NULL,
  `patient_id` BIGINT,
  PRIMARY KEY (`id`)
);

-- tests/conformance/specs/union.mig:41: replace emr.contact
DROP TABLE IF EXISTS `emr__contact__cs_new`;

-- tests/conformance/specs/union.mig:41: target table emr.contact
CREATE TABLE `emr__contact__cs_new` (
  `code` VARCHAR(30) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `phone` VARCHAR(12) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`code`)
);

-- tests/conformance/specs/union.mig:8: typed view sysA.patients (re-created over the new staging)
DROP VIEW IF EXISTS `sysA__patients`;

-- tests/conformance/specs/union.mig:17: typed view sysB.people (re-created over the new staging)
DROP VIEW IF EXISTS `sysB__people`;

-- tests/conformance/specs/union.mig:24: typed view sysB.visits (re-created over the new staging)
DROP VIEW IF EXISTS `sysB__visits`;

