-- chartshift 0.1.0 | dialect mysql
-- spec specs/two_systems.mig sha256 76eeb791ddfc46d4013247302076b35042796b3181d91a47e7b0e553ee1643b2
-- 00_setup: schemas, crosswalks, fresh target and reject tables
-- Generated file: do not edit. Regenerate with `chartshift compile specs/two_systems.mig`.


-- session setting optimizer_switch (the dialect record says why)
SET SESSION `optimizer_switch` = 'derived_merge=off';

-- specs/two_systems.mig:299: persistent crosswalk for emr.practitioner: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__practitioner` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- specs/two_systems.mig:299: this run's crosswalk
DROP TABLE IF EXISTS `chartshift__xwalk__emr__practitioner__cs_new`;

-- specs/two_systems.mig:299: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift__xwalk__emr__practitioner__cs_new` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- specs/two_systems.mig:319: persistent crosswalk for emr.patient: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__patient` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- specs/two_systems.mig:319: this run's crosswalk
DROP TABLE IF EXISTS `chartshift__xwalk__emr__patient__cs_new`;

-- specs/two_systems.mig:319: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift__xwalk__emr__patient__cs_new` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- specs/two_systems.mig:372: persistent crosswalk for emr.coverage: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__coverage` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- specs/two_systems.mig:372: this run's crosswalk
DROP TABLE IF EXISTS `chartshift__xwalk__emr__coverage__cs_new`;

-- specs/two_systems.mig:372: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift__xwalk__emr__coverage__cs_new` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- specs/two_systems.mig:403: persistent crosswalk for emr.episode: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__episode` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- specs/two_systems.mig:403: this run's crosswalk
DROP TABLE IF EXISTS `chartshift__xwalk__emr__episode__cs_new`;

-- specs/two_systems.mig:403: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift__xwalk__emr__episode__cs_new` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- specs/two_systems.mig:432: persistent crosswalk for emr.diagnosis: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__diagnosis` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- specs/two_systems.mig:432: this run's crosswalk
DROP TABLE IF EXISTS `chartshift__xwalk__emr__diagnosis__cs_new`;

-- specs/two_systems.mig:432: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift__xwalk__emr__diagnosis__cs_new` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- specs/two_systems.mig:456: persistent crosswalk for emr.authorization: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__authorization` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- specs/two_systems.mig:456: this run's crosswalk
DROP TABLE IF EXISTS `chartshift__xwalk__emr__authorization__cs_new`;

-- specs/two_systems.mig:456: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift__xwalk__emr__authorization__cs_new` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- specs/two_systems.mig:486: persistent crosswalk for emr.encounter: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__encounter` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- specs/two_systems.mig:486: this run's crosswalk
DROP TABLE IF EXISTS `chartshift__xwalk__emr__encounter__cs_new`;

-- specs/two_systems.mig:486: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift__xwalk__emr__encounter__cs_new` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- specs/two_systems.mig:510: persistent crosswalk for emr.charge_line: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__charge_line` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- specs/two_systems.mig:510: this run's crosswalk
DROP TABLE IF EXISTS `chartshift__xwalk__emr__charge_line__cs_new`;

-- specs/two_systems.mig:510: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift__xwalk__emr__charge_line__cs_new` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- specs/two_systems.mig:542: persistent crosswalk for emr.clinical_note: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__clinical_note` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- specs/two_systems.mig:542: this run's crosswalk
DROP TABLE IF EXISTS `chartshift__xwalk__emr__clinical_note__cs_new`;

-- specs/two_systems.mig:542: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift__xwalk__emr__clinical_note__cs_new` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- specs/two_systems.mig:553: persistent crosswalk for emr.episode_activity: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__episode_activity` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- specs/two_systems.mig:553: this run's crosswalk
DROP TABLE IF EXISTS `chartshift__xwalk__emr__episode_activity__cs_new`;

-- specs/two_systems.mig:553: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift__xwalk__emr__episode_activity__cs_new` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- specs/two_systems.mig:577: persistent crosswalk for emr.auth_usage: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS `chartshift__xwalk__emr__auth_usage` (
  `legacy_key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `own_id` BIGINT,
  `target_id` BIGINT,
  `state` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`legacy_key`)
);

-- specs/two_systems.mig:577: this run's crosswalk
DROP TABLE IF EXISTS `chartshift__xwalk__emr__auth_usage__cs_new`;

-- specs/two_systems.mig:577: this run's crosswalk (renamed into place at the end)
CREATE TABLE `chartshift__xwalk__emr__auth_usage__cs_new` (
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

-- specs/two_systems.mig:187: replace emr.practitioner
DROP TABLE IF EXISTS `emr__practitioner__cs_new`;

-- specs/two_systems.mig:187: target table emr.practitioner
CREATE TABLE `emr__practitioner__cs_new` (
  `id` BIGINT NOT NULL,
  `provider_code` VARCHAR(20) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `full_name` VARCHAR(100) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `credential` VARCHAR(10) COLLATE `utf8mb4_nopad_bin`,
  `npi` CHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`id`),
  UNIQUE (
    `provider_code`
  )
);

-- specs/two_systems.mig:194: replace emr.patient
DROP TABLE IF EXISTS `emr__patient__cs_new`;

-- specs/two_systems.mig:194: target table emr.patient
CREATE TABLE `emr__patient__cs_new` (
  `id` BIGINT NOT NULL,
  `mrn` VARCHAR(20) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `first_name` VARCHAR(50) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `last_name` VARCHAR(50) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `middle_initial` CHAR(1) COLLATE `utf8mb4_nopad_bin`,
  `birth_date` DATE,
  `sex` VARCHAR(7) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `ssn` CHAR(9) COLLATE `utf8mb4_nopad_bin`,
  `address_line1` VARCHAR(100) COLLATE `utf8mb4_nopad_bin`,
  `city` VARCHAR(50) COLLATE `utf8mb4_nopad_bin`,
  `state` CHAR(2) COLLATE `utf8mb4_nopad_bin`,
  `postal_code` VARCHAR(10) COLLATE `utf8mb4_nopad_bin`,
  `phone` CHAR(10) COLLATE `utf8mb4_nopad_bin`,
  `email` VARCHAR(100) COLLATE `utf8mb4_nopad_bin`,
  `status` VARCHAR(8) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`id`),
  UNIQUE (
    `mrn`
  )
);

-- specs/two_systems.mig:211: replace emr.coverage
DROP TABLE IF EXISTS `emr__coverage__cs_new`;

-- specs/two_systems.mig:211: target table emr.coverage
CREATE TABLE `emr__coverage__cs_new` (
  `id` BIGINT NOT NULL,
  `patient_id` BIGINT NOT NULL,
  `payer_name` VARCHAR(100) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `payer_type` VARCHAR(20) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `member_id` VARCHAR(30) COLLATE `utf8mb4_nopad_bin`,
  `group_no` VARCHAR(30) COLLATE `utf8mb4_nopad_bin`,
  `priority` INT NOT NULL,
  `start_date` DATE,
  `end_date` DATE,
  PRIMARY KEY (`id`)
);

-- specs/two_systems.mig:222: replace emr.episode
DROP TABLE IF EXISTS `emr__episode__cs_new`;

-- specs/two_systems.mig:222: target table emr.episode
CREATE TABLE `emr__episode__cs_new` (
  `id` BIGINT NOT NULL,
  `patient_id` BIGINT NOT NULL,
  `practitioner_id` BIGINT,
  `referring_physician` VARCHAR(100) COLLATE `utf8mb4_nopad_bin`,
  `referring_npi` CHAR(10) COLLATE `utf8mb4_nopad_bin`,
  `onset_date` DATE,
  `start_date` DATE,
  `age_at_onset` INT,
  PRIMARY KEY (`id`)
);

-- specs/two_systems.mig:232: replace emr.diagnosis
DROP TABLE IF EXISTS `emr__diagnosis__cs_new`;

-- specs/two_systems.mig:232: target table emr.diagnosis
CREATE TABLE `emr__diagnosis__cs_new` (
  `id` BIGINT NOT NULL,
  `episode_id` BIGINT NOT NULL,
  `seq` INT NOT NULL,
  `icd10_code` VARCHAR(8) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`id`)
);

-- specs/two_systems.mig:238: replace emr.authorization
DROP TABLE IF EXISTS `emr__authorization__cs_new`;

-- specs/two_systems.mig:238: target table emr.authorization
CREATE TABLE `emr__authorization__cs_new` (
  `id` BIGINT NOT NULL,
  `episode_id` BIGINT NOT NULL,
  `auth_number` VARCHAR(30) COLLATE `utf8mb4_nopad_bin`,
  `visits_authorized` INT,
  `start_date` DATE,
  `end_date` DATE,
  `days_remaining` INT,
  PRIMARY KEY (`id`)
);

-- specs/two_systems.mig:247: replace emr.encounter
DROP TABLE IF EXISTS `emr__encounter__cs_new`;

-- specs/two_systems.mig:247: target table emr.encounter
CREATE TABLE `emr__encounter__cs_new` (
  `id` BIGINT NOT NULL,
  `patient_id` BIGINT NOT NULL,
  `episode_id` BIGINT,
  `practitioner_id` BIGINT,
  `service_date` DATE,
  `status` VARCHAR(10) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `visit_no` INT,
  PRIMARY KEY (`id`)
);

-- specs/two_systems.mig:256: replace emr.charge_line
DROP TABLE IF EXISTS `emr__charge_line__cs_new`;

-- specs/two_systems.mig:256: target table emr.charge_line
CREATE TABLE `emr__charge_line__cs_new` (
  `id` BIGINT NOT NULL,
  `encounter_id` BIGINT NOT NULL,
  `line_no` INT NOT NULL,
  `cpt` CHAR(5) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `units` INT NOT NULL,
  `modifier` VARCHAR(2) COLLATE `utf8mb4_nopad_bin`,
  `amount` DECIMAL(10, 2),
  PRIMARY KEY (`id`)
);

-- specs/two_systems.mig:265: replace emr.clinical_note
DROP TABLE IF EXISTS `emr__clinical_note__cs_new`;

-- specs/two_systems.mig:265: target table emr.clinical_note
CREATE TABLE `emr__clinical_note__cs_new` (
  `id` BIGINT NOT NULL,
  `encounter_id` BIGINT NOT NULL,
  `note_type` VARCHAR(20) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `body` LONGTEXT COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`id`)
);

-- specs/two_systems.mig:271: replace emr.episode_activity
DROP TABLE IF EXISTS `emr__episode_activity__cs_new`;

-- specs/two_systems.mig:271: target table emr.episode_activity
CREATE TABLE `emr__episode_activity__cs_new` (
  `id` BIGINT NOT NULL,
  `episode_id` BIGINT NOT NULL,
  `first_visit_date` DATE,
  `last_visit_date` DATE,
  `completed_visits` INT NOT NULL,
  PRIMARY KEY (`id`)
);

-- specs/two_systems.mig:278: replace emr.auth_usage
DROP TABLE IF EXISTS `emr__auth_usage__cs_new`;

-- specs/two_systems.mig:278: target table emr.auth_usage
CREATE TABLE `emr__auth_usage__cs_new` (
  `id` BIGINT NOT NULL,
  `authorization_id` BIGINT NOT NULL,
  `visits_used` INT NOT NULL,
  PRIMARY KEY (`id`)
);

-- specs/two_systems.mig:291: lookup visit_status from lookups/visit_status.csv
DROP TABLE IF EXISTS `chartshift__lookup__visit_status`;

-- specs/two_systems.mig:291: lookup visit_status: 5 entries
CREATE TABLE `chartshift__lookup__visit_status` (
  `key` VARCHAR(255) NOT NULL COLLATE `utf8mb4_nopad_bin`,
  `value` VARCHAR(500) COLLATE `utf8mb4_nopad_bin`,
  PRIMARY KEY (`key`)
);

-- specs/two_systems.mig:291: lookup visit_status rows 1-5
INSERT INTO `chartshift__lookup__visit_status` (
  `key`,
  `value`
)
VALUES
  ('CANCELED', 'cancelled'),
  ('CANCELLED', 'cancelled'),
  ('COMPLETED', 'completed'),
  ('NO SHOW', 'no-show'),
  ('NOSHOW', 'no-show');

-- specs/two_systems.mig:16: typed view sysA.patients (re-created over the new staging)
DROP VIEW IF EXISTS `sysA__patients`;

-- specs/two_systems.mig:33: typed view sysA.providers (re-created over the new staging)
DROP VIEW IF EXISTS `sysA__providers`;

-- specs/two_systems.mig:40: typed view sysA.payers (re-created over the new staging)
DROP VIEW IF EXISTS `sysA__payers`;

-- specs/two_systems.mig:45: typed view sysA.policies (re-created over the new staging)
DROP VIEW IF EXISTS `sysA__policies`;

-- specs/two_systems.mig:55: typed view sysA.cases (re-created over the new staging)
DROP VIEW IF EXISTS `sysA__cases`;

-- specs/two_systems.mig:69: typed view sysA.auths (re-created over the new staging)
DROP VIEW IF EXISTS `sysA__auths`;

-- specs/two_systems.mig:76: typed view sysA.visits (re-created over the new staging)
DROP VIEW IF EXISTS `sysA__visits`;

-- specs/two_systems.mig:97: typed view sysA.notes (re-created over the new staging)
DROP VIEW IF EXISTS `sysA__notes`;

-- specs/two_systems.mig:110: typed view sysB.clients (re-created over the new staging)
DROP VIEW IF EXISTS `sysB__clients`;

-- specs/two_systems.mig:123: typed view sysB.staff (re-created over the new staging)
DROP VIEW IF EXISTS `sysB__staff`;

-- specs/two_systems.mig:129: typed view sysB.insco (re-created over the new staging)
DROP VIEW IF EXISTS `sysB__insco`;

-- specs/two_systems.mig:135: typed view sysB.coverage (re-created over the new staging)
DROP VIEW IF EXISTS `sysB__coverage`;

-- specs/two_systems.mig:145: typed view sysB.episodes (re-created over the new staging)
DROP VIEW IF EXISTS `sysB__episodes`;

-- specs/two_systems.mig:155: typed view sysB.priorauth (re-created over the new staging)
DROP VIEW IF EXISTS `sysB__priorauth`;

-- specs/two_systems.mig:162: typed view sysB.appts (re-created over the new staging)
DROP VIEW IF EXISTS `sysB__appts`;

-- specs/two_systems.mig:170: typed view sysB.charges (re-created over the new staging)
DROP VIEW IF EXISTS `sysB__charges`;

-- specs/two_systems.mig:177: typed view sysB.procmap (re-created over the new staging)
DROP VIEW IF EXISTS `sysB__procmap`;

