-- chartshift 0.1.0 | dialect duckdb
-- spec tests/conformance/specs/composite_lookups.mig sha256 947f0eabab68e7b610b09dc411abbd207e6c100c06a6e202839c8ec8682c85f9
-- 85_constraints: target keys and unique columns, built after the load
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/composite_lookups.mig`.


-- tests/conformance/specs/composite_lookups.mig:18: key of emr.claim
ALTER TABLE "emr"."claim"
ADD PRIMARY KEY ("id");

-- tests/conformance/specs/composite_lookups.mig:28: key of emr.strict_claim
ALTER TABLE "emr"."strict_claim"
ADD PRIMARY KEY ("id");

