-- chartshift 0.1.0 | dialect mysql
-- spec tests/conformance/specs/delta_flags.mig sha256 90cb70e9dea6053dba4ed49e5e3c74b76bcf1da0648d75285316f9b5561adbb9
-- 15_state: the source state of this run: the previous state with the extract applied
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/delta_flags.mig`.


-- tests/conformance/specs/delta_flags.mig:11: legacy.patients: every delta row with its key and change
INSERT INTO `chartshift__delta__legacy__patients` (
  `__key`,
  `__flag`,
  `__row`,
  `__rank`
)
SELECT
  CAST(CAST((
    `v`.`pat_no`
  ) AS CHAR) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
  CASE
    WHEN TRIM(`s`.`change_flag`) = 'A'
    THEN 'new'
    WHEN TRIM(`s`.`change_flag`) = 'U'
    THEN 'modified'
    WHEN TRIM(`s`.`change_flag`) = 'D'
    THEN 'removed'
  END,
  `s`.`__row`,
  ROW_NUMBER() OVER (
    PARTITION BY CAST(CAST((
      `s`.`pat_no`
    ) AS CHAR) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin
    ORDER BY `s`.`changed_at` DESC, `s`.`__row` DESC
  )
FROM `chartshift_stage__legacy__patients` AS `s`
JOIN `legacy__patients` AS `v`
  ON `v`.`__row` = `s`.`__row`;

-- tests/conformance/specs/delta_flags.mig:11: legacy.patients: previous rows not in the extract, then each key's latest change (in its key's place)
INSERT INTO `chartshift__state__legacy__patients__cs_new` (
  `__row`,
  `pat_no`,
  `name`
)
SELECT
  `p`.`__row`,
  `p`.`pat_no`,
  `p`.`name`
FROM `chartshift__state__legacy__patients` AS `p`
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM `chartshift_stage__legacy__patients` AS `s`
    WHERE
      CAST(CAST((
        `s`.`pat_no`
      ) AS CHAR) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin = CAST(CAST((
        `p`.`pat_no`
      ) AS CHAR) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin
  )
UNION ALL
SELECT
  COALESCE(
    `p`.`__row`,
    (
      SELECT
        COALESCE(MAX(`m`.`__row`), 0)
      FROM `chartshift__state__legacy__patients` AS `m`
    ) + ROW_NUMBER() OVER (
      ORDER BY CASE WHEN (
        NOT `p`.`__row` IS NULL
      ) IS NULL THEN 1 ELSE 0 END, (
        NOT `p`.`__row` IS NULL
      ), CASE WHEN `d`.`__row` IS NULL THEN 1 ELSE 0 END, `d`.`__row`
    )
  ),
  `d`.`pat_no`,
  `d`.`name`
FROM (
  SELECT
    `s`.`__row`,
    `s`.`pat_no`,
    `s`.`name`,
    CASE
      WHEN TRIM(`s`.`change_flag`) = 'A'
      THEN 'new'
      WHEN TRIM(`s`.`change_flag`) = 'U'
      THEN 'modified'
      WHEN TRIM(`s`.`change_flag`) = 'D'
      THEN 'removed'
    END AS `__change`,
    ROW_NUMBER() OVER (
      PARTITION BY CAST(CAST((
        `s`.`pat_no`
      ) AS CHAR) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin
      ORDER BY `s`.`changed_at` DESC, `s`.`__row` DESC
    ) AS `__rank`
  FROM `chartshift_stage__legacy__patients` AS `s`
) AS `d`
LEFT JOIN `chartshift__state__legacy__patients` AS `p`
  ON CAST(CAST((
    `p`.`pat_no`
  ) AS CHAR) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin = CAST(CAST((
    `d`.`pat_no`
  ) AS CHAR) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin
WHERE
  `d`.`__rank` = 1 AND `d`.`__change` IN ('new', 'modified');

-- tests/conformance/specs/delta_flags.mig:17: legacy.visits: every delta row with its key and change
INSERT INTO `chartshift__delta__legacy__visits` (
  `__key`,
  `__flag`,
  `__row`,
  `__rank`
)
SELECT
  CAST(CAST((
    `v`.`visit_id`
  ) AS CHAR) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
  CASE
    WHEN TRIM(`s`.`change_flag`) = '1'
    THEN 'new'
    WHEN TRIM(`s`.`change_flag`) = '2'
    THEN 'modified'
    WHEN TRIM(`s`.`change_flag`) = '3'
    THEN 'removed'
  END,
  `s`.`__row`,
  ROW_NUMBER() OVER (
    PARTITION BY CAST(CAST((
      `s`.`visit_id`
    ) AS CHAR) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin
    ORDER BY `s`.`__row` DESC
  )
FROM `chartshift_stage__legacy__visits` AS `s`
JOIN `legacy__visits` AS `v`
  ON `v`.`__row` = `s`.`__row`;

-- tests/conformance/specs/delta_flags.mig:17: legacy.visits: previous rows not in the extract, then each key's latest change (in its key's place)
INSERT INTO `chartshift__state__legacy__visits__cs_new` (
  `__row`,
  `visit_id`,
  `pat_no`
)
SELECT
  `p`.`__row`,
  `p`.`visit_id`,
  `p`.`pat_no`
FROM `chartshift__state__legacy__visits` AS `p`
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM `chartshift_stage__legacy__visits` AS `s`
    WHERE
      CAST(CAST((
        `s`.`visit_id`
      ) AS CHAR) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin = CAST(CAST((
        `p`.`visit_id`
      ) AS CHAR) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin
  )
UNION ALL
SELECT
  COALESCE(
    `p`.`__row`,
    (
      SELECT
        COALESCE(MAX(`m`.`__row`), 0)
      FROM `chartshift__state__legacy__visits` AS `m`
    ) + ROW_NUMBER() OVER (
      ORDER BY CASE WHEN (
        NOT `p`.`__row` IS NULL
      ) IS NULL THEN 1 ELSE 0 END, (
        NOT `p`.`__row` IS NULL
      ), CASE WHEN `d`.`__row` IS NULL THEN 1 ELSE 0 END, `d`.`__row`
    )
  ),
  `d`.`visit_id`,
  `d`.`pat_no`
FROM (
  SELECT
    `s`.`__row`,
    `s`.`visit_id`,
    `s`.`pat_no`,
    CASE
      WHEN TRIM(`s`.`change_flag`) = '1'
      THEN 'new'
      WHEN TRIM(`s`.`change_flag`) = '2'
      THEN 'modified'
      WHEN TRIM(`s`.`change_flag`) = '3'
      THEN 'removed'
    END AS `__change`,
    ROW_NUMBER() OVER (
      PARTITION BY CAST(CAST((
        `s`.`visit_id`
      ) AS CHAR) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin
      ORDER BY `s`.`__row` DESC
    ) AS `__rank`
  FROM `chartshift_stage__legacy__visits` AS `s`
) AS `d`
LEFT JOIN `chartshift__state__legacy__visits` AS `p`
  ON CAST(CAST((
    `p`.`visit_id`
  ) AS CHAR) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin = CAST(CAST((
    `d`.`visit_id`
  ) AS CHAR) AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin
WHERE
  `d`.`__rank` = 1 AND `d`.`__change` IN ('new', 'modified');

-- tests/conformance/specs/delta_flags.mig:8: legacy.patients: the maps read the source state
DELETE FROM `chartshift_stage__legacy__patients`;

-- tests/conformance/specs/delta_flags.mig:8: legacy.patients: the staging table holds the whole source state
INSERT INTO `chartshift_stage__legacy__patients` (
  `__row`,
  `pat_no`,
  `name`
)
SELECT
  `__row`,
  `pat_no`,
  `name`
FROM `chartshift__state__legacy__patients__cs_new`;

-- tests/conformance/specs/delta_flags.mig:14: legacy.visits: the maps read the source state
DELETE FROM `chartshift_stage__legacy__visits`;

-- tests/conformance/specs/delta_flags.mig:14: legacy.visits: the staging table holds the whole source state
INSERT INTO `chartshift_stage__legacy__visits` (
  `__row`,
  `visit_id`,
  `pat_no`
)
SELECT
  `__row`,
  `visit_id`,
  `pat_no`
FROM `chartshift__state__legacy__visits__cs_new`;

