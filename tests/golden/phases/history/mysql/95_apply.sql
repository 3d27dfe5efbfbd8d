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

-- chartshift.xwalk__emr__practitioner: rows this run changed or removed
DELETE FROM `chartshift__xwalk__emr__practitioner`
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM `chartshift__xwalk__emr__practitioner__cs_new` AS `n`
    WHERE
      `n`.`legacy_key` = `chartshift__xwalk__emr__practitioner`.`legacy_key`
      AND `n`.`own_id` <=> `chartshift__xwalk__emr__practitioner`.`own_id`
      AND `n`.`target_id` <=> `chartshift__xwalk__emr__practitioner`.`target_id`
      AND `n`.`state` <=> `chartshift__xwalk__emr__practitioner`.`state`
  );

-- chartshift.xwalk__emr__practitioner: this run's new and changed rows
INSERT INTO `chartshift__xwalk__emr__practitioner` (
  `legacy_key`,
  `own_id`,
  `target_id`,
  `state`
)
SELECT
  `n`.`legacy_key`,
  `n`.`own_id`,
  `n`.`target_id`,
  `n`.`state`
FROM `chartshift__xwalk__emr__practitioner__cs_new` AS `n`
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM `chartshift__xwalk__emr__practitioner` AS `l`
    WHERE
      `l`.`legacy_key` = `n`.`legacy_key`
      AND `l`.`own_id` <=> `n`.`own_id`
      AND `l`.`target_id` <=> `n`.`target_id`
      AND `l`.`state` <=> `n`.`state`
  );

-- chartshift.xwalk__emr__patient: rows this run changed or removed
DELETE FROM `chartshift__xwalk__emr__patient`
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM `chartshift__xwalk__emr__patient__cs_new` AS `n`
    WHERE
      `n`.`legacy_key` = `chartshift__xwalk__emr__patient`.`legacy_key`
      AND `n`.`own_id` <=> `chartshift__xwalk__emr__patient`.`own_id`
      AND `n`.`target_id` <=> `chartshift__xwalk__emr__patient`.`target_id`
      AND `n`.`state` <=> `chartshift__xwalk__emr__patient`.`state`
  );

-- chartshift.xwalk__emr__patient: this run's new and changed rows
INSERT INTO `chartshift__xwalk__emr__patient` (
  `legacy_key`,
  `own_id`,
  `target_id`,
  `state`
)
SELECT
  `n`.`legacy_key`,
  `n`.`own_id`,
  `n`.`target_id`,
  `n`.`state`
FROM `chartshift__xwalk__emr__patient__cs_new` AS `n`
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM `chartshift__xwalk__emr__patient` AS `l`
    WHERE
      `l`.`legacy_key` = `n`.`legacy_key`
      AND `l`.`own_id` <=> `n`.`own_id`
      AND `l`.`target_id` <=> `n`.`target_id`
      AND `l`.`state` <=> `n`.`state`
  );

-- chartshift.xwalk__emr__visit: rows this run changed or removed
DELETE FROM `chartshift__xwalk__emr__visit`
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM `chartshift__xwalk__emr__visit__cs_new` AS `n`
    WHERE
      `n`.`legacy_key` = `chartshift__xwalk__emr__visit`.`legacy_key`
      AND `n`.`own_id` <=> `chartshift__xwalk__emr__visit`.`own_id`
      AND `n`.`target_id` <=> `chartshift__xwalk__emr__visit`.`target_id`
      AND `n`.`state` <=> `chartshift__xwalk__emr__visit`.`state`
  );

-- chartshift.xwalk__emr__visit: this run's new and changed rows
INSERT INTO `chartshift__xwalk__emr__visit` (
  `legacy_key`,
  `own_id`,
  `target_id`,
  `state`
)
SELECT
  `n`.`legacy_key`,
  `n`.`own_id`,
  `n`.`target_id`,
  `n`.`state`
FROM `chartshift__xwalk__emr__visit__cs_new` AS `n`
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM `chartshift__xwalk__emr__visit` AS `l`
    WHERE
      `l`.`legacy_key` = `n`.`legacy_key`
      AND `l`.`own_id` <=> `n`.`own_id`
      AND `l`.`target_id` <=> `n`.`target_id`
      AND `l`.`state` <=> `n`.`state`
  );

-- chartshift.state__legacy__patients: rows this run changed or removed
DELETE FROM `chartshift__state__legacy__patients`
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM `chartshift__state__legacy__patients__cs_new` AS `n`
    WHERE
      `n`.`__row` = `chartshift__state__legacy__patients`.`__row`
      AND `n`.`pat_no` <=> `chartshift__state__legacy__patients`.`pat_no`
      AND `n`.`name` <=> `chartshift__state__legacy__patients`.`name`
      AND `n`.`dob` <=> `chartshift__state__legacy__patients`.`dob`
      AND `n`.`status` <=> `chartshift__state__legacy__patients`.`status`
  );

-- chartshift.state__legacy__patients: this run's new and changed rows
INSERT INTO `chartshift__state__legacy__patients` (
  `__row`,
  `pat_no`,
  `name`,
  `dob`,
  `status`
)
SELECT
  `n`.`__row`,
  `n`.`pat_no`,
  `n`.`name`,
  `n`.`dob`,
  `n`.`status`
FROM `chartshift__state__legacy__patients__cs_new` AS `n`
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM `chartshift__state__legacy__patients` AS `l`
    WHERE
      `l`.`__row` = `n`.`__row`
      AND `l`.`pat_no` <=> `n`.`pat_no`
      AND `l`.`name` <=> `n`.`name`
      AND `l`.`dob` <=> `n`.`dob`
      AND `l`.`status` <=> `n`.`status`
  );

-- chartshift.state__legacy__visits: rows this run changed or removed
DELETE FROM `chartshift__state__legacy__visits`
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM `chartshift__state__legacy__visits__cs_new` AS `n`
    WHERE
      `n`.`__row` = `chartshift__state__legacy__visits`.`__row`
      AND `n`.`visit_id` <=> `chartshift__state__legacy__visits`.`visit_id`
      AND `n`.`pat_no` <=> `chartshift__state__legacy__visits`.`pat_no`
      AND `n`.`dos` <=> `chartshift__state__legacy__visits`.`dos`
  );

-- chartshift.state__legacy__visits: this run's new and changed rows
INSERT INTO `chartshift__state__legacy__visits` (
  `__row`,
  `visit_id`,
  `pat_no`,
  `dos`
)
SELECT
  `n`.`__row`,
  `n`.`visit_id`,
  `n`.`pat_no`,
  `n`.`dos`
FROM `chartshift__state__legacy__visits__cs_new` AS `n`
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM `chartshift__state__legacy__visits` AS `l`
    WHERE
      `l`.`__row` = `n`.`__row`
      AND `l`.`visit_id` <=> `n`.`visit_id`
      AND `l`.`pat_no` <=> `n`.`pat_no`
      AND `l`.`dos` <=> `n`.`dos`
  );

-- chartshift.state__legacy__providers: rows this run changed or removed
DELETE FROM `chartshift__state__legacy__providers`
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM `chartshift__state__legacy__providers__cs_new` AS `n`
    WHERE
      `n`.`__row` = `chartshift__state__legacy__providers`.`__row`
      AND `n`.`prov_id` <=> `chartshift__state__legacy__providers`.`prov_id`
      AND `n`.`name` <=> `chartshift__state__legacy__providers`.`name`
  );

-- chartshift.state__legacy__providers: this run's new and changed rows
INSERT INTO `chartshift__state__legacy__providers` (
  `__row`,
  `prov_id`,
  `name`
)
SELECT
  `n`.`__row`,
  `n`.`prov_id`,
  `n`.`name`
FROM `chartshift__state__legacy__providers__cs_new` AS `n`
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM `chartshift__state__legacy__providers` AS `l`
    WHERE
      `l`.`__row` = `n`.`__row`
      AND `l`.`prov_id` <=> `n`.`prov_id`
      AND `l`.`name` <=> `n`.`name`
  );

-- chartshift.rejects: replaced by this run's
DELETE FROM `chartshift__rejects`;

-- chartshift.rejects: this run's rows; a row not in this extract keeps its place in its file
INSERT INTO `chartshift__rejects` (
  `map`,
  `source_table`,
  `source_key`,
  `slot`,
  `record`,
  `rule`,
  `reason`,
  `original_row`,
  `reason_code`,
  `source_file`,
  `source_line`,
  `byte_offset`
)
SELECT
  `n`.`map` AS `map`,
  `n`.`source_table` AS `source_table`,
  `n`.`source_key` AS `source_key`,
  `n`.`slot` AS `slot`,
  `n`.`record` AS `record`,
  `n`.`rule` AS `rule`,
  `n`.`reason` AS `reason`,
  CASE
    WHEN `n`.`source_file` IS NULL
    THEN `k`.`original_row`
    ELSE `n`.`original_row`
  END AS `original_row`,
  `n`.`reason_code` AS `reason_code`,
  CASE
    WHEN `n`.`source_file` IS NULL
    THEN `k`.`source_file`
    ELSE `n`.`source_file`
  END AS `source_file`,
  CASE
    WHEN `n`.`source_file` IS NULL
    THEN `k`.`source_line`
    ELSE `n`.`source_line`
  END AS `source_line`,
  CASE
    WHEN `n`.`source_file` IS NULL
    THEN `k`.`byte_offset`
    ELSE `n`.`byte_offset`
  END AS `byte_offset`
FROM `chartshift__rejects__cs_new` AS `n`
LEFT JOIN `chartshift__cs_reject_places` AS `k`
  ON `k`.`map` = `n`.`map`
  AND `k`.`record` = `n`.`record`
  AND `k`.`slot` <=> `n`.`slot`;

-- chartshift.reconciliation: replaced by this run's
DELETE FROM `chartshift__reconciliation`;

-- chartshift.reconciliation: this run's rows
INSERT INTO `chartshift__reconciliation`
SELECT
  *
FROM `chartshift__reconciliation__cs_new`;

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

