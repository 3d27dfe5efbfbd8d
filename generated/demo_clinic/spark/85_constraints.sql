-- chartshift 0.1.0 | dialect spark
-- spec specs/demo_clinic.mig sha256 6d6dfc1fa5c8f58f63684980f9c3dd9ff257448a71ae22f1c990fb95bb336dc9
-- 85_constraints: target keys and unique columns, built after the load
-- Generated file: do not edit. Regenerate with `chartshift compile specs/demo_clinic.mig`.


-- specs/demo_clinic.mig:106: no two rows share emr.practitioner.provider_code
SELECT
  CASE
    WHEN EXISTS(
      SELECT
        1
      FROM `emr`.`practitioner__cs_new`
      WHERE
        NOT `provider_code` IS NULL
      GROUP BY
        `provider_code`
      HAVING
        COUNT(*) > 1
    )
    THEN RAISE_ERROR(
      'unique emr.practitioner.provider_code: two or more loaded rows have the same value; remove the duplicates with `dedup` or a `reject` rule'
    )
  END;

-- specs/demo_clinic.mig:113: no two rows share emr.patient.mrn
SELECT
  CASE
    WHEN EXISTS(
      SELECT
        1
      FROM `emr`.`patient__cs_new`
      WHERE
        NOT `mrn` IS NULL
      GROUP BY
        `mrn`
      HAVING
        COUNT(*) > 1
    )
    THEN RAISE_ERROR(
      'unique emr.patient.mrn: two or more loaded rows have the same value; remove the duplicates with `dedup` or a `reject` rule'
    )
  END;

