-- chartshift 0.1.0 | dialect mysql
-- spec tests/conformance/specs/delta_flags.mig sha256 90cb70e9dea6053dba4ed49e5e3c74b76bcf1da0648d75285316f9b5561adbb9
-- 95_apply: apply the delta to the live tables (one transaction)
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/delta_flags.mig`.


-- the apply is one transaction (the DDL before it has committed)
BEGIN;

-- tests/conformance/specs/delta_flags.mig:39: emr.patient: removed rows marked (status)
UPDATE `emr__patient` SET `status` = CAST('inactive' AS CHAR(8))
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM `emr__patient__cs_new` AS `n`
    WHERE
      `n`.`id` = `emr__patient`.`id`
  )
  AND NOT `emr__patient`.`status` <=> CAST('inactive' AS CHAR(8));

-- tests/conformance/specs/delta_flags.mig:22: emr.patient: new rows inserted, modified rows updated in place by key
INSERT INTO `emr__patient` (
  `id`,
  `mrn`,
  `name`,
  `status`
)
SELECT
  `n`.`id`,
  `n`.`mrn`,
  `n`.`name`,
  `n`.`status`
FROM `emr__patient__cs_new` AS `n`
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM `emr__patient` AS `l`
    WHERE
      `l`.`id` = `n`.`id`
      AND `l`.`mrn` <=> `n`.`mrn`
      AND `l`.`name` <=> `n`.`name`
      AND `l`.`status` <=> `n`.`status`
  )
ON DUPLICATE KEY UPDATE `mrn` = VALUES(`mrn`), `name` = VALUES(`name`), `status` = VALUES(`status`);

-- tests/conformance/specs/delta_flags.mig:28: emr.visit: removed rows deleted
DELETE FROM `emr__visit`
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM `emr__visit__cs_new` AS `n`
    WHERE
      `n`.`id` = `emr__visit`.`id`
  );

-- tests/conformance/specs/delta_flags.mig:28: emr.visit: new rows inserted, modified rows updated in place by key
INSERT INTO `emr__visit` (
  `id`,
  `patient_id`
)
SELECT
  `n`.`id`,
  `n`.`patient_id`
FROM `emr__visit__cs_new` AS `n`
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM `emr__visit` AS `l`
    WHERE
      `l`.`id` = `n`.`id` AND `l`.`patient_id` <=> `n`.`patient_id`
  )
ON DUPLICATE KEY UPDATE `patient_id` = VALUES(`patient_id`);

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

-- record extract x-1
INSERT INTO `chartshift__extracts` (
  `extract_id`,
  `kind`,
  `sequence`,
  `extracted_at`,
  `files_sha256`,
  `applied_at`
)
SELECT
  CAST('x-1' AS CHAR(200)),
  CAST('delta' AS CHAR(10)),
  CAST(1 AS SIGNED),
  CAST('2026-02-01T00:00:00Z' AS CHAR(40)),
  CAST('0000000000000000000000000000000000000000000000000000000000000000' AS CHAR(64)),
  CAST('2026-02-01T01:00:00+00:00' AS CHAR(40));

-- publish the delta
COMMIT;

