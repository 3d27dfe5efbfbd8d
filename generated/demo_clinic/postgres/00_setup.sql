-- chartshift 0.1.0 | dialect postgres
-- spec specs/demo_clinic.mig sha256 a2d29e478bd0344673ca628df24d217e8057e79772da3f5917ea33a753acd32d
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

-- specs/demo_clinic.mig:235: persistent crosswalk for emr.practitioner: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS "chartshift"."xwalk__emr__practitioner" (
  "legacy_key" TEXT NOT NULL COLLATE "C",
  "own_id" BIGINT,
  "target_id" BIGINT,
  "state" VARCHAR(10) NOT NULL,
  PRIMARY KEY ("legacy_key")
);

-- specs/demo_clinic.mig:244: persistent crosswalk for emr.patient: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS "chartshift"."xwalk__emr__patient" (
  "legacy_key" TEXT NOT NULL COLLATE "C",
  "own_id" BIGINT,
  "target_id" BIGINT,
  "state" VARCHAR(10) NOT NULL,
  PRIMARY KEY ("legacy_key")
);

-- specs/demo_clinic.mig:268: persistent crosswalk for emr.coverage: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS "chartshift"."xwalk__emr__coverage" (
  "legacy_key" TEXT NOT NULL COLLATE "C",
  "own_id" BIGINT,
  "target_id" BIGINT,
  "state" VARCHAR(10) NOT NULL,
  PRIMARY KEY ("legacy_key")
);

-- specs/demo_clinic.mig:282: persistent crosswalk for emr.episode: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS "chartshift"."xwalk__emr__episode" (
  "legacy_key" TEXT NOT NULL COLLATE "C",
  "own_id" BIGINT,
  "target_id" BIGINT,
  "state" VARCHAR(10) NOT NULL,
  PRIMARY KEY ("legacy_key")
);

-- specs/demo_clinic.mig:294: persistent crosswalk for emr.diagnosis: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS "chartshift"."xwalk__emr__diagnosis" (
  "legacy_key" TEXT NOT NULL COLLATE "C",
  "own_id" BIGINT,
  "target_id" BIGINT,
  "state" VARCHAR(10) NOT NULL,
  PRIMARY KEY ("legacy_key")
);

-- specs/demo_clinic.mig:305: persistent crosswalk for emr.authorization: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS "chartshift"."xwalk__emr__authorization" (
  "legacy_key" TEXT NOT NULL COLLATE "C",
  "own_id" BIGINT,
  "target_id" BIGINT,
  "state" VARCHAR(10) NOT NULL,
  PRIMARY KEY ("legacy_key")
);

-- specs/demo_clinic.mig:315: persistent crosswalk for emr.encounter: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS "chartshift"."xwalk__emr__encounter" (
  "legacy_key" TEXT NOT NULL COLLATE "C",
  "own_id" BIGINT,
  "target_id" BIGINT,
  "state" VARCHAR(10) NOT NULL,
  PRIMARY KEY ("legacy_key")
);

-- specs/demo_clinic.mig:326: persistent crosswalk for emr.charge_line: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS "chartshift"."xwalk__emr__charge_line" (
  "legacy_key" TEXT NOT NULL COLLATE "C",
  "own_id" BIGINT,
  "target_id" BIGINT,
  "state" VARCHAR(10) NOT NULL,
  PRIMARY KEY ("legacy_key")
);

-- specs/demo_clinic.mig:344: persistent crosswalk for emr.clinical_note: legacy key -> id (kept across runs)
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

-- specs/demo_clinic.mig:121: replace emr.practitioner
DROP TABLE IF EXISTS "emr"."practitioner";

-- specs/demo_clinic.mig:121: target table emr.practitioner
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

-- specs/demo_clinic.mig:128: replace emr.patient
DROP TABLE IF EXISTS "emr"."patient";

-- specs/demo_clinic.mig:128: target table emr.patient
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

-- specs/demo_clinic.mig:145: replace emr.coverage
DROP TABLE IF EXISTS "emr"."coverage";

-- specs/demo_clinic.mig:145: target table emr.coverage
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

-- specs/demo_clinic.mig:156: replace emr.episode
DROP TABLE IF EXISTS "emr"."episode";

-- specs/demo_clinic.mig:156: target table emr.episode
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

-- specs/demo_clinic.mig:165: replace emr.diagnosis
DROP TABLE IF EXISTS "emr"."diagnosis";

-- specs/demo_clinic.mig:165: target table emr.diagnosis
CREATE TABLE "emr"."diagnosis" (
  "id" BIGINT NOT NULL,
  "episode_id" BIGINT NOT NULL,
  "seq" INT NOT NULL,
  "icd10_code" VARCHAR(8) NOT NULL,
  PRIMARY KEY ("id")
);

-- specs/demo_clinic.mig:171: replace emr.authorization
DROP TABLE IF EXISTS "emr"."authorization";

-- specs/demo_clinic.mig:171: target table emr.authorization
CREATE TABLE "emr"."authorization" (
  "id" BIGINT NOT NULL,
  "episode_id" BIGINT NOT NULL,
  "auth_number" VARCHAR(30),
  "visits_authorized" INT,
  "start_date" DATE,
  "end_date" DATE,
  PRIMARY KEY ("id")
);

-- specs/demo_clinic.mig:179: replace emr.encounter
DROP TABLE IF EXISTS "emr"."encounter";

-- specs/demo_clinic.mig:179: target table emr.encounter
CREATE TABLE "emr"."encounter" (
  "id" BIGINT NOT NULL,
  "patient_id" BIGINT NOT NULL,
  "episode_id" BIGINT,
  "practitioner_id" BIGINT,
  "service_date" DATE,
  "status" VARCHAR(10) NOT NULL,
  PRIMARY KEY ("id")
);

-- specs/demo_clinic.mig:187: replace emr.charge_line
DROP TABLE IF EXISTS "emr"."charge_line";

-- specs/demo_clinic.mig:187: target table emr.charge_line
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

-- specs/demo_clinic.mig:196: replace emr.clinical_note
DROP TABLE IF EXISTS "emr"."clinical_note";

-- specs/demo_clinic.mig:196: target table emr.clinical_note
CREATE TABLE "emr"."clinical_note" (
  "id" BIGINT NOT NULL,
  "encounter_id" BIGINT NOT NULL,
  "note_type" VARCHAR(20) NOT NULL,
  "body" TEXT,
  PRIMARY KEY ("id")
);

-- specs/demo_clinic.mig:14: source state of legacy.patients (this run's)
DROP TABLE IF EXISTS "chartshift"."state__legacy__patients";

-- specs/demo_clinic.mig:14: source state of legacy.patients: the rows the target is built from
CREATE TABLE "chartshift"."state__legacy__patients" (
  "__row" BIGINT NOT NULL,
  "pat_no" TEXT,
  "last_name" TEXT,
  "first_name" TEXT,
  "middle_initial" TEXT,
  "dob" TEXT,
  "sex" TEXT,
  "ssn" TEXT,
  "address1" TEXT,
  "city" TEXT,
  "state" TEXT,
  "zip" TEXT,
  "home_phone" TEXT,
  "email" TEXT,
  "status" TEXT
);

-- specs/demo_clinic.mig:33: source state of legacy.providers (this run's)
DROP TABLE IF EXISTS "chartshift"."state__legacy__providers";

-- specs/demo_clinic.mig:33: source state of legacy.providers: the rows the target is built from
CREATE TABLE "chartshift"."state__legacy__providers" (
  "__row" BIGINT NOT NULL,
  "prov_id" TEXT,
  "name" TEXT,
  "credential" TEXT,
  "npi" TEXT
);

-- specs/demo_clinic.mig:42: source state of legacy.payers (this run's)
DROP TABLE IF EXISTS "chartshift"."state__legacy__payers";

-- specs/demo_clinic.mig:42: source state of legacy.payers: the rows the target is built from
CREATE TABLE "chartshift"."state__legacy__payers" (
  "__row" BIGINT NOT NULL,
  "payer_id" TEXT,
  "payer_name" TEXT,
  "payer_type" TEXT
);

-- specs/demo_clinic.mig:49: source state of legacy.policies (this run's)
DROP TABLE IF EXISTS "chartshift"."state__legacy__policies";

-- specs/demo_clinic.mig:49: source state of legacy.policies: the rows the target is built from
CREATE TABLE "chartshift"."state__legacy__policies" (
  "__row" BIGINT NOT NULL,
  "policy_id" TEXT,
  "pat_no" TEXT,
  "payer_id" TEXT,
  "member_id" TEXT,
  "group_no" TEXT,
  "priority" TEXT,
  "eff_date" TEXT,
  "term_date" TEXT
);

-- specs/demo_clinic.mig:61: source state of legacy.cases (this run's)
DROP TABLE IF EXISTS "chartshift"."state__legacy__cases";

-- specs/demo_clinic.mig:61: source state of legacy.cases: the rows the target is built from
CREATE TABLE "chartshift"."state__legacy__cases" (
  "__row" BIGINT NOT NULL,
  "case_no" TEXT,
  "pat_no" TEXT,
  "therapist_id" TEXT,
  "referring_physician" TEXT,
  "referring_npi" TEXT,
  "injury_date" TEXT,
  "eval_date" TEXT,
  "dx1" TEXT,
  "dx2" TEXT,
  "dx3" TEXT,
  "dx4" TEXT
);

-- specs/demo_clinic.mig:77: source state of legacy.auths (this run's)
DROP TABLE IF EXISTS "chartshift"."state__legacy__auths";

-- specs/demo_clinic.mig:77: source state of legacy.auths: the rows the target is built from
CREATE TABLE "chartshift"."state__legacy__auths" (
  "__row" BIGINT NOT NULL,
  "auth_no" TEXT,
  "case_no" TEXT,
  "visits_authorized" TEXT,
  "start_date" TEXT,
  "end_date" TEXT
);

-- specs/demo_clinic.mig:86: source state of legacy.visits (this run's)
DROP TABLE IF EXISTS "chartshift"."state__legacy__visits";

-- specs/demo_clinic.mig:86: source state of legacy.visits: the rows the target is built from
CREATE TABLE "chartshift"."state__legacy__visits" (
  "__row" BIGINT NOT NULL,
  "visit_id" TEXT,
  "case_no" TEXT,
  "pat_no" TEXT,
  "prov_id" TEXT,
  "dos" TEXT,
  "status" TEXT,
  "cpt1" TEXT,
  "units1" TEXT,
  "mod1" TEXT,
  "amount1" TEXT,
  "cpt2" TEXT,
  "units2" TEXT,
  "mod2" TEXT,
  "amount2" TEXT,
  "cpt3" TEXT,
  "units3" TEXT,
  "mod3" TEXT,
  "amount3" TEXT
);

-- specs/demo_clinic.mig:109: source state of legacy.notes (this run's)
DROP TABLE IF EXISTS "chartshift"."state__legacy__notes";

-- specs/demo_clinic.mig:109: source state of legacy.notes: the rows the target is built from
CREATE TABLE "chartshift"."state__legacy__notes" (
  "__row" BIGINT NOT NULL,
  "note_id" TEXT,
  "visit_id" TEXT,
  "note_type" TEXT,
  "note_text" TEXT
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

-- a full run (or a first phase) starts the phase history
DROP TABLE IF EXISTS "chartshift"."phases";

-- the phases run on this target, in order
CREATE TABLE "chartshift"."phases" (
  "phase" VARCHAR(200) NOT NULL COLLATE "C",
  "ordinal" BIGINT NOT NULL,
  "files_sha256" VARCHAR(64) NOT NULL,
  "run_at" VARCHAR(40) NOT NULL
);

-- specs/demo_clinic.mig:210: lookup visit_status from lookups/visit_status.csv
DROP TABLE IF EXISTS "chartshift"."lookup__visit_status";

-- specs/demo_clinic.mig:210: lookup visit_status: 5 entries
CREATE TABLE "chartshift"."lookup__visit_status" (
  "key" TEXT NOT NULL COLLATE "C",
  "value" VARCHAR(500),
  PRIMARY KEY ("key")
);

-- specs/demo_clinic.mig:210: lookup visit_status rows 1-5
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

-- specs/demo_clinic.mig:14: typed view legacy.patients (re-created over the new staging)
DROP VIEW IF EXISTS "legacy"."patients";

-- specs/demo_clinic.mig:33: typed view legacy.providers (re-created over the new staging)
DROP VIEW IF EXISTS "legacy"."providers";

-- specs/demo_clinic.mig:42: typed view legacy.payers (re-created over the new staging)
DROP VIEW IF EXISTS "legacy"."payers";

-- specs/demo_clinic.mig:49: typed view legacy.policies (re-created over the new staging)
DROP VIEW IF EXISTS "legacy"."policies";

-- specs/demo_clinic.mig:61: typed view legacy.cases (re-created over the new staging)
DROP VIEW IF EXISTS "legacy"."cases";

-- specs/demo_clinic.mig:77: typed view legacy.auths (re-created over the new staging)
DROP VIEW IF EXISTS "legacy"."auths";

-- specs/demo_clinic.mig:86: typed view legacy.visits (re-created over the new staging)
DROP VIEW IF EXISTS "legacy"."visits";

-- specs/demo_clinic.mig:109: typed view legacy.notes (re-created over the new staging)
DROP VIEW IF EXISTS "legacy"."notes";

