-- chartshift 0.1.0 | dialect mysql
-- spec specs/two_systems.mig sha256 76eeb791ddfc46d4013247302076b35042796b3181d91a47e7b0e553ee1643b2
-- 90_validate: validation checks: each query returns (violations, denominator)
-- Generated file: do not edit. Regenerate with `chartshift compile specs/two_systems.mig`.


-- specs/two_systems.mig:601: check 1: unique (specs/two_systems.mig:601)
SELECT
  COALESCE(SUM(`d`.`n`), 0),
  (
    SELECT
      COUNT(`npi`)
    FROM `emr__practitioner__cs_new`
  )
FROM (
  SELECT
    COUNT(*) AS `n`
  FROM `emr__practitioner__cs_new`
  WHERE
    NOT `npi` IS NULL
  GROUP BY
    `npi`
  HAVING
    COUNT(*) > 1
) AS `d`;

-- specs/two_systems.mig:602: check 2: valid (specs/two_systems.mig:602)
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

-- specs/two_systems.mig:603: check 3: valid (specs/two_systems.mig:603)
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

-- specs/two_systems.mig:604: check 4: valid (specs/two_systems.mig:604)
SELECT
  COALESCE(
    SUM(
      CASE
        WHEN NOT `icd10_code` IS NULL
        AND NOT (
          REGEXP_INSTR(
            CAST(`icd10_code` AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin,
            '^[A-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?\\z'
          ) > 0
        )
        THEN 1
        ELSE 0
      END
    ),
    0
  ),
  COUNT(`icd10_code`)
FROM `emr__diagnosis__cs_new`;

-- specs/two_systems.mig:605: check 5: references (specs/two_systems.mig:605)
SELECT
  COUNT(`t`.`patient_id`) - COUNT(`u`.`id`),
  COUNT(`t`.`patient_id`)
FROM `emr__encounter__cs_new` AS `t`
LEFT JOIN `emr__patient__cs_new` AS `u`
  ON `u`.`id` = `t`.`patient_id`;

-- specs/two_systems.mig:606: check 6: references (specs/two_systems.mig:606)
SELECT
  COUNT(`t`.`encounter_id`) - COUNT(`u`.`id`),
  COUNT(`t`.`encounter_id`)
FROM `emr__charge_line__cs_new` AS `t`
LEFT JOIN `emr__encounter__cs_new` AS `u`
  ON `u`.`id` = `t`.`encounter_id`;

-- specs/two_systems.mig:607: check 7: references (specs/two_systems.mig:607)
SELECT
  COUNT(`t`.`episode_id`) - COUNT(`u`.`id`),
  COUNT(`t`.`episode_id`)
FROM `emr__diagnosis__cs_new` AS `t`
LEFT JOIN `emr__episode__cs_new` AS `u`
  ON `u`.`id` = `t`.`episode_id`;

-- specs/two_systems.mig:608: check 8: references (specs/two_systems.mig:608)
SELECT
  COUNT(`t`.`episode_id`) - COUNT(`u`.`id`),
  COUNT(`t`.`episode_id`)
FROM `emr__episode_activity__cs_new` AS `t`
LEFT JOIN `emr__episode__cs_new` AS `u`
  ON `u`.`id` = `t`.`episode_id`;

-- specs/two_systems.mig:609: check 9: references (specs/two_systems.mig:609)
SELECT
  COUNT(`t`.`authorization_id`) - COUNT(`u`.`id`),
  COUNT(`t`.`authorization_id`)
FROM `emr__auth_usage__cs_new` AS `t`
LEFT JOIN `emr__authorization__cs_new` AS `u`
  ON `u`.`id` = `t`.`authorization_id`;

-- specs/two_systems.mig:610: check 10: consistent (specs/two_systems.mig:610)
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

-- specs/two_systems.mig:611: check 11: consistent (specs/two_systems.mig:611)
SELECT
  COALESCE(
    SUM(
      CASE
        WHEN NOT COALESCE((
          (
            `last_visit_date`
          ) >= (
            `first_visit_date`
          )
        ), TRUE)
        THEN 1
        ELSE 0
      END
    ),
    0
  ),
  COUNT(*)
FROM `emr__episode_activity__cs_new`;

-- specs/two_systems.mig:612: check 12: reject_rate (specs/two_systems.mig:612)
SELECT
  (
    SELECT
      COALESCE(SUM(`rejected`), 0)
    FROM `chartshift__reconciliation__cs_new`
    WHERE
      `target_table` = 'emr.encounter'
  ),
  (
    SELECT
      COALESCE(SUM(`source_rows`), 0)
    FROM `chartshift__reconciliation__cs_new`
    WHERE
      `target_table` = 'emr.encounter'
  );

