-- chartshift 0.1.0 | dialect spark
-- spec specs/demo_clinic.mig sha256 a2d29e478bd0344673ca628df24d217e8057e79772da3f5917ea33a753acd32d
-- 90_validate: validation checks: each query returns (violations, denominator)
-- Generated file: do not edit. Regenerate with `chartshift compile specs/demo_clinic.mig`.


-- specs/demo_clinic.mig:371: check 1: completeness (specs/demo_clinic.mig:371)
SELECT
  COUNT(*) - COUNT(`birth_date`),
  COUNT(*)
FROM `emr`.`patient__cs_new`;

-- specs/demo_clinic.mig:372: check 2: completeness (specs/demo_clinic.mig:372)
SELECT
  COUNT(*) - COUNT(`phone`),
  COUNT(*)
FROM `emr`.`patient__cs_new`;

-- specs/demo_clinic.mig:373: check 3: unique (specs/demo_clinic.mig:373)
SELECT
  COALESCE(SUM(`d`.`n`), 0),
  (
    SELECT
      COUNT(`mrn`)
    FROM `emr`.`patient__cs_new`
  )
FROM (
  SELECT
    COUNT(*) AS `n`
  FROM `emr`.`patient__cs_new`
  WHERE
    NOT `mrn` IS NULL
  GROUP BY
    `mrn`
  HAVING
    COUNT(*) > 1
) AS `d`;

-- specs/demo_clinic.mig:374: check 4: unique (specs/demo_clinic.mig:374)
SELECT
  COALESCE(SUM(`d`.`n`), 0),
  (
    SELECT
      COUNT(`npi`)
    FROM `emr`.`practitioner__cs_new`
  )
FROM (
  SELECT
    COUNT(*) AS `n`
  FROM `emr`.`practitioner__cs_new`
  WHERE
    NOT `npi` IS NULL
  GROUP BY
    `npi`
  HAVING
    COUNT(*) > 1
) AS `d`;

-- specs/demo_clinic.mig:375: check 5: valid (specs/demo_clinic.mig:375)
SELECT
  COALESCE(
    SUM(
      CASE
        WHEN NOT `cpt` IS NULL AND NOT (
          `cpt` RLIKE '^([0-9]{5}|[A-Z][0-9]{4})\\z'
        )
        THEN 1
        ELSE 0
      END
    ),
    0
  ),
  COUNT(`cpt`)
FROM `emr`.`charge_line__cs_new`;

-- specs/demo_clinic.mig:376: check 6: valid (specs/demo_clinic.mig:376)
SELECT
  COALESCE(
    SUM(
      CASE
        WHEN NOT `modifier` IS NULL AND NOT (
          `modifier` IN ('GP', 'KX', '59', 'CQ')
        )
        THEN 1
        ELSE 0
      END
    ),
    0
  ),
  COUNT(`modifier`)
FROM `emr`.`charge_line__cs_new`;

-- specs/demo_clinic.mig:377: check 7: valid (specs/demo_clinic.mig:377)
SELECT
  COALESCE(
    SUM(
      CASE
        WHEN NOT `icd10_code` IS NULL
        AND NOT (
          `icd10_code` RLIKE '^[A-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?\\z'
        )
        THEN 1
        ELSE 0
      END
    ),
    0
  ),
  COUNT(`icd10_code`)
FROM `emr`.`diagnosis__cs_new`;

-- specs/demo_clinic.mig:378: check 8: valid (specs/demo_clinic.mig:378)
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
FROM `emr`.`charge_line__cs_new`;

-- specs/demo_clinic.mig:379: check 9: references (specs/demo_clinic.mig:379)
SELECT
  COUNT(`t`.`patient_id`) - COUNT(`u`.`id`),
  COUNT(`t`.`patient_id`)
FROM `emr`.`encounter__cs_new` AS `t`
LEFT JOIN `emr`.`patient__cs_new` AS `u`
  ON `u`.`id` = `t`.`patient_id`;

-- specs/demo_clinic.mig:380: check 10: references (specs/demo_clinic.mig:380)
SELECT
  COUNT(`t`.`encounter_id`) - COUNT(`u`.`id`),
  COUNT(`t`.`encounter_id`)
FROM `emr`.`charge_line__cs_new` AS `t`
LEFT JOIN `emr`.`encounter__cs_new` AS `u`
  ON `u`.`id` = `t`.`encounter_id`;

-- specs/demo_clinic.mig:381: check 11: references (specs/demo_clinic.mig:381)
SELECT
  COUNT(`t`.`episode_id`) - COUNT(`u`.`id`),
  COUNT(`t`.`episode_id`)
FROM `emr`.`diagnosis__cs_new` AS `t`
LEFT JOIN `emr`.`episode__cs_new` AS `u`
  ON `u`.`id` = `t`.`episode_id`;

-- specs/demo_clinic.mig:382: check 12: consistent (specs/demo_clinic.mig:382)
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
FROM `emr`.`authorization__cs_new`;

-- specs/demo_clinic.mig:383: check 13: consistent (specs/demo_clinic.mig:383)
SELECT
  COALESCE(
    SUM(
      CASE
        WHEN NOT COALESCE(
          (
            (
              (
                `end_date`
              ) IS NULL
            )
            OR (
              (
                `end_date`
              ) >= (
                `start_date`
              )
            )
          ),
          TRUE
        )
        THEN 1
        ELSE 0
      END
    ),
    0
  ),
  COUNT(*)
FROM `emr`.`coverage__cs_new`;

-- specs/demo_clinic.mig:384: check 14: reconcile (specs/demo_clinic.mig:384)
SELECT
  (
    SELECT
      COUNT(*)
    FROM `emr`.`encounter__cs_new`
  ),
  (
    SELECT
      COUNT(*)
    FROM `legacy`.`visits`
  );

-- specs/demo_clinic.mig:385: check 15: reject_rate (specs/demo_clinic.mig:385)
SELECT
  (
    SELECT
      COUNT(*)
    FROM `chartshift`.`rejects__cs_new`
    WHERE
      `source_table` = 'legacy.patients'
  ),
  (
    SELECT
      COALESCE(SUM(`source_rows`), 0)
    FROM `chartshift`.`reconciliation__cs_new`
    WHERE
      `source_table` = 'legacy.patients'
  ) + (
    SELECT
      COUNT(*)
    FROM `chartshift`.`rejects__cs_new`
    WHERE
      `source_table` = 'legacy.patients' AND `rule` = 'malformed'
  );

-- specs/demo_clinic.mig:386: check 16: reject_rate (specs/demo_clinic.mig:386)
SELECT
  (
    SELECT
      COALESCE(SUM(`rejected`), 0)
    FROM `chartshift`.`reconciliation__cs_new`
    WHERE
      `target_table` = 'emr.encounter'
  ),
  (
    SELECT
      COALESCE(SUM(`source_rows`), 0)
    FROM `chartshift`.`reconciliation__cs_new`
    WHERE
      `target_table` = 'emr.encounter'
  );

-- specs/demo_clinic.mig:387: check 17: reject_rate (specs/demo_clinic.mig:387)
SELECT
  (
    SELECT
      COUNT(*)
    FROM `chartshift`.`rejects__cs_new`
    WHERE
      `source_table` = 'legacy.visits'
  ),
  (
    SELECT
      COALESCE(SUM(`source_rows`), 0)
    FROM `chartshift`.`reconciliation__cs_new`
    WHERE
      `source_table` = 'legacy.visits'
  ) + (
    SELECT
      COUNT(*)
    FROM `chartshift`.`rejects__cs_new`
    WHERE
      `source_table` = 'legacy.visits' AND `rule` = 'malformed'
  );

