-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/union.mig sha256 f4f0c7f749348819348be7759974b473787842de922cd53ed8b7f2409529b83d
-- 90_validate: validation checks: each query returns (violations, denominator)
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/union.mig`.


-- tests/conformance/specs/union.mig:83: check 1: unique (tests/conformance/specs/union.mig:83)
SELECT
  COALESCE(SUM(`d`.`n`), 0),
  (
    SELECT
      COUNT(`name`)
    FROM `emr`.`patient__cs_new`
  )
FROM (
  SELECT
    COUNT(*) AS `n`
  FROM `emr`.`patient__cs_new`
  WHERE
    NOT `name` IS NULL
  GROUP BY
    `name`
  HAVING
    COUNT(*) > 1
) AS `d`;

-- tests/conformance/specs/union.mig:84: check 2: completeness (tests/conformance/specs/union.mig:84)
SELECT
  COUNT(*) - COUNT(`email`),
  COUNT(*)
FROM `emr`.`patient__cs_new`;

-- tests/conformance/specs/union.mig:85: check 3: references (tests/conformance/specs/union.mig:85)
SELECT
  COUNT(`t`.`patient_id`) - COUNT(`u`.`id`),
  COUNT(`t`.`patient_id`)
FROM `emr`.`encounter__cs_new` AS `t`
LEFT JOIN `emr`.`patient__cs_new` AS `u`
  ON `u`.`id` = `t`.`patient_id`;

-- tests/conformance/specs/union.mig:86: check 4: reject_rate (tests/conformance/specs/union.mig:86)
SELECT
  (
    SELECT
      COALESCE(SUM(`rejected`), 0)
    FROM `chartshift`.`reconciliation__cs_new`
    WHERE
      `target_table` = 'emr.patient'
  ),
  (
    SELECT
      COALESCE(SUM(`source_rows`), 0)
    FROM `chartshift`.`reconciliation__cs_new`
    WHERE
      `target_table` = 'emr.patient'
  );

-- tests/conformance/specs/union.mig:87: check 5: unique (tests/conformance/specs/union.mig:87)
SELECT
  COALESCE(SUM(`d`.`n`), 0),
  (
    SELECT
      COUNT(`phone`)
    FROM `emr`.`contact__cs_new`
  )
FROM (
  SELECT
    COUNT(*) AS `n`
  FROM `emr`.`contact__cs_new`
  WHERE
    NOT `phone` IS NULL
  GROUP BY
    `phone`
  HAVING
    COUNT(*) > 1
) AS `d`;

