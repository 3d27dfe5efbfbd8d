-- chartshift 0.1.0 | dialect duckdb
-- spec tests/golden/mini.mig sha256 4fcd8160fcafdc6d82ad9519bcb07d1fada1c0da12651e67632ae52e937406e6
-- 85_constraints: target keys and unique columns, built after the load
-- Generated file: do not edit. Regenerate with `chartshift compile tests/golden/mini.mig`.


-- tests/golden/mini.mig:31: no two rows share emr.patient.mrn
SELECT
  CASE
    WHEN EXISTS(
      SELECT
        1
      FROM "emr"."patient"
      WHERE
        NOT "mrn" IS NULL
      GROUP BY
        "mrn"
      HAVING
        COUNT(*) > 1
    )
    THEN ERROR(
      'unique emr.patient.mrn: two or more loaded rows have the same value; remove the duplicates with `dedup` or a `reject` rule'
    )
  END;

-- tests/golden/mini.mig:29: key of emr.patient
ALTER TABLE "emr"."patient"
ADD PRIMARY KEY ("id");

-- tests/golden/mini.mig:31: unique emr.patient.mrn
ALTER TABLE "emr"."patient"
ADD UNIQUE (
  "mrn"
);

-- tests/golden/mini.mig:37: key of emr.charge
ALTER TABLE "emr"."charge"
ADD PRIMARY KEY ("id");

