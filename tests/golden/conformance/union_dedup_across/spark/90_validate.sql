-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/union_dedup_across.mig sha256 d403414e675e6481a01b585a448e07c46d785cfd5d1d9e793cc5adbad40b6b48
-- 90_validate: validation checks: each query returns (violations, denominator)
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/union_dedup_across.mig`.


-- tests/conformance/specs/union_dedup_across.mig:80: check 1: references (tests/conformance/specs/union_dedup_across.mig:80)
SELECT
  COUNT(`t`.`patient_id`) - COUNT(`u`.`id`),
  COUNT(`t`.`patient_id`)
FROM `emr`.`encounter__cs_new` AS `t`
LEFT JOIN `emr`.`patient__cs_new` AS `u`
  ON `u`.`id` = `t`.`patient_id`;

