-- chartshift 0.1.0 | dialect spark
-- spec specs/demo_clinic.mig sha256 a2d29e478bd0344673ca628df24d217e8057e79772da3f5917ea33a753acd32d
-- 85_constraints: target keys and unique columns, built after the load
-- Generated file: do not edit. Regenerate with `chartshift compile specs/demo_clinic.mig`.


-- specs/demo_clinic.mig:123: no two rows share emr.practitioner.provider_code
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

-- specs/demo_clinic.mig:130: no two rows share emr.patient.mrn
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

