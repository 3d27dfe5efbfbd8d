-- chartshift 0.1.0 | dialect spark
-- spec specs/demo_clinic.mig sha256 295de9ff7e0fda5ef7ecc44e86854ff2d3b289d26c0e0bf4281d0d0b443538dc
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

