-- chartshift 0.1.0 | dialect duckdb
-- spec tests/golden/mini.mig sha256 4fcd8160fcafdc6d82ad9519bcb07d1fada1c0da12651e67632ae52e937406e6
-- 85_constraints: target keys and unique columns, built after the load
-- Generated file: do not edit. Regenerate with `chartshift compile tests/golden/mini.mig`.


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

