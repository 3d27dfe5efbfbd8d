-- chartshift 0.1.0 | dialect mysql
-- spec tests/conformance/specs/dedup_variants.mig sha256 9082dc9e058ac5f68fbb44986c8966cf6d31a10f774e25fa1f69904ce371c7e6
-- 00_setup: schemas, crosswalks, fresh target and reject tables
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/dedup_variants.mig`.


-- session setting optimizer_switch (the dialect record says why)
SET SESSION `optimizer_switch` = 'derived_merge=off';

-- tests/conformance/specs/dedup_variants.mig:39: persistent crosswalk for emr.first_kept: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__first_kept` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- tests/conformance/specs/dedup_variants.mig:39: this run's crosswalk
DROP TABLE IF EXISTS `chartshift__xwalk__emr__first_kept__cs_new`;

-- tests/conformance/specs/dedup_variants.mig:39: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift__xwalk__emr__first_kept__cs_new` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- tests/conformance/specs/dedup_variants.mig:46: persistent crosswalk for emr.last_kept: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__last_kept` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- tests/conformance/specs/dedup_variants.mig:46: this run's crosswalk
DROP TABLE IF EXISTS `chartshift__xwalk__emr__last_kept__cs_new`;

-- tests/conformance/specs/dedup_variants.mig:46: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift__xwalk__emr__last_kept__cs_new` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- tests/conformance/specs/dedup_variants.mig:53: persistent crosswalk for emr.unique_person: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__unique_person` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- tests/conformance/specs/dedup_variants.mig:53: this run's crosswalk
DROP TABLE IF EXISTS `chartshift__xwalk__emr__unique_person__cs_new`;

-- tests/conformance/specs/dedup_variants.mig:53: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift__xwalk__emr__unique_person__cs_new` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- tests/conformance/specs/dedup_variants.mig:63: persistent crosswalk for emr.by_pat_no: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__by_pat_no` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- tests/conformance/specs/dedup_variants.mig:63: this run's crosswalk
DROP TABLE IF EXISTS `chartshift__xwalk__emr__by_pat_no__cs_new`;

-- tests/conformance/specs/dedup_variants.mig:63: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift__xwalk__emr__by_pat_no__cs_new` (
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

-- tests/conformance/specs/dedup_variants.mig:18: replace emr.first_kept
DROP TABLE IF EXISTS `emr__first_kept__cs_new`;

-- tests/conformance/specs/dedup_variants.mig:18: target table emr.first_kept
CREATE TABLE `emr__first_kept__cs_new` (
  `id` BIGINT NOT NULL,
  `rec` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `first` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`id`)
);

-- tests/conformance/specs/dedup_variants.mig:23: replace emr.last_kept
DROP TABLE IF EXISTS `emr__last_kept__cs_new`;

-- tests/conformance/specs/dedup_variants.mig:23: target table emr.last_kept
CREATE TABLE `emr__last_kept__cs_new` (
  `id` BIGINT NOT NULL,
  `rec` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `first` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`id`)
);

-- tests/conformance/specs/dedup_variants.mig:28: replace emr.unique_person
DROP TABLE IF EXISTS `emr__unique_person__cs_new`;

-- tests/conformance/specs/dedup_variants.mig:28: target table emr.unique_person
CREATE TABLE `emr__unique_person__cs_new` (
  `id` BIGINT NOT NULL,
  `rec` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `first` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`id`)
);

-- tests/conformance/specs/dedup_variants.mig:33: replace emr.by_pat_no
DROP TABLE IF EXISTS `emr__by_pat_no__cs_new`;

-- tests/conformance/specs/dedup_variants.mig:33: target table emr.by_pat_no
CREATE TABLE `emr__by_pat_no__cs_new` (
  `id` BIGINT NOT NULL,
  `rec` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`id`)
);

-- tests/conformance/specs/dedup_variants.mig:8: typed view legacy.people (re-created over the new staging)
DROP VIEW IF EXISTS `legacy__people`;

