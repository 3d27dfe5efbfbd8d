-- chartshift 0.1.0 | dialect mysql
-- spec tests/conformance/specs/group_by.mig sha256 8c97e61b28d6ea83244c7b367f812e592a33e711e4ebea957a4e55ed55be9144
-- 00_setup: schemas, crosswalks, fresh target and reject tables
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/group_by.mig`.


-- session setting optimizer_switch (the dialect record says why)
SET SESSION `optimizer_switch` = 'derived_merge=off';

-- tests/conformance/specs/group_by.mig:44: persistent crosswalk for emr.observation_period: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__observation_period` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- tests/conformance/specs/group_by.mig:44: this run's crosswalk
DROP TABLE IF EXISTS `chartshift__xwalk__emr__observation_period__cs_new`;

-- tests/conformance/specs/group_by.mig:44: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift__xwalk__emr__observation_period__cs_new` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- tests/conformance/specs/group_by.mig:63: persistent crosswalk for emr.location: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__location` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- tests/conformance/specs/group_by.mig:63: this run's crosswalk
DROP TABLE IF EXISTS `chartshift__xwalk__emr__location__cs_new`;

-- tests/conformance/specs/group_by.mig:63: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift__xwalk__emr__location__cs_new` (
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

-- tests/conformance/specs/group_by.mig:22: replace emr.observation_period
DROP TABLE IF EXISTS `emr__observation_period__cs_new`;

-- tests/conformance/specs/group_by.mig:22: target table emr.observation_period
CREATE TABLE `emr__observation_period__cs_new` (
  `id` BIGINT NOT NULL,
  `patient` VARCHAR(10) COLLATE `utf8mb4_nopad_bin`,
  `first_visit` DATE,
  `last_visit` DATE,
  `visits` BIGINT NOT NULL,
  `dated_visits` BIGINT,
  `units_total` BIGINT,
  `amount_total` DECIMAL(10, 2),
  `fewest_units` INT,
  `last_name_az` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `first_therapist` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `last_therapist` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `therapists` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`id`)
);

-- tests/conformance/specs/group_by.mig:37: replace emr.location
DROP TABLE IF EXISTS `emr__location__cs_new`;

-- tests/conformance/specs/group_by.mig:37: target table emr.location
CREATE TABLE `emr__location__cs_new` (
  `id` BIGINT NOT NULL,
  `address` VARCHAR(40) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `city` VARCHAR(30) COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`id`)
);

-- tests/conformance/specs/group_by.mig:8: typed view legacy.visits (re-created over the new staging)
DROP VIEW IF EXISTS `legacy__visits`;

