-- chartshift 0.1.0 | dialect mysql
-- spec tests/conformance/specs/null_markers.mig sha256 b2333d70e07ec37c067c66157aeb3043c418b0f9f5b509c5064076b9e755b5e0
-- 00_setup: schemas, crosswalks, fresh target and reject tables
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/null_markers.mig`.


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

-- tests/conformance/specs/null_markers.mig:28: replace emr.plain
DROP TABLE IF EXISTS `emr__plain__cs_new`;

-- tests/conformance/specs/null_markers.mig:28: target table emr.plain
CREATE TABLE `emr__plain__cs_new` (
  `id` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `name` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `is_null` BOOLEAN NOT NULL,
  `age` INT,
  PRIMARY KEY (`id`)
);

-- tests/conformance/specs/null_markers.mig:34: replace emr.marked
DROP TABLE IF EXISTS `emr__marked__cs_new`;

-- tests/conformance/specs/null_markers.mig:34: target table emr.marked
CREATE TABLE `emr__marked__cs_new` (
  `id` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `name` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `is_null` BOOLEAN NOT NULL,
  `age` INT,
  PRIMARY KEY (`id`)
);

-- tests/conformance/specs/null_markers.mig:40: replace emr.empty_is_text
DROP TABLE IF EXISTS `emr__empty_is_text__cs_new`;

-- tests/conformance/specs/null_markers.mig:40: target table emr.empty_is_text
CREATE TABLE `emr__empty_is_text__cs_new` (
  `id` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `name` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  `is_null` BOOLEAN NOT NULL,
  PRIMARY KEY (`id`)
);

-- tests/conformance/specs/null_markers.mig:9: typed view legacy.plain (re-created over the new staging)
DROP VIEW IF EXISTS `legacy__plain`;

-- tests/conformance/specs/null_markers.mig:14: typed view legacy.marked (re-created over the new staging)
DROP VIEW IF EXISTS `legacy__marked`;

-- tests/conformance/specs/null_markers.mig:20: typed view legacy.empty_is_text (re-created over the new staging)
DROP VIEW IF EXISTS `legacy__empty_is_text`;

