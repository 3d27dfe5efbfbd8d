-- chartshift 0.1.0 | dialect duckdb
-- spec tests/conformance/specs/join_many.mig sha256 692fb8fe5f5b5c0f803c6a763b817ddbc61a6f2cd312c4efaca09d1c58f086e8
-- 85_constraints: target keys and unique columns, built after the load
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/join_many.mig`.


-- tests/conformance/specs/join_many.mig:25: key of emr.visit_code
ALTER TABLE "emr"."visit_code"
ADD PRIMARY KEY ("id");

