-- chartshift 0.1.0 | dialect mysql
-- spec tests/conformance/specs/field_refs.mig sha256 3459ae121f9369ccee597af25c9cbb341b7c74191a64230c0ef945be759a18ca
-- 00_setup: schemas, crosswalks, fresh target and reject tables
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/field_refs.mig`.


-- session setting optimizer_switch (the dialect record says why)
SET SESSION `optimizer_switch` = 'derived_merge=off';

-- tests/conformance/specs/field_refs.mig:44: persistent crosswalk for emr.patient: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__patient` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- tests/conformance/specs/field_refs.mig:44: this run's crosswalk
DROP TABLE IF EXISTS `chartshift__xwalk__emr__patient__cs_new`;

-- tests/conformance/specs/field_refs.mig:44: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift__xwalk__emr__patient__cs_new` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- tests/conformance/specs/field_refs.mig:52: persistent crosswalk for emr.visit: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__visit` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- tests/conformance/specs/field_refs.mig:52: this run's crosswalk
DROP TABLE IF EXISTS `chartshift__xwalk__emr__visit__cs_new`;

-- tests/conformance/specs/field_refs.mig:52: this run's crosswalk (renamed into place at the end)
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

-- tests/conformance/specs/field_refs.mig:22: replace emr.patient
DROP TABLE IF EXISTS `emr__patient__cs_new`;

-- tests/conformance/specs/field_refs.mig:22: target table emr.patient
CREATE TABLE `emr__patient__cs_new` (
  `id` BIGINT NOT NULL,
  `mrn` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `name` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `status` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`id`)
);

-- tests/conformance/specs/field_refs.mig:28: replace emr.visit
DROP TABLE IF EXISTS `emr__visit__cs_new`;

-- tests/conformance/specs/field_refs.mig:28: target table emr.visit
CREATE TABLE `emr__visit__cs_new` (
  `id` BIGINT NOT NULL,
  `patient_ref` BIGINT,
  `patient_id` BIGINT,
  `unit_count` INT,
  `double_units` INT,
  `label` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `kind_label` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`id`)
);

-- tests/conformance/specs/field_refs.mig:7: typed view legacy.patients (re-created over the new staging)
DROP VIEW IF EXISTS `legacy__patients`;

-- tests/conformance/specs/field_refs.mig:12: typed view legacy.visits (re-created over the new staging)
DROP VIEW IF EXISTS `legacy__visits`;

