-- chartshift 0.1.0 | dialect duckdb
-- spec tests/conformance/specs/join_many.mig sha256 3d8ac4be0baa79e75a810af595bb4ced27ae8c452c3eb8c5996445b85d6c5458
-- 85_constraints: target keys and unique columns, built after the load
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/join_many.mig`.


-- tests/conformance/specs/join_many.mig:25: key of emr.visit_code
ALTER TABLE "emr"."visit_code"
ADD PRIMARY KEY ("id");

