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
  );

-- chartshift.state__legacy__patients: this run's new and changed rows
INSERT INTO `chartshift__state__legacy__patients` (
  `__row`,
  `pat_no`,
  `name`
)
SELECT
  `n`.`__row`,
  `n`.`pat_no`,
  `n`.`name`
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
  );

-- chartshift.state__legacy__visits: this run's new and changed rows
INSERT INTO `chartshift__state__legacy__visits` (
  `__row`,
  `visit_id`,
  `pat_no`
)
SELECT
  `n`.`__row`,
  `n`.`visit_id`,
  `n`.`pat_no`
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

