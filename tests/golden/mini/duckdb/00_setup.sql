-- chartshift 0.1.0 | dialect duckdb
-- spec tests/golden/mini.mig sha256 4fcd8160fcafdc6d82ad9519bcb07d1fada1c0da12651e67632ae52e937406e6
-- 00_setup: schemas, crosswalks, fresh target and reject tables
-- Generated file: do not edit. Regenerate with `chartshift compile tests/golden/mini.mig`.


-- schema chartshift
CREATE SCHEMA IF NOT EXISTS "chartshift";

-- schema chartshift_stage
CREATE SCHEMA IF NOT EXISTS "chartshift_stage";

-- schema emr
CREATE SCHEMA IF NOT EXISTS "emr";

-- schema legacy
CREATE SCHEMA IF NOT EXISTS "legacy";

-- tests/golden/mini.mig:52: persistent crosswalk for emr.patient: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS "chartshift"."xwalk__emr__patient" (
  "legacy_key" TEXT NOT NULL,
  "own_id" BIGINT,
  "target_id" BIGINT,
  "state" TEXT NOT NULL
);

-- tests/golden/mini.mig:64: persistent crosswalk for emr.charge: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS "chartshift"."xwalk__emr__charge" (
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

-- tests/golden/mini.mig:29: replace emr.patient
DROP TABLE IF EXISTS "emr"."patient";

-- tests/golden/mini.mig:29: target table emr.patient (keys and unique columns: 85_constraints)
CREATE TABLE "emr"."patient" (
  "id" BIGINT NOT NULL,
  "mrn" TEXT NOT NULL,
  "first_name" TEXT NOT NULL,
  "last_name" TEXT NOT NULL,
  "birth_date" DATE,
  "sex" TEXT NOT NULL
);

-- tests/golden/mini.mig:37: replace emr.charge
DROP TABLE IF EXISTS "emr"."charge";

-- tests/golden/mini.mig:37: target table emr.charge (keys and unique columns: 85_constraints)
CREATE TABLE "emr"."charge" (
  "id" BIGINT NOT NULL,
  "patient_id" BIGINT NOT NULL,
  "clinic_name" TEXT,
  "cpt" TEXT NOT NULL,
  "units" INT NOT NULL
);

-- tests/golden/mini.mig:5: typed view legacy.patients (re-created over the new staging)
DROP VIEW IF EXISTS "legacy"."patients";

-- tests/golden/mini.mig:13: typed view legacy.visits (re-created over the new staging)
DROP VIEW IF EXISTS "legacy"."visits";

-- tests/golden/mini.mig:22: typed view legacy.clinics (re-created over the new staging)
DROP VIEW IF EXISTS "legacy"."clinics";

