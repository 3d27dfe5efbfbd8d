-- chartshift 0.1.0 | dialect duckdb
-- spec tests/conformance/specs/group_by_references.mig sha256 915c631acc07397e48d05cc2c67dc7872f85fa79ccd9e780982ca069aa9c3a91
-- 85_constraints: target keys and unique columns, built after the load
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/group_by_references.mig`.


-- tests/conformance/specs/group_by_references.mig:24: key of emr.authorization
ALTER TABLE "emr"."authorization"
ADD PRIMARY KEY ("id");

-- tests/conformance/specs/group_by_references.mig:29: key of emr.auth_usage
ALTER TABLE "emr"."auth_usage"
ADD PRIMARY KEY ("id");

