-- chartshift 0.1.0 | dialect mysql
-- spec tests/conformance/specs/union.mig sha256 9fa8c2c58e8ed0ebb547f01e75ff1fa240918bfcbcf4fbdd407f8309e0c4397e
-- 90_validate: validation checks: each query returns (violations, denominator)
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/union.mig`.


-- tests/conformance/specs/union.mig:62: check 1: unique (tests/conformance/specs/union.mig:62)
SELECT
  COALESCE(SUM(`d`.`n`), 0),
  (
    SELECT
      COUNT(`name`)
    FROM `emr__patient__cs_new`
  )
FROM (
  SELECT
    COUNT(*) AS `n`
  FROM `emr__patient__cs_new`
  WHERE
    NOT `name` IS NULL
  GROUP BY
    `name`
  HAVING
    COUNT(*) > 1
) AS `d`;

-- tests/conformance/specs/union.mig:63: check 2: completeness (tests/conformance/specs/union.mig:63)
SELECT
  COUNT(*) - COUNT(`email`),
  COUNT(*)
FROM `emr__patient__cs_new`;

-- tests/conformance/specs/union.mig:64: check 3: references (tests/conformance/specs/union.mig:64)
SELECT
  COUNT(`t`.`patient_id`) - COUNT(`u`.`id`),
  COUNT(`t`.`patient_id`)
FROM `emr__encounter__cs_new` AS `t`
LEFT JOIN `emr__patient__cs_new` AS `u`
  ON `u`.`id` = `t`.`patient_id`;

-- tests/conformance/specs/union.mig:65: check 4: reject_rate (tests/conformance/specs/union.mig:65)
SELECT
  (
    SELECT
      COALESCE(SUM(`rejected`), 0)
    FROM `chartshift__reconciliation__cs_new`
    WHERE
      `target_table` = 'emr.patient'
  ),
  (
    SELECT
      COALESCE(SUM(`source_rows`), 0)
    FROM `chartshift__reconciliation__cs_new`
    WHERE
      `target_table` = 'emr.patient'
  );

