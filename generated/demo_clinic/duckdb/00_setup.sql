-- chartshift 0.1.0 | dialect duckdb
-- spec specs/demo_clinic.mig sha256 872f59b1d62b217e50db8c041751456c25b76ebcf20bf42004bab268810c3021
-- 00_setup: schemas, crosswalks, fresh target and reject tables
-- Generated file: do not edit. Regenerate with `chartshift compile specs/demo_clinic.mig`.


-- schema chartshift
CREATE SCHEMA IF NOT EXISTS "chartshift";

-- schema chartshift_stage
CREATE SCHEMA IF NOT EXISTS "chartshift_stage";

-- schema emr
CREATE SCHEMA IF NOT EXISTS "emr";

-- schema legacy
CREATE SCHEMA IF NOT EXISTS "legacy";

-- specs/demo_clinic.mig:219: persistent crosswalk for emr.practitioner: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS "chartshift"."xwalk__emr__practitioner" (
  "legacy_key" TEXT NOT NULL,
  "own_id" BIGINT,
  "target_id" BIGINT,
  "state" TEXT NOT NULL
);

-- specs/demo_clinic.mig:228: persistent crosswalk for emr.patient: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS "chartshift"."xwalk__emr__patient" (
  "legacy_key" TEXT NOT NULL,
  "own_id" BIGINT,
  "target_id" BIGINT,
  "state" TEXT NOT NULL
);

-- specs/demo_clinic.mig:252: persistent crosswalk for emr.coverage: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS "chartshift"."xwalk__emr__coverage" (
  "legacy_key" TEXT NOT NULL,
  "own_id" BIGINT,
  "target_id" BIGINT,
  "state" TEXT NOT NULL
);

-- specs/demo_clinic.mig:266: persistent crosswalk for emr.episode: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS "chartshift"."xwalk__emr__episode" (
  "legacy_key" TEXT NOT NULL,
  "own_id" BIGINT,
  "target_id" BIGINT,
  "state" TEXT NOT NULL
);

-- specs/demo_clinic.mig:278: persistent crosswalk for emr.diagnosis: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS "chartshift"."xwalk__emr__diagnosis" (
  "legacy_key" TEXT NOT NULL,
  "own_id" BIGINT,
  "target_id" BIGINT,
  "state" TEXT NOT NULL
);

-- specs/demo_clinic.mig:289: persistent crosswalk for emr.authorization: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS "chartshift"."xwalk__emr__authorization" (
  "legacy_key" TEXT NOT NULL,
  "own_id" BIGINT,
  "target_id" BIGINT,
  "state" TEXT NOT NULL
);

-- specs/demo_clinic.mig:299: persistent crosswalk for emr.encounter: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS "chartshift"."xwalk__emr__encounter" (
  "legacy_key" TEXT NOT NULL,
  "own_id" BIGINT,
  "target_id" BIGINT,
  "state" TEXT NOT NULL
);

-- specs/demo_clinic.mig:310: persistent crosswalk for emr.charge_line: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS "chartshift"."xwalk__emr__charge_line" (
  "legacy_key" TEXT NOT NULL,
  "own_id" BIGINT,
  "target_id" BIGINT,
  "state" TEXT NOT NULL
);

-- specs/demo_clinic.mig:328: persistent crosswalk for emr.clinical_note: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS "chartshift"."xwalk__emr__clinical_note" (
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

-- specs/demo_clinic.mig:104: replace emr.practitioner
DROP TABLE IF EXISTS "emr"."practitioner";

-- specs/demo_clinic.mig:104: target table emr.practitioner (keys and unique columns: 85_constraints)
CREATE TABLE "emr"."practitioner" (
  "id" BIGINT NOT NULL,
  "provider_code" TEXT NOT NULL,
  "full_name" TEXT NOT NULL,
  "credential" TEXT,
  "npi" TEXT NOT NULL
);

-- specs/demo_clinic.mig:111: replace emr.patient
DROP TABLE IF EXISTS "emr"."patient";

-- specs/demo_clinic.mig:111: target table emr.patient (keys and unique columns: 85_constraints)
CREATE TABLE "emr"."patient" (
  "id" BIGINT NOT NULL,
  "mrn" TEXT NOT NULL,
  "first_name" TEXT NOT NULL,
  "last_name" TEXT NOT NULL,
  "middle_initial" TEXT,
  "birth_date" DATE,
  "sex" TEXT NOT NULL,
  "ssn" TEXT,
  "address_line1" TEXT,
  "city" TEXT,
  "state" TEXT,
  "postal_code" TEXT,
  "phone" TEXT,
  "email" TEXT,
  "status" TEXT NOT NULL
);

-- specs/demo_clinic.mig:128: replace emr.coverage
DROP TABLE IF EXISTS "emr"."coverage";

-- specs/demo_clinic.mig:128: target table emr.coverage (keys and unique columns: 85_constraints)
CREATE TABLE "emr"."coverage" (
  "id" BIGINT NOT NULL,
  "patient_id" BIGINT NOT NULL,
  "payer_name" TEXT NOT NULL,
  "payer_type" TEXT NOT NULL,
  "member_id" TEXT,
  "group_no" TEXT,
  "priority" INT NOT NULL,
  "start_date" DATE,
  "end_date" DATE
);

-- specs/demo_clinic.mig:139: replace emr.episode
DROP TABLE IF EXISTS "emr"."episode";

-- specs/demo_clinic.mig:139: target table emr.episode (keys and unique columns: 85_constraints)
CREATE TABLE "emr"."episode" (
  "id" BIGINT NOT NULL,
  "patient_id" BIGINT NOT NULL,
  "practitioner_id" BIGINT,
  "referring_physician" TEXT,
  "referring_npi" TEXT,
  "onset_date" DATE,
  "start_date" DATE
);

-- specs/demo_clinic.mig:148: replace emr.diagnosis
DROP TABLE IF EXISTS "emr"."diagnosis";

-- specs/demo_clinic.mig:148: target table emr.diagnosis (keys and unique columns: 85_constraints)
CREATE TABLE "emr"."diagnosis" (
  "id" BIGINT NOT NULL,
  "episode_id" BIGINT NOT NULL,
  "seq" INT NOT NULL,
  "icd10_code" TEXT NOT NULL
);

-- specs/demo_clinic.mig:154: replace emr.authorization
DROP TABLE IF EXISTS "emr"."authorization";

-- specs/demo_clinic.mig:154: target table emr.authorization (keys and unique columns: 85_constraints)
CREATE TABLE "emr"."authorization" (
  "id" BIGINT NOT NULL,
  "episode_id" BIGINT NOT NULL,
  "auth_number" TEXT,
  "visits_authorized" INT,
  "start_date" DATE,
  "end_date" DATE
);

-- specs/demo_clinic.mig:162: replace emr.encounter
DROP TABLE IF EXISTS "emr"."encounter";

-- specs/demo_clinic.mig:162: target table emr.encounter (keys and unique columns: 85_constraints)
CREATE TABLE "emr"."encounter" (
  "id" BIGINT NOT NULL,
  "patient_id" BIGINT NOT NULL,
  "episode_id" BIGINT,
  "practitioner_id" BIGINT,
  "service_date" DATE,
  "status" TEXT NOT NULL
);

-- specs/demo_clinic.mig:170: replace emr.charge_line
DROP TABLE IF EXISTS "emr"."charge_line";

-- specs/demo_clinic.mig:170: target table emr.charge_line (keys and unique columns: 85_constraints)
CREATE TABLE "emr"."charge_line" (
  "id" BIGINT NOT NULL,
  "encounter_id" BIGINT NOT NULL,
  "line_no" INT NOT NULL,
  "cpt" TEXT NOT NULL,
  "units" INT NOT NULL,
  "modifier" TEXT,
  "amount" DECIMAL(10, 2)
);

-- specs/demo_clinic.mig:179: replace emr.clinical_note
DROP TABLE IF EXISTS "emr"."clinical_note";

-- specs/demo_clinic.mig:179: target table emr.clinical_note (keys and unique columns: 85_constraints)
CREATE TABLE "emr"."clinical_note" (
  "id" BIGINT NOT NULL,
  "encounter_id" BIGINT NOT NULL,
  "note_type" TEXT NOT NULL,
  "body" TEXT
);

-- specs/demo_clinic.mig:193: lookup visit_status from lookups/visit_status.csv
DROP TABLE IF EXISTS "chartshift"."lookup__visit_status";

-- specs/demo_clinic.mig:193: lookup visit_status: 5 entries
CREATE TABLE "chartshift"."lookup__visit_status" (
  "key" TEXT NOT NULL,
  "value" TEXT,
  PRIMARY KEY ("key")
);

-- specs/demo_clinic.mig:193: lookup visit_status rows 1-5
INSERT INTO "chartshift"."lookup__visit_status" (
  "key",
  "value"
)
VALUES
  ('CANCELED', 'cancelled'),
  ('CANCELLED', 'cancelled'),
  ('COMPLETED', 'completed'),
  ('NO SHOW', 'no-show'),
  ('NOSHOW', 'no-show');

-- specs/demo_clinic.mig:13: typed view legacy.patients (re-created over the new staging)
DROP VIEW IF EXISTS "legacy"."patients";

-- specs/demo_clinic.mig:30: typed view legacy.providers (re-created over the new staging)
DROP VIEW IF EXISTS "legacy"."providers";

-- specs/demo_clinic.mig:37: typed view legacy.payers (re-created over the new staging)
DROP VIEW IF EXISTS "legacy"."payers";

-- specs/demo_clinic.mig:42: typed view legacy.policies (re-created over the new staging)
DROP VIEW IF EXISTS "legacy"."policies";

-- specs/demo_clinic.mig:52: typed view legacy.cases (re-created over the new staging)
DROP VIEW IF EXISTS "legacy"."cases";

-- specs/demo_clinic.mig:66: typed view legacy.auths (re-created over the new staging)
DROP VIEW IF EXISTS "legacy"."auths";

-- specs/demo_clinic.mig:73: typed view legacy.visits (re-created over the new staging)
DROP VIEW IF EXISTS "legacy"."visits";

-- specs/demo_clinic.mig:94: typed view legacy.notes (re-created over the new staging)
DROP VIEW IF EXISTS "legacy"."notes";

