-- chartshift 0.1.0 | dialect duckdb
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
  "legacy_key" TEXT NOT NULL,
  "own_id" BIGINT,
  "target_id" BIGINT,
  "state" TEXT NOT NULL
);

-- tests/conformance/specs/delta_flags.mig:42: persistent crosswalk for emr.visit: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS "chartshift"."xwalk__emr__visit" (
  "legacy_key" TEXT NOT NULL,
  "own_id" BIGINT,
  "target_id" BIGINT,
  "state" TEXT NOT NULL
);

-- rejects of this run
DROP TABLE IF EXISTS "chartshift"."rejects";

-- one row per rejected source row (raw values kept for remediation)
CREATE TABLE "chartshift"."rejects" (
  "map" TEXT,
  "source_table" TEXT NOT NULL,
  "source_key" TEXT,
  "slot" INT,
  "record" BIGINT,
  "rule" TEXT NOT NULL,
  "reason" TEXT NOT NULL,
  "original_row" TEXT,
  "reason_code" TEXT NOT NULL,
  "source_file" TEXT,
  "source_line" BIGINT,
  "byte_offset" BIGINT
);

-- reconciliation of this run
DROP TABLE IF EXISTS "chartshift"."reconciliation";

-- one row per map, written at the end of the map: its accounting identity
CREATE TABLE "chartshift"."reconciliation" (
  "map" TEXT NOT NULL,
  "source_table" TEXT NOT NULL,
  "target_table" TEXT NOT NULL,
  "source_rows" BIGINT NOT NULL,
  "loaded" BIGINT NOT NULL,
  "rejected" BIGINT NOT NULL,
  "filtered" BIGINT NOT NULL,
  "merged" BIGINT NOT NULL,
  "aggregated" BIGINT NOT NULL
);

-- tests/conformance/specs/delta_flags.mig:22: replace emr.patient
DROP TABLE IF EXISTS "emr"."patient";

-- tests/conformance/specs/delta_flags.mig:22: target table emr.patient (keys and unique columns: 85_constraints)
CREATE TABLE "emr"."patient" (
  "id" BIGINT NOT NULL,
  "mrn" TEXT NOT NULL,
  "name" TEXT,
  "status" TEXT NOT NULL
);

-- tests/conformance/specs/delta_flags.mig:28: replace emr.visit
DROP TABLE IF EXISTS "emr"."visit";

-- tests/conformance/specs/delta_flags.mig:28: target table emr.visit (keys and unique columns: 85_constraints)
CREATE TABLE "emr"."visit" (
  "id" BIGINT NOT NULL,
  "patient_id" BIGINT NOT NULL
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
  "extract_id" TEXT NOT NULL,
  "kind" TEXT NOT NULL,
  "sequence" BIGINT,
  "extracted_at" TEXT,
  "files_sha256" TEXT NOT NULL,
  "applied_at" TEXT NOT NULL
);

-- tests/conformance/specs/delta_flags.mig:8: typed view legacy.patients (re-created over the new staging)
DROP VIEW IF EXISTS "legacy"."patients";

-- tests/conformance/specs/delta_flags.mig:14: typed view legacy.visits (re-created over the new staging)
DROP VIEW IF EXISTS "legacy"."visits";

