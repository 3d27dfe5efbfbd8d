-- chartshift 0.1.0 | dialect postgres
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
  "legacy_key" TEXT NOT NULL COLLATE "C",
  "own_id" BIGINT,
  "target_id" BIGINT,
  "state" VARCHAR(10) NOT NULL,
  PRIMARY KEY ("legacy_key")
);

-- specs/demo_clinic.mig:228: persistent crosswalk for emr.patient: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS "chartshift"."xwalk__emr__patient" (
  "legacy_key" TEXT NOT NULL COLLATE "C",
  "own_id" BIGINT,
  "target_id" BIGINT,
  "state" VARCHAR(10) NOT NULL,
  PRIMARY KEY ("legacy_key")
);

-- specs/demo_clinic.mig:252: persistent crosswalk for emr.coverage: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS "chartshift"."xwalk__emr__coverage" (
  "legacy_key" TEXT NOT NULL COLLATE "C",
  "own_id" BIGINT,
  "target_id" BIGINT,
  "state" VARCHAR(10) NOT NULL,
  PRIMARY KEY ("legacy_key")
);

-- specs/demo_clinic.mig:266: persistent crosswalk for emr.episode: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS "chartshift"."xwalk__emr__episode" (
  "legacy_key" TEXT NOT NULL COLLATE "C",
  "own_id" BIGINT,
  "target_id" BIGINT,
  "state" VARCHAR(10) NOT NULL,
  PRIMARY KEY ("legacy_key")
);

-- specs/demo_clinic.mig:278: persistent crosswalk for emr.diagnosis: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS "chartshift"."xwalk__emr__diagnosis" (
  "legacy_key" TEXT NOT NULL COLLATE "C",
  "own_id" BIGINT,
  "target_id" BIGINT,
  "state" VARCHAR(10) NOT NULL,
  PRIMARY KEY ("legacy_key")
);

-- specs/demo_clinic.mig:289: persistent crosswalk for emr.authorization: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS "chartshift"."xwalk__emr__authorization" (
  "legacy_key" TEXT NOT NULL COLLATE "C",
  "own_id" BIGINT,
  "target_id" BIGINT,
  "state" VARCHAR(10) NOT NULL,
  PRIMARY KEY ("legacy_key")
);

-- specs/demo_clinic.mig:299: persistent crosswalk for emr.encounter: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS "chartshift"."xwalk__emr__encounter" (
  "legacy_key" TEXT NOT NULL COLLATE "C",
  "own_id" BIGINT,
  "target_id" BIGINT,
  "state" VARCHAR(10) NOT NULL,
  PRIMARY KEY ("legacy_key")
);

-- specs/demo_clinic.mig:310: persistent crosswalk for emr.charge_line: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS "chartshift"."xwalk__emr__charge_line" (
  "legacy_key" TEXT NOT NULL COLLATE "C",
  "own_id" BIGINT,
  "target_id" BIGINT,
  "state" VARCHAR(10) NOT NULL,
  PRIMARY KEY ("legacy_key")
);

-- specs/demo_clinic.mig:328: persistent crosswalk for emr.clinical_note: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS "chartshift"."xwalk__emr__clinical_note" (
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

-- specs/demo_clinic.mig:104: replace emr.practitioner
DROP TABLE IF EXISTS "emr"."practitioner";

-- specs/demo_clinic.mig:104: target table emr.practitioner
CREATE TABLE "emr"."practitioner" (
  "id" BIGINT NOT NULL,
  "provider_code" VARCHAR(20) NOT NULL,
  "full_name" VARCHAR(100) NOT NULL,
  "credential" VARCHAR(10),
  "npi" CHAR(10) NOT NULL,
  PRIMARY KEY ("id"),
  UNIQUE (
    "provider_code"
  )
);

-- specs/demo_clinic.mig:111: replace emr.patient
DROP TABLE IF EXISTS "emr"."patient";

-- specs/demo_clinic.mig:111: target table emr.patient
CREATE TABLE "emr"."patient" (
  "id" BIGINT NOT NULL,
  "mrn" VARCHAR(20) NOT NULL,
  "first_name" VARCHAR(50) NOT NULL,
  "last_name" VARCHAR(50) NOT NULL,
  "middle_initial" CHAR(1),
  "birth_date" DATE,
  "sex" VARCHAR(7) NOT NULL,
  "ssn" CHAR(9),
  "address_line1" VARCHAR(100),
  "city" VARCHAR(50),
  "state" CHAR(2),
  "postal_code" VARCHAR(10),
  "phone" CHAR(10),
  "email" VARCHAR(100),
  "status" VARCHAR(8) NOT NULL,
  PRIMARY KEY ("id"),
  UNIQUE (
    "mrn"
  )
);

-- specs/demo_clinic.mig:128: replace emr.coverage
DROP TABLE IF EXISTS "emr"."coverage";

-- specs/demo_clinic.mig:128: target table emr.coverage
CREATE TABLE "emr"."coverage" (
  "id" BIGINT NOT NULL,
  "patient_id" BIGINT NOT NULL,
  "payer_name" VARCHAR(100) NOT NULL,
  "payer_type" VARCHAR(20) NOT NULL,
  "member_id" VARCHAR(30),
  "group_no" VARCHAR(30),
  "priority" INT NOT NULL,
  "start_date" DATE,
  "end_date" DATE,
  PRIMARY KEY ("id")
);

-- specs/demo_clinic.mig:139: replace emr.episode
DROP TABLE IF EXISTS "emr"."episode";

-- specs/demo_clinic.mig:139: target table emr.episode
CREATE TABLE "emr"."episode" (
  "id" BIGINT NOT NULL,
  "patient_id" BIGINT NOT NULL,
  "practitioner_id" BIGINT,
  "referring_physician" VARCHAR(100),
  "referring_npi" CHAR(10),
  "onset_date" DATE,
  "start_date" DATE,
  PRIMARY KEY ("id")
);

-- specs/demo_clinic.mig:148: replace emr.diagnosis
DROP TABLE IF EXISTS "emr"."diagnosis";

-- specs/demo_clinic.mig:148: target table emr.diagnosis
CREATE TABLE "emr"."diagnosis" (
  "id" BIGINT NOT NULL,
  "episode_id" BIGINT NOT NULL,
  "seq" INT NOT NULL,
  "icd10_code" VARCHAR(8) NOT NULL,
  PRIMARY KEY ("id")
);

-- specs/demo_clinic.mig:154: replace emr.authorization
DROP TABLE IF EXISTS "emr"."authorization";

-- specs/demo_clinic.mig:154: target table emr.authorization
CREATE TABLE "emr"."authorization" (
  "id" BIGINT NOT NULL,
  "episode_id" BIGINT NOT NULL,
  "auth_number" VARCHAR(30),
  "visits_authorized" INT,
  "start_date" DATE,
  "end_date" DATE,
  PRIMARY KEY ("id")
);

-- specs/demo_clinic.mig:162: replace emr.encounter
DROP TABLE IF EXISTS "emr"."encounter";

-- specs/demo_clinic.mig:162: target table emr.encounter
CREATE TABLE "emr"."encounter" (
  "id" BIGINT NOT NULL,
  "patient_id" BIGINT NOT NULL,
  "episode_id" BIGINT,
  "practitioner_id" BIGINT,
  "service_date" DATE,
  "status" VARCHAR(10) NOT NULL,
  PRIMARY KEY ("id")
);

-- specs/demo_clinic.mig:170: replace emr.charge_line
DROP TABLE IF EXISTS "emr"."charge_line";

-- specs/demo_clinic.mig:170: target table emr.charge_line
CREATE TABLE "emr"."charge_line" (
  "id" BIGINT NOT NULL,
  "encounter_id" BIGINT NOT NULL,
  "line_no" INT NOT NULL,
  "cpt" CHAR(5) NOT NULL,
  "units" INT NOT NULL,
  "modifier" VARCHAR(2),
  "amount" DECIMAL(10, 2),
  PRIMARY KEY ("id")
);

-- specs/demo_clinic.mig:179: replace emr.clinical_note
DROP TABLE IF EXISTS "emr"."clinical_note";

-- specs/demo_clinic.mig:179: target table emr.clinical_note
CREATE TABLE "emr"."clinical_note" (
  "id" BIGINT NOT NULL,
  "encounter_id" BIGINT NOT NULL,
  "note_type" VARCHAR(20) NOT NULL,
  "body" TEXT,
  PRIMARY KEY ("id")
);

-- specs/demo_clinic.mig:193: lookup visit_status from lookups/visit_status.csv
DROP TABLE IF EXISTS "chartshift"."lookup__visit_status";

-- specs/demo_clinic.mig:193: lookup visit_status: 5 entries
CREATE TABLE "chartshift"."lookup__visit_status" (
  "key" TEXT NOT NULL COLLATE "C",
  "value" VARCHAR(500),
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

