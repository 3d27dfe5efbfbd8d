-- chartshift 0.1.0 | dialect mysql
-- spec tests/conformance/specs/delta_flags.mig sha256 90cb70e9dea6053dba4ed49e5e3c74b76bcf1da0648d75285316f9b5561adbb9
-- 92_delta: delta accounting: delta rows = inserted + updated + deleted + unchanged + rejected + filtered + merged
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/delta_flags.mig`.


-- rejects placed in their files by earlier runs (left by an earlier run)
DROP TABLE IF EXISTS `chartshift__cs_reject_places`;

-- rejects placed in their files by earlier runs
CREATE TABLE `chartshift__cs_reject_places` AS
SELECT
  `map`,
  `record`,
  `slot`,
  `source_file`,
  `source_line`,
  `byte_offset`,
  `original_row`
FROM `chartshift__rejects`
WHERE
  NOT `map` IS NULL AND NOT `source_file` IS NULL;

-- tests/conformance/specs/delta_flags.mig:34: legacy.patients -> emr.patient: what became of each delta row
SELECT
  (
    SELECT
      COUNT(*)
    FROM `chartshift__delta__legacy__patients`
  ) AS `delta_rows`,
  SUM(CASE WHEN `c`.`cls` = 'inserted' THEN 1 ELSE 0 END) AS `inserted`,
  SUM(CASE WHEN `c`.`cls` = 'updated' THEN 1 ELSE 0 END) AS `updated`,
  SUM(CASE WHEN `c`.`cls` = 'deleted' THEN 1 ELSE 0 END) AS `deleted`,
  SUM(CASE WHEN `c`.`cls` = 'unchanged' THEN 1 ELSE 0 END) AS `unchanged`,
  SUM(CASE WHEN `c`.`cls` = 'rejected' THEN 1 ELSE 0 END) AS `rejected`,
  SUM(CASE WHEN `c`.`cls` = 'filtered' THEN 1 ELSE 0 END) AS `filtered`,
  SUM(CASE WHEN `c`.`cls` = 'merged' THEN 1 ELSE 0 END) AS `merged`,
  SUM(CASE WHEN `c`.`__flag` IS NULL THEN 1 ELSE 0 END) AS `unknown_flag`
FROM (
  SELECT
    CASE
      WHEN `k`.`__flag` = 'removed'
      AND (
        NOT `lx`.`legacy_key` IS NULL AND `lx`.`state` <> 'inactive'
      )
      THEN 'deleted'
      WHEN `k`.`__flag` = 'removed'
      THEN 'unchanged'
      WHEN `k`.`__key` IN (
        SELECT
          `r`.`source_key`
        FROM `chartshift__rejects__cs_new` AS `r`
        WHERE
          `r`.`map` = 'legacy.patients -> emr.patient'
      )
      THEN 'rejected'
      WHEN `x`.`state` = 'merged'
      THEN 'merged'
      WHEN NOT `n`.`id` IS NULL AND `l`.`id` IS NULL
      THEN 'inserted'
      WHEN NOT `n`.`id` IS NULL
      AND NOT (
        `l`.`id` = `n`.`id`
        AND `l`.`mrn` <=> `n`.`mrn`
        AND `l`.`name` <=> `n`.`name`
        AND `l`.`status` <=> `n`.`status`
      )
      THEN 'updated'
      WHEN NOT `n`.`id` IS NULL
      THEN 'unchanged'
      ELSE 'filtered'
    END AS `cls`,
    `k`.`__flag`
  FROM (
    SELECT
      `d`.`__flag`,
      `d`.`__key`,
      `d`.`__key` AS `__xkey`
    FROM `chartshift__delta__legacy__patients` AS `d`
  ) AS `k`
  LEFT JOIN `chartshift__xwalk__emr__patient` AS `lx`
    ON `lx`.`legacy_key` = `k`.`__xkey`
  LEFT JOIN `chartshift__xwalk__emr__patient__cs_new` AS `x`
    ON `x`.`legacy_key` = `k`.`__xkey`
  LEFT JOIN `emr__patient__cs_new` AS `n`
    ON `n`.`id` = `x`.`own_id` AND `x`.`state` = 'loaded'
  LEFT JOIN `emr__patient` AS `l`
    ON `l`.`id` = `n`.`id`
) AS `c`;

-- tests/conformance/specs/delta_flags.mig:42: legacy.visits -> emr.visit: what became of each delta row
SELECT
  (
    SELECT
      COUNT(*)
    FROM `chartshift__delta__legacy__visits`
  ) AS `delta_rows`,
  SUM(CASE WHEN `c`.`cls` = 'inserted' THEN 1 ELSE 0 END) AS `inserted`,
  SUM(CASE WHEN `c`.`cls` = 'updated' THEN 1 ELSE 0 END) AS `updated`,
  SUM(CASE WHEN `c`.`cls` = 'deleted' THEN 1 ELSE 0 END) AS `deleted`,
  SUM(CASE WHEN `c`.`cls` = 'unchanged' THEN 1 ELSE 0 END) AS `unchanged`,
  SUM(CASE WHEN `c`.`cls` = 'rejected' THEN 1 ELSE 0 END) AS `rejected`,
  SUM(CASE WHEN `c`.`cls` = 'filtered' THEN 1 ELSE 0 END) AS `filtered`,
  SUM(CASE WHEN `c`.`cls` = 'merged' THEN 1 ELSE 0 END) AS `merged`,
  SUM(CASE WHEN `c`.`__flag` IS NULL THEN 1 ELSE 0 END) AS `unknown_flag`
FROM (
  SELECT
    CASE
      WHEN `k`.`__flag` = 'removed'
      AND (
        NOT `lx`.`legacy_key` IS NULL AND `lx`.`state` <> 'inactive'
      )
      THEN 'deleted'
      WHEN `k`.`__flag` = 'removed'
      THEN 'unchanged'
      WHEN `k`.`__key` IN (
        SELECT
          `r`.`source_key`
        FROM `chartshift__rejects__cs_new` AS `r`
        WHERE
          `r`.`map` = 'legacy.visits -> emr.visit'
      )
      THEN 'rejected'
      WHEN `x`.`state` = 'merged'
      THEN 'merged'
      WHEN NOT `n`.`id` IS NULL AND `l`.`id` IS NULL
      THEN 'inserted'
      WHEN NOT `n`.`id` IS NULL
      AND NOT (
        `l`.`id` = `n`.`id` AND `l`.`patient_id` <=> `n`.`patient_id`
      )
      THEN 'updated'
      WHEN NOT `n`.`id` IS NULL
      THEN 'unchanged'
      ELSE 'filtered'
    END AS `cls`,
    `k`.`__flag`
  FROM (
    SELECT
      `d`.`__flag`,
      `d`.`__key`,
      `d`.`__key` AS `__xkey`
    FROM `chartshift__delta__legacy__visits` AS `d`
  ) AS `k`
  LEFT JOIN `chartshift__xwalk__emr__visit` AS `lx`
    ON `lx`.`legacy_key` = `k`.`__xkey`
  LEFT JOIN `chartshift__xwalk__emr__visit__cs_new` AS `x`
    ON `x`.`legacy_key` = `k`.`__xkey`
  LEFT JOIN `emr__visit__cs_new` AS `n`
    ON `n`.`id` = `x`.`own_id` AND `x`.`state` = 'loaded'
  LEFT JOIN `emr__visit` AS `l`
    ON `l`.`id` = `n`.`id`
) AS `c`;

-- tests/conformance/specs/delta_flags.mig:22: emr.patient: rows this delta changes
SELECT
  COALESCE(SUM(CASE WHEN `p`.`__new` = TRUE THEN 1 ELSE 0 END), 0) AS `inserted`,
  COALESCE(
    SUM(
      CASE
        WHEN `p`.`__new` = FALSE AND NOT COALESCE(`p`.`__same`, FALSE)
        THEN 1
        ELSE 0
      END
    ),
    0
  ) AS `updated`,
  (
    SELECT
      COUNT(*)
    FROM `emr__patient` AS `l`
    WHERE
      NOT EXISTS(
        SELECT
          1
        FROM `emr__patient__cs_new` AS `n`
        WHERE
          `l`.`id` = `n`.`id`
      )
      AND NOT `l`.`status` <=> CAST('inactive' AS CHAR(8))
  ) AS `removed`
FROM (
  SELECT
    `l`.`id` IS NULL AS `__new`,
    (
      `l`.`id` = `n`.`id`
      AND `l`.`mrn` <=> `n`.`mrn`
      AND `l`.`name` <=> `n`.`name`
      AND `l`.`status` <=> `n`.`status`
    ) AS `__same`
  FROM `emr__patient__cs_new` AS `n`
  LEFT JOIN `emr__patient` AS `l`
    ON `l`.`id` = `n`.`id`
) AS `p`;

-- tests/conformance/specs/delta_flags.mig:28: emr.visit: rows this delta changes
SELECT
  COALESCE(SUM(CASE WHEN `p`.`__new` = TRUE THEN 1 ELSE 0 END), 0) AS `inserted`,
  COALESCE(
    SUM(
      CASE
        WHEN `p`.`__new` = FALSE AND NOT COALESCE(`p`.`__same`, FALSE)
        THEN 1
        ELSE 0
      END
    ),
    0
  ) AS `updated`,
  (
    SELECT
      COUNT(*)
    FROM `emr__visit` AS `l`
    WHERE
      NOT EXISTS(
        SELECT
          1
        FROM `emr__visit__cs_new` AS `n`
        WHERE
          `l`.`id` = `n`.`id`
      )
  ) AS `removed`
FROM (
  SELECT
    `l`.`id` IS NULL AS `__new`,
    (
      `l`.`id` = `n`.`id` AND `l`.`patient_id` <=> `n`.`patient_id`
    ) AS `__same`
  FROM `emr__visit__cs_new` AS `n`
  LEFT JOIN `emr__visit` AS `l`
    ON `l`.`id` = `n`.`id`
) AS `p`;

