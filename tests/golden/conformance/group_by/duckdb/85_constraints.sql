-- chartshift 0.1.0 | dialect duckdb
-- spec tests/conformance/specs/group_by.mig sha256 d3ac043034bc1913c209584cf69f8da147ba53d5accca224e3c0e7d3de9b8088
-- 85_constraints: target keys and unique columns, built after the load
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/group_by.mig`.


-- tests/conformance/specs/group_by.mig:22: key of emr.observation_period
ALTER TABLE "emr"."observation_period"
ADD PRIMARY KEY ("id");

-- tests/conformance/specs/group_by.mig:37: key of emr.location
ALTER TABLE "emr"."location"
ADD PRIMARY KEY ("id");

