-- chartshift 0.1.0 | dialect mysql
-- spec tests/golden/phases/phased.mig sha256 9de588c7335994ff2de2c612f0ae91112e81c3f4193a93b4ff497ef188d288d4
-- 95_apply: apply the delta to the live tables (one transaction)
-- Generated file: do not edit. Regenerate with `chartshift compile tests/golden/phases/phased.mig`.


-- the apply is one transaction (the DDL before it has committed)
BEGIN;

-- tests/golden/phases/phased.mig:23: emr.patient: removed rows deleted
DELETE FROM `emr__patient`
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM `emr__patient__cs_new` AS `n`
    WHERE
      `n`.`id` = `emr__patient`.`id`
  );

-- tests/golden/phases/phased.mig:23: emr.patient: new rows inserted, modified rows updated in place by key
INSERT INTO `emr__patient` (
  `id`,
  `mrn`,
  `name`
)
SELECT
  `n`.`id`,
  `n`.`mrn`,
  `n`.`name`
FROM `emr__patient__cs_new` AS `n`
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM `emr__patient` AS `l`
    WHERE
      `l`.`id` = `n`.`id` AND `l`.`mrn` <=> `n`.`mrn` AND `l`.`name` <=> `n`.`name`
  )
ON DUPLICATE KEY UPDATE `mrn` = VALUES(`mrn`), `name` = VALUES(`name`);

-- tests/golden/phases/phased.mig:28: emr.visit: removed rows deleted
DELETE FROM `emr__visit`
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM `emr__visit__cs_new` AS `n`
    WHERE
      `n`.`id` = `emr__visit`.`id`
  );

-- tests/golden/phases/phased.mig:28: emr.visit: new rows inserted, modified rows updated in place by key
INSERT INTO `emr__visit` (
  `id`,
  `code`,
  `patient_id`,
  `dos`
)
SELECT
  `n`.`id`,
  `n`.`code`,
  `n`.`patient_id`,
  `n`.`dos`
FROM `emr__visit__cs_new` AS `n`
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM `emr__visit` AS `l`
    WHERE
      `l`.`id` = `n`.`id`
      AND `l`.`code` <=> `n`.`code`
      AND `l`.`patient_id` <=> `n`.`patient_id`
      AND `l`.`dos` <=> `n`.`dos`
  )
ON DUPLICATE KEY UPDATE `code` = VALUES(`code`), `patient_id` = VALUES(`patient_id`), `dos` = VALUES(`dos`);

-- tests/golden/phases/phased.mig:34: emr.practitioner: removed rows deleted
DELETE FROM `emr__practitioner`
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM `emr__practitioner__cs_new` AS `n`
    WHERE
      `n`.`id` = `emr__practitioner`.`id`
  );

-- tests/golden/phases/phased.mig:34: emr.practitioner: new rows inserted, modified rows updated in place by key
INSERT INTO `emr__practitioner` (
  `id`,
  `code`,
  `name`
)
SELECT
  `n`.`id`,
  `n`.`code`,
  `n`.`name`
FROM `emr__practitioner__cs_new` AS `n`
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM `emr__practitioner` AS `l`
    WHERE
      `l`.`id` = `n`.`id` AND `l`.`code` <=> `n`.`code` AND `l`.`name` <=> `n`.`name`
  )
ON DUPLICATE KEY UPDATE `code` = VALUES(`code`), `name` = VALUES(`name`);

-- chartshift.xwalk__emr__practitioner: replaced by this run's
DELETE FROM `chartshift__xwalk__emr__practitioner`;

-- chartshift.xwalk__emr__practitioner: this run's rows
INSERT INTO `chartshift__xwalk__emr__practitioner`
SELECT
  *
FROM `chartshift__xwalk__emr__practitioner__cs_new`;

-- chartshift.xwalk__emr__patient: replaced by this run's
DELETE FROM `chartshift__xwalk__emr__patient`;

-- chartshift.xwalk__emr__patient: this run's rows
INSERT INTO `chartshift__xwalk__emr__patient`
SELECT
  *
FROM `chartshift__xwalk__emr__patient__cs_new`;

-- chartshift.xwalk__emr__visit: replaced by this run's
DELETE FROM `chartshift__xwalk__emr__visit`;

-- chartshift.xwalk__emr__visit: this run's rows
INSERT INTO `chartshift__xwalk__emr__visit`
SELECT
  *
FROM `chartshift__xwalk__emr__visit__cs_new`;

-- chartshift.rejects: replaced by this run's
DELETE FROM `chartshift__rejects`;

-- chartshift.rejects: this run's rows
INSERT INTO `chartshift__rejects`
SELECT
  *
FROM `chartshift__rejects__cs_new`;

-- chartshift.reconciliation: replaced by this run's
DELETE FROM `chartshift__reconciliation`;

-- chartshift.reconciliation: this run's rows
INSERT INTO `chartshift__reconciliation`
SELECT
  *
FROM `chartshift__reconciliation__cs_new`;

-- chartshift.state__legacy__patients: replaced by this run's
DELETE FROM `chartshift__state__legacy__patients`;

-- chartshift.state__legacy__patients: this run's rows
INSERT INTO `chartshift__state__legacy__patients`
SELECT
  *
FROM `chartshift__state__legacy__patients__cs_new`;

-- chartshift.state__legacy__visits: replaced by this run's
DELETE FROM `chartshift__state__legacy__visits`;

-- chartshift.state__legacy__visits: this run's rows
INSERT INTO `chartshift__state__legacy__visits`
SELECT
  *
FROM `chartshift__state__legacy__visits__cs_new`;

-- chartshift.state__legacy__providers: replaced by this run's
DELETE FROM `chartshift__state__legacy__providers`;

-- chartshift.state__legacy__providers: this run's rows
INSERT INTO `chartshift__state__legacy__providers`
SELECT
  *
FROM `chartshift__state__legacy__providers__cs_new`;

-- record phase history
INSERT INTO `chartshift__phases` (
  `phase`,
  `ordinal`,
  `files_sha256`,
  `run_at`
)
SELECT
  CAST('history' AS CHAR(200)),
  CAST(2 AS SIGNED),
  CAST('0000000000000000000000000000000000000000000000000000000000000000' AS CHAR(64)),
  CAST('2026-02-01T01:00:00+00:00' AS CHAR(40));

-- publish the delta
COMMIT;

