-- chartshift 0.1.0 | dialect spark
-- spec specs/two_systems.mig sha256 76eeb791ddfc46d4013247302076b35042796b3181d91a47e7b0e553ee1643b2
-- 85_constraints: target keys and unique columns, built after the load
-- Generated file: do not edit. Regenerate with `chartshift compile specs/two_systems.mig`.


-- specs/two_systems.mig:189: no two rows share emr.practitioner.provider_code
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

-- specs/two_systems.mig:196: no two rows share emr.patient.mrn
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

