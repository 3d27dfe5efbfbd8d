-- chartshift 0.1.0 | dialect duckdb
-- spec tests/conformance/specs/union.mig sha256 9fa8c2c58e8ed0ebb547f01e75ff1fa240918bfcbcf4fbdd407f8309e0c4397e
-- 85_constraints: target keys and unique columns, built after the load
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/union.mig`.


-- tests/conformance/specs/union.mig:28: key of emr.patient
ALTER TABLE "emr"."patient"
ADD PRIMARY KEY ("id");

-- tests/conformance/specs/union.mig:34: key of emr.encounter
ALTER TABLE "emr"."encounter"
ADD PRIMARY KEY ("id");

