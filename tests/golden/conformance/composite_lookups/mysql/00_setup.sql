-- chartshift 0.1.0 | dialect mysql
-- spec tests/conformance/specs/composite_lookups.mig sha256 947f0eabab68e7b610b09dc411abbd207e6c100c06a6e202839c8ec8682c85f9
-- 00_setup: schemas, crosswalks, fresh target and reject tables
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/composite_lookups.mig`.


-- session setting optimizer_switch (the dialect record says why)
SET SESSION `optimizer_switch` = 'derived_merge=off';

-- tests/conformance/specs/composite_lookups.mig:71: persistent crosswalk for emr.claim: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__claim` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- tests/conformance/specs/composite_lookups.mig:71: this run's crosswalk
DROP TABLE IF EXISTS `chartshift__xwalk__emr__claim__cs_new`;

-- tests/conformance/specs/composite_lookups.mig:71: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift__xwalk__emr__claim__cs_new` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- tests/conformance/specs/composite_lookups.mig:82: persistent crosswalk for emr.strict_claim: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__strict_claim` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- tests/conformance/specs/composite_lookups.mig:82: this run's crosswalk
DROP TABLE IF EXISTS `chartshift__xwalk__emr__strict_claim__cs_new`;

-- tests/conformance/specs/composite_lookups.mig:82: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift__xwalk__emr__strict_claim__cs_new` (
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

-- tests/conformance/specs/composite_lookups.mig:18: replace emr.claim
DROP TABLE IF EXISTS `emr__claim__cs_new`;

-- tests/conformance/specs/composite_lookups.mig:18: target table emr.claim
CREATE TABLE `emr__claim__cs_new` (
  `id` BIGINT NOT NULL,
  `claim_no` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `concept` INT,
  `payer_id` INT,
  `payer_name` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `file_payer` INT,
  `file_name` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `plan_kind` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`id`)
);

-- tests/conformance/specs/composite_lookups.mig:28: replace emr.strict_claim
DROP TABLE IF EXISTS `emr__strict_claim__cs_new`;

-- tests/conformance/specs/composite_lookups.mig:28: target table emr.strict_claim
CREATE TABLE `emr__strict_claim__cs_new` (
  `id` BIGINT NOT NULL,
  `claim_no` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `payer_id` INT,
  `inline_id` INT,
  PRIMARY KEY (`id`)
);

-- tests/conformance/specs/composite_lookups.mig:54: lookup payer_file from lookups/payers.csv
DROP TABLE IF EXISTS `chartshift__lookup__payer_file`;

-- tests/conformance/specs/composite_lookups.mig:54: lookup payer_file: 4 entries
CREATE TABLE `chartshift__lookup__payer_file` (
  `key_1` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `key_2` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `value_1` VARCHAR(500) COLLATE `utf8mb4_nopad_bin`,
  `value_2` VARCHAR(500) COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`key_1`, `key_2`)
);

-- tests/conformance/specs/composite_lookups.mig:54: lookup payer_file rows 1-4
INSERT INTO `chartshift__lookup__payer_file` (
  `key_1`,
  `key_2`,
  `value_1`,
  `value_2`
)
VALUES
  ('AE', 'PPO', '201', 'Aetna PPO'),
  ('BC', 'HMO', '102', 'Blue Cross HMO'),
  ('BC', 'PPO', '101', 'Blue Cross PPO'),
  ('bc', 'PPO', '901', 'lower-case code');

-- tests/conformance/specs/composite_lookups.mig:59: lookup payer_id_strict from lookups/payers.csv
DROP TABLE IF EXISTS `chartshift__lookup__payer_id_strict`;

-- tests/conformance/specs/composite_lookups.mig:59: lookup payer_id_strict: 4 entries
CREATE TABLE `chartshift__lookup__payer_id_strict` (
  `key_1` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `key_2` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `value_1` VARCHAR(500) COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`key_1`, `key_2`)
);

-- tests/conformance/specs/composite_lookups.mig:59: lookup payer_id_strict rows 1-4
INSERT INTO `chartshift__lookup__payer_id_strict` (
  `key_1`,
  `key_2`,
  `value_1`
)
VALUES
  ('AE', 'PPO', '201'),
  ('BC', 'HMO', '102'),
  ('BC', 'PPO', '101'),
  ('bc', 'PPO', '901');

-- tests/conformance/specs/composite_lookups.mig:8: typed view legacy.claims (re-created over the new staging)
DROP VIEW IF EXISTS `legacy__claims`;

