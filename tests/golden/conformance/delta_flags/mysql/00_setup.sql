-- chartshift 0.1.0 | dialect mysql
-- spec tests/conformance/specs/delta_flags.mig sha256 90cb70e9dea6053dba4ed49e5e3c74b76bcf1da0648d75285316f9b5561adbb9
-- 00_setup: schemas, crosswalks, fresh target and reject tables
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/delta_flags.mig`.


-- session setting optimizer_switch (the dialect record says why)
SET SESSION `optimizer_switch` = 'derived_merge=off';

-- tests/conformance/specs/delta_flags.mig:34: persistent crosswalk for emr.patient: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__patient` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- tests/conformance/specs/delta_flags.mig:34: this run's crosswalk
DROP TABLE IF EXISTS `chartshift__xwalk__emr__patient__cs_new`;

-- tests/conformance/specs/delta_flags.mig:34: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift__xwalk__emr__patient__cs_new` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- tests/conformance/specs/delta_flags.mig:42: persistent crosswalk for emr.visit: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__visit` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- tests/conformance/specs/delta_flags.mig:42: this run's crosswalk
DROP TABLE IF EXISTS `chartshift__xwalk__emr__visit__cs_new`;

-- tests/conformance/specs/delta_flags.mig:42: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift__xwalk__emr__visit__cs_new` (
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

-- tests/conformance/specs/delta_flags.mig:22: replace emr.patient
DROP TABLE IF EXISTS `emr__patient__cs_new`;

-- tests/conformance/specs/delta_flags.mig:22: target table emr.patient
CREATE TABLE `emr__patient__cs_new` (
  `id` BIGINT NOT NULL,
  `mrn` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `name` VARCHAR(20) COLLATE `utf8mb4_nopad_bin`,
  `status` VARCHAR(8) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`id`),
  UNIQUE (
    `mrn`
  )
);

-- tests/conformance/specs/delta_flags.mig:28: replace emr.visit
DROP TABLE IF EXISTS `emr__visit__cs_new`;

-- tests/conformance/specs/delta_flags.mig:28: target table emr.visit
CREATE TABLE `emr__visit__cs_new` (
  `id` BIGINT NOT NULL,
  `patient_id` BIGINT NOT NULL,
  PRIMARY KEY (`id`)
);

-- tests/conformance/specs/delta_flags.mig:8: source state of legacy.patients (this run's)
DROP TABLE IF EXISTS `chartshift__state__legacy__patients__cs_new`;

-- tests/conformance/specs/delta_flags.mig:8: source state of legacy.patients: the rows the target is built from
CREATE TABLE `chartshift__state__legacy__patients__cs_new` (
  `__row` BIGINT NOT NULL,
  `pat_no` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `name` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`__row`)
);

-- tests/conformance/specs/delta_flags.mig:14: source state of legacy.visits (this run's)
DROP TABLE IF EXISTS `chartshift__state__legacy__visits__cs_new`;

-- tests/conformance/specs/delta_flags.mig:14: source state of legacy.visits: the rows the target is built from
CREATE TABLE `chartshift__state__legacy__visits__cs_new` (
  `__row` BIGINT NOT NULL,
  `visit_id` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `pat_no` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`__row`)
);

-- a full load starts a new extract history
DROP TABLE IF EXISTS `chartshift__extracts__cs_new`;

-- the extracts applied to this target, in order
CREATE TABLE `chartshift__extracts__cs_new` (
  `extract_id` VARCHAR(200) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `kind` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `sequence` BIGINT,
  `extracted_at` VARCHAR(40) COLLATE `utf8mb4_nopad_bin`,
  `files_sha256` VARCHAR(64) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `applied_at` VARCHAR(40) NOT NULL COLLATE `utf8mb4_nopad_bin`
);

-- tests/conformance/specs/delta_flags.mig:8: typed view legacy.patients (re-created over the new staging)
DROP VIEW IF EXISTS `legacy__patients`;

-- tests/conformance/specs/delta_flags.mig:14: typed view legacy.visits (re-created over the new staging)
DROP VIEW IF EXISTS `legacy__visits`;

