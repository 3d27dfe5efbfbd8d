-- chartshift 0.1.0 | dialect mysql
-- spec tests/conformance/specs/join_many.mig sha256 870919318f0282a26ca449b629644d14083271ed5560e5faff2347804ac13e8a
-- 00_setup: schemas, crosswalks, fresh target and reject tables
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/join_many.mig`.


-- session setting optimizer_switch (the dialect record says why)
SET SESSION `optimizer_switch` = 'derived_merge=off';

-- tests/conformance/specs/join_many.mig:53: persistent crosswalk for emr.visit_code: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__visit_code` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- tests/conformance/specs/join_many.mig:53: this run's crosswalk
DROP TABLE IF EXISTS `chartshift__xwalk__emr__visit_code__cs_new`;

-- tests/conformance/specs/join_many.mig:53: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift__xwalk__emr__visit_code__cs_new` (
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

-- tests/conformance/specs/join_many.mig:26: replace emr.visit_code
DROP TABLE IF EXISTS `emr__visit_code__cs_new`;

-- tests/conformance/specs/join_many.mig:26: target table emr.visit_code
CREATE TABLE `emr__visit_code__cs_new` (
  `id` BIGINT NOT NULL,
  `visit_id` LONGTEXT NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `std_code` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`id`)
);

-- tests/conformance/specs/join_many.mig:31: replace emr.visit_line
DROP TABLE IF EXISTS `emr__visit_line__cs_new`;

-- tests/conformance/specs/join_many.mig:31: target table emr.visit_line
CREATE TABLE `emr__visit_line__cs_new` (
  `visit_id` LONGTEXT NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `std_code` LONGTEXT COLLATE `utf8mb4_nopad_bin`
);

-- tests/conformance/specs/join_many.mig:35: replace emr.visit
DROP TABLE IF EXISTS `emr__visit__cs_new`;

-- tests/conformance/specs/join_many.mig:35: target table emr.visit
CREATE TABLE `emr__visit__cs_new` (
  `visit_id` LONGTEXT NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `payer` LONGTEXT COLLATE `utf8mb4_nopad_bin`
);

-- tests/conformance/specs/join_many.mig:39: replace emr.visit_payer
DROP TABLE IF EXISTS `emr__visit_payer__cs_new`;

-- tests/conformance/specs/join_many.mig:39: target table emr.visit_payer
CREATE TABLE `emr__visit_payer__cs_new` (
  `visit_id` LONGTEXT NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `payer` LONGTEXT COLLATE `utf8mb4_nopad_bin`
);

-- tests/conformance/specs/join_many.mig:43: replace emr.visit_slot
DROP TABLE IF EXISTS `emr__visit_slot__cs_new`;

-- tests/conformance/specs/join_many.mig:43: target table emr.visit_slot
CREATE TABLE `emr__visit_slot__cs_new` (
  `visit_id` LONGTEXT NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `std_code` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `payer` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `label` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `slot` INT
);

-- tests/conformance/specs/join_many.mig:8: typed view legacy.visits (re-created over the new staging)
DROP VIEW IF EXISTS `legacy__visits`;

-- tests/conformance/specs/join_many.mig:13: typed view legacy.code_map (re-created over the new staging)
DROP VIEW IF EXISTS `legacy__code_map`;

-- tests/conformance/specs/join_many.mig:19: typed view legacy.payers (re-created over the new staging)
DROP VIEW IF EXISTS `legacy__payers`;

