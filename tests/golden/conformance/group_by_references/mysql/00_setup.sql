-- chartshift 0.1.0 | dialect mysql
-- spec tests/conformance/specs/group_by_references.mig sha256 affaa2e359660ec72ffb991b16b3db70e42ec3e2bbc9bbda02a66e1e7c3e816a
-- 00_setup: schemas, crosswalks, fresh target and reject tables
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/group_by_references.mig`.


-- session setting optimizer_switch (the dialect record says why)
SET SESSION `optimizer_switch` = 'derived_merge=off';

-- tests/conformance/specs/group_by_references.mig:54: persistent crosswalk for emr.authorization: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__authorization` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- tests/conformance/specs/group_by_references.mig:54: this run's crosswalk
DROP TABLE IF EXISTS `chartshift__xwalk__emr__authorization__cs_new`;

-- tests/conformance/specs/group_by_references.mig:54: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift__xwalk__emr__authorization__cs_new` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- tests/conformance/specs/group_by_references.mig:60: persistent crosswalk for emr.auth_usage: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__auth_usage` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- tests/conformance/specs/group_by_references.mig:60: this run's crosswalk
DROP TABLE IF EXISTS `chartshift__xwalk__emr__auth_usage__cs_new`;

-- tests/conformance/specs/group_by_references.mig:60: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift__xwalk__emr__auth_usage__cs_new` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- tests/conformance/specs/group_by_references.mig:71: persistent crosswalk for emr.code_usage: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__code_usage` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- tests/conformance/specs/group_by_references.mig:71: this run's crosswalk
DROP TABLE IF EXISTS `chartshift__xwalk__emr__code_usage__cs_new`;

-- tests/conformance/specs/group_by_references.mig:71: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift__xwalk__emr__code_usage__cs_new` (
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

-- tests/conformance/specs/group_by_references.mig:28: replace emr.authorization
DROP TABLE IF EXISTS `emr__authorization__cs_new`;

-- tests/conformance/specs/group_by_references.mig:28: target table emr.authorization
CREATE TABLE `emr__authorization__cs_new` (
  `id` BIGINT NOT NULL,
  `auth_no` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `visits_approved` INT,
  PRIMARY KEY (`id`)
);

-- tests/conformance/specs/group_by_references.mig:33: replace emr.auth_usage
DROP TABLE IF EXISTS `emr__auth_usage__cs_new`;

-- tests/conformance/specs/group_by_references.mig:33: target table emr.auth_usage
CREATE TABLE `emr__auth_usage__cs_new` (
  `id` BIGINT NOT NULL,
  `authorization_id` BIGINT,
  `kind` VARCHAR(10) COLLATE `utf8mb4_nopad_bin`,
  `visits_used` BIGINT NOT NULL,
  `regions` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`id`)
);

-- tests/conformance/specs/group_by_references.mig:40: replace emr.code_usage
DROP TABLE IF EXISTS `emr__code_usage__cs_new`;

-- tests/conformance/specs/group_by_references.mig:40: target table emr.code_usage
CREATE TABLE `emr__code_usage__cs_new` (
  `id` BIGINT NOT NULL,
  `cpt` VARCHAR(5) COLLATE `utf8mb4_nopad_bin`,
  `visits` BIGINT,
  `first_visit` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`id`)
);

-- tests/conformance/specs/group_by_references.mig:7: typed view legacy.auths (re-created over the new staging)
DROP VIEW IF EXISTS `legacy__auths`;

-- tests/conformance/specs/group_by_references.mig:11: typed view legacy.visits (re-created over the new staging)
DROP VIEW IF EXISTS `legacy__visits`;

-- tests/conformance/specs/group_by_references.mig:17: typed view legacy.clinics (re-created over the new staging)
DROP VIEW IF EXISTS `legacy__clinics`;

-- tests/conformance/specs/group_by_references.mig:21: typed view legacy.code_map (re-created over the new staging)
DROP VIEW IF EXISTS `legacy__code_map`;

