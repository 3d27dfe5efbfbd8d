-- chartshift 0.1.0 | dialect duckdb
-- spec tests/conformance/specs/group_by.mig sha256 8c97e61b28d6ea83244c7b367f812e592a33e711e4ebea957a4e55ed55be9144
-- 85_constraints: target keys and unique columns, built after the load
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/group_by.mig`.


-- tests/conformance/specs/group_by.mig:22: key of emr.observation_period
ALTER TABLE "emr"."observation_period"
ADD PRIMARY KEY ("id");

-- tests/conformance/specs/group_by.mig:37: key of emr.location
ALTER TABLE "emr"."location"
ADD PRIMARY KEY ("id");

