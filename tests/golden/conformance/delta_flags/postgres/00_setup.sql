-- chartshift 0.1.0 | dialect postgres
-- spec tests/conformance/specs/delta_flags.mig sha256 90cb70e9dea6053dba4ed49e5e3c74b76bcf1da0648d75285316f9b5561adbb9
-- 00_setup: schemas, crosswalks, fresh target and reject tables
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/delta_flags.mig`.


-- schema chartshift
CREATE SCHEMA IF NOT EXISTS "chartshift";

-- schema chartshift_stage
CREATE SCHEMA IF NOT EXISTS "chartshift_stage";

-- schema emr
CREATE SCHEMA IF NOT EXISTS "emr";

-- schema legacy
CREATE SCHEMA IF NOT EXISTS "legacy";

-- tests/conformance/specs/delta_flags.mig:34: persistent crosswalk for emr.patient: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS "chartshift"."xwalk__emr__patient" (
  "legacy_key" TEXT NOT NULL COLLATE "C",
  "own_id" BIGINT,
  "target_id" BIGINT,
  "state" VARCHAR(10) NOT NULL,
  PRIMARY KEY ("legacy_key")
);

-- tests/conformance/specs/delta_flags.mig:42: persistent crosswalk for emr.visit: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS "chartshift"."xwalk__emr__visit" (
  "legacy_key" TEXT NOT NULL COLLATE "C",
  "own_id" BIGINT,
  "target_id" BIGINT,
  "state" VARCHAR(10) NOT NULL,
  PRIMARY KEY ("legacy_key")
);

-- rejects of this run
DROP TABLE IF EXISTS "chartshift"."rejects";

-- one row per rejected source row (raw values kept for remediation)
CREATE TABLE "chartshift"."rejects" (
  "map" VARCHAR(200),
  "source_table" VARCHAR(200) NOT NULL,
  "source_key" TEXT COLLATE "C",
  "slot" INT,
  "record" BIGINT,
  "rule" VARCHAR(200) NOT NULL,
  "reason" VARCHAR(500) NOT NULL,
  "original_row" TEXT,
  "reason_code" VARCHAR(40) NOT NULL,
  "source_file" VARCHAR(1000),
  "source_line" BIGINT,
  "byte_offset" BIGINT
);

-- reconciliation of this run
DROP TABLE IF EXISTS "chartshift"."reconciliation";

-- one row per map, written at the end of the map: its accounting identity
CREATE TABLE "chartshift"."reconciliation" (
  "map" VARCHAR(200) NOT NULL,
  "source_table" VARCHAR(200) NOT NULL,
  "target_table" VARCHAR(200) NOT NULL,
  "source_rows" BIGINT NOT NULL,
  "loaded" BIGINT NOT NULL,
  "rejected" BIGINT NOT NULL,
  "filtered" BIGINT NOT NULL,
  "merged" BIGINT NOT NULL,
  "aggregated" BIGINT NOT NULL
);

-- tests/conformance/specs/delta_flags.mig:22: replace emr.patient
DROP TABLE IF EXISTS "emr"."patient";

-- tests/conformance/specs/delta_flags.mig:22: target table emr.patient
CREATE TABLE "emr"."patient" (
  "id" BIGINT NOT NULL,
  "mrn" VARCHAR(10) NOT NULL,
  "name" VARCHAR(20),
  "status" VARCHAR(8) NOT NULL,
  PRIMARY KEY ("id"),
  UNIQUE (
    "mrn"
  )
);

-- tests/conformance/specs/delta_flags.mig:28: replace emr.visit
DROP TABLE IF EXISTS "emr"."visit";

-- tests/conformance/specs/delta_flags.mig:28: target table emr.visit
CREATE TABLE "emr"."visit" (
  "id" BIGINT NOT NULL,
  "patient_id" BIGINT NOT NULL,
  PRIMARY KEY ("id")
);

-- tests/conformance/specs/delta_flags.mig:8: source state of legacy.patients (this run's)
DROP TABLE IF EXISTS "chartshift"."state__legacy__patients";

-- tests/conformance/specs/delta_flags.mig:8: source state of legacy.patients: the rows the target is built from
CREATE TABLE "chartshift"."state__legacy__patients" (
  "__row" BIGINT NOT NULL,
  "pat_no" TEXT,
  "name" TEXT
);

-- tests/conformance/specs/delta_flags.mig:14: source state of legacy.visits (this run's)
DROP TABLE IF EXISTS "chartshift"."state__legacy__visits";

-- tests/conformance/specs/delta_flags.mig:14: source state of legacy.visits: the rows the target is built from
CREATE TABLE "chartshift"."state__legacy__visits" (
  "__row" BIGINT NOT NULL,
  "visit_id" TEXT,
  "pat_no" TEXT
);

-- a full load starts a new extract history
DROP TABLE IF EXISTS "chartshift"."extracts";

-- the extracts applied to this target, in order
CREATE TABLE "chartshift"."extracts" (
  "extract_id" VARCHAR(200) NOT NULL,
  "kind" VARCHAR(10) NOT NULL,
  "sequence" BIGINT,
  "extracted_at" VARCHAR(40),
  "files_sha256" VARCHAR(64) NOT NULL,
  "applied_at" VARCHAR(40) NOT NULL
);

-- tests/conformance/specs/delta_flags.mig:8: typed view legacy.patients (re-created over the new staging)
DROP VIEW IF EXISTS "legacy"."patients";

-- tests/conformance/specs/delta_flags.mig:14: typed view legacy.visits (re-created over the new staging)
DROP VIEW IF EXISTS "legacy"."visits";

