-- chartshift 0.1.0 | dialect duckdb
-- spec tests/conformance/specs/group_by_references.mig sha256 affaa2e359660ec72ffb991b16b3db70e42ec3e2bbc9bbda02a66e1e7c3e816a
-- 85_constraints: target keys and unique columns, built after the load
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/group_by_references.mig`.


-- tests/conformance/specs/group_by_references.mig:28: key of emr.authorization
ALTER TABLE "emr"."authorization"
ADD PRIMARY KEY ("id");

-- tests/conformance/specs/group_by_references.mig:33: key of emr.auth_usage
ALTER TABLE "emr"."auth_usage"
ADD PRIMARY KEY ("id");

-- tests/conformance/specs/group_by_references.mig:40: key of emr.code_usage
ALTER TABLE "emr"."code_usage"
ADD PRIMARY KEY ("id");

