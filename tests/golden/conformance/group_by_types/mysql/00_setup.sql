-- chartshift 0.1.0 | dialect mysql
-- spec tests/conformance/specs/group_by_types.mig sha256 323bf47843c51193d38f93bcebb69d1b70699a8911c02b6e05f5862cc04c224f
-- 00_setup: schemas, crosswalks, fresh target and reject tables
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/group_by_types.mig`.


-- session setting optimizer_switch (the dialect record says why)
SET SESSION `optimizer_switch` = 'derived_merge=off';

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

-- tests/conformance/specs/group_by_types.mig:18: replace emr.daily
DROP TABLE IF EXISTS `emr__daily__cs_new`;

-- tests/conformance/specs/group_by_types.mig:18: target table emr.daily
CREATE TABLE `emr__daily__cs_new` (
  `clinic` INT NOT NULL,
  `day` DATE,
  `paid` VARCHAR(3) COLLATE `utf8mb4_nopad_bin`,
  `lines` BIGINT,
  `amount_total` DECIMAL(12, 2),
  `amount_min` DECIMAL(12, 2),
  `units_max` INT,
  `first_code` VARCHAR(5) COLLATE `utf8mb4_nopad_bin`,
  `last_amount` DECIMAL(12, 2),
  `codes` LONGTEXT COLLATE `utf8mb4_nopad_bin`
);

-- tests/conformance/specs/group_by_types.mig:7: typed view legacy.charges (re-created over the new staging)
DROP VIEW IF EXISTS `legacy__charges`;

