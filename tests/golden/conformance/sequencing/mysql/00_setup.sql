-- chartshift 0.1.0 | dialect mysql
-- spec tests/conformance/specs/sequencing.mig sha256 7e803c579d3eb4858a45cff96754db6881678ee54683536e2a3afb747c8dd134
-- 00_setup: schemas, crosswalks, fresh target and reject tables
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/sequencing.mig`.


-- session setting optimizer_switch (the dialect record says why)
SET SESSION `optimizer_switch` = 'derived_merge=off';

-- tests/conformance/specs/sequencing.mig:39: persistent crosswalk for emr.visit: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__visit` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- tests/conformance/specs/sequencing.mig:39: this run's crosswalk
DROP TABLE IF EXISTS `chartshift__xwalk__emr__visit__cs_new`;

-- tests/conformance/specs/sequencing.mig:39: this run's crosswalk (renamed into place at the end)
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

-- tests/conformance/specs/sequencing.mig:22: replace emr.visit
DROP TABLE IF EXISTS `emr__visit__cs_new`;

-- tests/conformance/specs/sequencing.mig:22: target table emr.visit
CREATE TABLE `emr__visit__cs_new` (
  `id` BIGINT NOT NULL,
  `visit_id` LONGTEXT NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `episode_id` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `seq` INT,
  `seq_desc` INT,
  `prev_date` DATE,
  `next_date` DATE,
  `two_back` DATE,
  `same_day_er` BOOLEAN,
  PRIMARY KEY (`id`)
);

-- tests/conformance/specs/sequencing.mig:33: replace emr.kept_visit
DROP TABLE IF EXISTS `emr__kept_visit__cs_new`;

-- tests/conformance/specs/sequencing.mig:33: target table emr.kept_visit
CREATE TABLE `emr__kept_visit__cs_new` (
  `visit_id` LONGTEXT NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `first` BOOLEAN
);

-- tests/conformance/specs/sequencing.mig:9: typed view legacy.visits (re-created over the new staging)
DROP VIEW IF EXISTS `legacy__visits`;

-- tests/conformance/specs/sequencing.mig:16: typed view legacy.cancelled (re-created over the new staging)
DROP VIEW IF EXISTS `legacy__cancelled`;

