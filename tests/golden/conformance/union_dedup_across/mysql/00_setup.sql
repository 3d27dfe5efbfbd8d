-- chartshift 0.1.0 | dialect mysql
-- spec tests/conformance/specs/union_dedup_across.mig sha256 d403414e675e6481a01b585a448e07c46d785cfd5d1d9e793cc5adbad40b6b48
-- 00_setup: schemas, crosswalks, fresh target and reject tables
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/union_dedup_across.mig`.


-- session setting optimizer_switch (the dialect record says why)
SET SESSION `optimizer_switch` = 'derived_merge=off';

-- tests/conformance/specs/union_dedup_across.mig:48: persistent crosswalk for emr.patient: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__patient` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- tests/conformance/specs/union_dedup_across.mig:48: this run's crosswalk
DROP TABLE IF EXISTS `chartshift__xwalk__emr__patient__cs_new`;

-- tests/conformance/specs/union_dedup_across.mig:48: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift__xwalk__emr__patient__cs_new` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- tests/conformance/specs/union_dedup_across.mig:74: persistent crosswalk for emr.encounter: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__encounter` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- tests/conformance/specs/union_dedup_across.mig:74: this run's crosswalk
DROP TABLE IF EXISTS `chartshift__xwalk__emr__encounter__cs_new`;

-- tests/conformance/specs/union_dedup_across.mig:74: this run's crosswalk (renamed into place at the end)
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

-- tests/conformance/specs/union_dedup_across.mig:36: replace emr.patient
DROP TABLE IF EXISTS `emr__patient__cs_new`;

-- tests/conformance/specs/union_dedup_across.mig:36: target table emr.patient
CREATE TABLE `emr__patient__cs_new` (
  `id` BIGINT NOT NULL,
  `last_name` LONGTEXT NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `birth_date` DATE,
  `origin` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`id`)
);

-- tests/conformance/specs/union_dedup_across.mig:42: replace emr.encounter
DROP TABLE IF EXISTS `emr__encounter__cs_new`;

-- tests/conformance/specs/union_dedup_across.mig:42: target table emr.encounter
CREATE TABLE `emr__encounter__cs_new` (
  `id` BIGINT NOT NULL,
  `patient_id` BIGINT,
  PRIMARY KEY (`id`)
);

-- tests/conformance/specs/union_dedup_across.mig:7: typed view sysA.patients (re-created over the new staging)
DROP VIEW IF EXISTS `sysA__patients`;

-- tests/conformance/specs/union_dedup_across.mig:16: typed view sysB.clients (re-created over the new staging)
DROP VIEW IF EXISTS `sysB__clients`;

-- tests/conformance/specs/union_dedup_across.mig:21: typed view sysB.visits (re-created over the new staging)
DROP VIEW IF EXISTS `sysB__visits`;

-- tests/conformance/specs/union_dedup_across.mig:28: typed view sysC.people (re-created over the new staging)
DROP VIEW IF EXISTS `sysC__people`;

