-- chartshift 0.1.0 | dialect duckdb
-- spec tests/golden/mini.mig sha256 4fcd8160fcafdc6d82ad9519bcb07d1fada1c0da12651e67632ae52e937406e6
-- 95_finish: drop work tables
-- Generated file: do not edit. Regenerate with `chartshift compile tests/golden/mini.mig`.


-- tests/golden/mini.mig:52: work table of legacy.patients -> emr.patient
DROP TABLE IF EXISTS "cs_work__emr__patient";

-- tests/golden/mini.mig:52: crosswalk work table of legacy.patients -> emr.patient
DROP TABLE IF EXISTS "cs_xwalk_new__emr__patient";

-- tests/golden/mini.mig:64: work table of legacy.visits -> emr.charge
DROP TABLE IF EXISTS "cs_work__emr__charge";

-- tests/golden/mini.mig:64: crosswalk work table of legacy.visits -> emr.charge
DROP TABLE IF EXISTS "cs_xwalk_new__emr__charge";

