-- chartshift 0.1.0 | dialect mysql
-- spec specs/two_systems.mig sha256 9d1da9dc798cd11a9c1f7ee4b7de8c69cc4622f1cc8558493930c60b61d8837a
-- 90_validate: validation checks: each query returns (violations, denominator)
-- Generated file: do not edit. Regenerate with `chartshift compile specs/two_systems.mig`.


-- specs/two_systems.mig:401: check 1: unique (specs/two_systems.mig:401)
SELECT
  COALESCE(SUM(`d`.`n`), 0),
  (
    SELECT
      COUNT(`mrn`)
    FROM `emr__patient__cs_new`
  )
FROM (
  SELECT
    COUNT(*) AS `n`
  FROM `emr__patient__cs_new`
  WHERE
    NOT `mrn` IS NULL
  GROUP BY
    `mrn`
  HAVING
    COUNT(*) > 1
) AS `d`;

-- specs/two_systems.mig:402: check 2: valid (specs/two_systems.mig:402)
SELECT
  COALESCE(
    SUM(
      CASE
        WHEN NOT `cpt` IS NULL
        AND NOT (
          REGEXP_INSTR(
            CAST(`cpt` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
            '^([0-9]{5}|[A-Z][0-9]{4})\\z'
          ) > 0
        )
        THEN 1
        ELSE 0
      END
    ),
    0
  ),
  COUNT(`cpt`)
FROM `emr__charge_line__cs_new`;

-- specs/two_systems.mig:403: check 3: valid (specs/two_systems.mig:403)
SELECT
  COALESCE(
    SUM(
      CASE
        WHEN NOT `units` IS NULL AND NOT (
          `units` BETWEEN 1 AND 8
        )
        THEN 1
        ELSE 0
      END
    ),
    0
  ),
  COUNT(`units`)
FROM `emr__charge_line__cs_new`;

-- specs/two_systems.mig:404: check 4: references (specs/two_systems.mig:404)
SELECT
  COUNT(`t`.`patient_id`) - COUNT(`u`.`id`),
  COUNT(`t`.`patient_id`)
FROM `emr__encounter__cs_new` AS `t`
LEFT JOIN `emr__patient__cs_new` AS `u`
  ON `u`.`id` = `t`.`patient_id`;

-- specs/two_systems.mig:405: check 5: references (specs/two_systems.mig:405)
SELECT
  COUNT(`t`.`encounter_id`) - COUNT(`u`.`id`),
  COUNT(`t`.`encounter_id`)
FROM `emr__charge_line__cs_new` AS `t`
LEFT JOIN `emr__encounter__cs_new` AS `u`
  ON `u`.`id` = `t`.`encounter_id`;

-- specs/two_systems.mig:406: check 6: references (specs/two_systems.mig:406)
SELECT
  COUNT(`t`.`episode_id`) - COUNT(`u`.`id`),
  COUNT(`t`.`episode_id`)
FROM `emr__diagnosis__cs_new` AS `t`
LEFT JOIN `emr__episode__cs_new` AS `u`
  ON `u`.`id` = `t`.`episode_id`;

-- specs/two_systems.mig:407: check 7: consistent (specs/two_systems.mig:407)
SELECT
  COALESCE(
    SUM(
      CASE
        WHEN NOT COALESCE((
          (
            `end_date`
          ) >= (
            `start_date`
          )
        ), TRUE)
        THEN 1
        ELSE 0
      END
    ),
    0
  ),
  COUNT(*)
FROM `emr__authorization__cs_new`;

