-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/delta_flags.mig sha256 90cb70e9dea6053dba4ed49e5e3c74b76bcf1da0648d75285316f9b5561adbb9
-- 85_constraints: target keys and unique columns, built after the load
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/delta_flags.mig`.


-- tests/conformance/specs/delta_flags.mig:24: no two rows share emr.patient.mrn
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

