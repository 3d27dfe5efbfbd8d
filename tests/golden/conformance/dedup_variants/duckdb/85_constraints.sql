-- chartshift 0.1.0 | dialect duckdb
-- spec tests/conformance/specs/dedup_variants.mig sha256 9082dc9e058ac5f68fbb44986c8966cf6d31a10f774e25fa1f69904ce371c7e6
-- 85_constraints: target keys and unique columns, built after the load
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/dedup_variants.mig`.


-- tests/conformance/specs/dedup_variants.mig:18: key of emr.first_kept
ALTER TABLE "emr"."first_kept"
ADD PRIMARY KEY ("id");

-- tests/conformance/specs/dedup_variants.mig:23: key of emr.last_kept
ALTER TABLE "emr"."last_kept"
ADD PRIMARY KEY ("id");

-- tests/conformance/specs/dedup_variants.mig:28: key of emr.unique_person
ALTER TABLE "emr"."unique_person"
ADD PRIMARY KEY ("id");

-- tests/conformance/specs/dedup_variants.mig:33: key of emr.by_pat_no
ALTER TABLE "emr"."by_pat_no"
ADD PRIMARY KEY ("id");

