-- chartshift 0.1.0 | dialect postgres
-- spec specs/two_systems.mig sha256 76eeb791ddfc46d4013247302076b35042796b3181d91a47e7b0e553ee1643b2
-- 00_setup: schemas, crosswalks, fresh target and reject tables
-- Generated file: do not edit. Regenerate with `chartshift compile specs/two_systems.mig`.


-- schema chartshift
CREATE SCHEMA IF NOT EXISTS "chartshift";

-- schema chartshift_stage
CREATE SCHEMA IF NOT EXISTS "chartshift_stage";

-- schema emr
CREATE SCHEMA IF NOT EXISTS "emr";

-- schema sysA
CREATE SCHEMA IF NOT EXISTS "sysA";

-- schema sysB
CREATE SCHEMA IF NOT EXISTS "sysB";

-- specs/two_systems.mig:299: persistent crosswalk for emr.practitioner: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS "chartshift"."xwalk__emr__practitioner" (
  "legacy_key" TEXT NOT NULL COLLATE "C",
  "own_id" BIGINT,
  "target_id" BIGINT,
  "state" VARCHAR(10) NOT NULL,
  PRIMARY KEY ("legacy_key")
);

-- specs/two_systems.mig:319: persistent crosswalk for emr.patient: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS "chartshift"."xwalk__emr__patient" (
  "legacy_key" TEXT NOT NULL COLLATE "C",
  "own_id" BIGINT,
  "target_id" BIGINT,
  "state" VARCHAR(10) NOT NULL,
  PRIMARY KEY ("legacy_key")
);

-- specs/two_systems.mig:372: persistent crosswalk for emr.coverage: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS "chartshift"."xwalk__emr__coverage" (
  "legacy_key" TEXT NOT NULL COLLATE "C",
  "own_id" BIGINT,
  "target_id" BIGINT,
  "state" VARCHAR(10) NOT NULL,
  PRIMARY KEY ("legacy_key")
);

-- specs/two_systems.mig:403: persistent crosswalk for emr.episode: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS "chartshift"."xwalk__emr__episode" (
  "legacy_key" TEXT NOT NULL COLLATE "C",
  "own_id" BIGINT,
  "target_id" BIGINT,
  "state" VARCHAR(10) NOT NULL,
  PRIMARY KEY ("legacy_key")
);

-- specs/two_systems.mig:432: persistent crosswalk for emr.diagnosis: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS "chartshift"."xwalk__emr__diagnosis" (
  "legacy_key" TEXT NOT NULL COLLATE "C",
  "own_id" BIGINT,
  "target_id" BIGINT,
  "state" VARCHAR(10) NOT NULL,
  PRIMARY KEY ("legacy_key")
);

-- specs/two_systems.mig:456: persistent crosswalk for emr.authorization: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS "chartshift"."xwalk__emr__authorization" (
  "legacy_key" TEXT NOT NULL COLLATE "C",
  "own_id" BIGINT,
  "target_id" BIGINT,
  "state" VARCHAR(10) NOT NULL,
  PRIMARY KEY ("legacy_key")
);

-- specs/two_systems.mig:486: persistent crosswalk for emr.encounter: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS "chartshift"."xwalk__emr__encounter" (
  "legacy_key" TEXT NOT NULL COLLATE "C",
  "own_id" BIGINT,
  "target_id" BIGINT,
  "state" VARCHAR(10) NOT NULL,
  PRIMARY KEY ("legacy_key")
);

-- specs/two_systems.mig:510: persistent crosswalk for emr.charge_line: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS "chartshift"."xwalk__emr__charge_line" (
  "legacy_key" TEXT NOT NULL COLLATE "C",
  "own_id" BIGINT,
  "target_id" BIGINT,
  "state" VARCHAR(10) NOT NULL,
  PRIMARY KEY ("legacy_key")
);

-- specs/two_systems.mig:542: persistent crosswalk for emr.clinical_note: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS "chartshift"."xwalk__emr__clinical_note" (
  "legacy_key" TEXT NOT NULL COLLATE "C",
  "own_id" BIGINT,
  "target_id" BIGINT,
  "state" VARCHAR(10) NOT NULL,
  PRIMARY KEY ("legacy_key")
);

-- specs/two_systems.mig:553: persistent crosswalk for emr.episode_activity: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS "chartshift"."xwalk__emr__episode_activity" (
  "legacy_key" TEXT NOT NULL COLLATE "C",
  "own_id" BIGINT,
  "target_id" BIGINT,
  "state" VARCHAR(10) NOT NULL,
  PRIMARY KEY ("legacy_key")
);

-- specs/two_systems.mig:577: persistent crosswalk for emr.auth_usage: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS "chartshift"."xwalk__emr__auth_usage" (
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

-- specs/two_systems.mig:187: replace emr.practitioner
DROP TABLE IF EXISTS "emr"."practitioner";

-- specs/two_systems.mig:187: target table emr.practitioner
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

-- specs/two_systems.mig:194: replace emr.patient
DROP TABLE IF EXISTS "emr"."patient";

-- specs/two_systems.mig:194: target table emr.patient
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

-- specs/two_systems.mig:211: replace emr.coverage
DROP TABLE IF EXISTS "emr"."coverage";

-- specs/two_systems.mig:211: target table emr.coverage
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

-- specs/two_systems.mig:222: replace emr.episode
DROP TABLE IF EXISTS "emr"."episode";

-- specs/two_systems.mig:222: target table emr.episode
CREATE TABLE "emr"."episode" (
  "id" BIGINT NOT NULL,
  "patient_id" BIGINT NOT NULL,
  "practitioner_id" BIGINT,
  "referring_physician" VARCHAR(100),
  "referring_npi" CHAR(10),
  "onset_date" DATE,
  "start_date" DATE,
  "age_at_onset" INT,
  PRIMARY KEY ("id")
);

-- specs/two_systems.mig:232: replace emr.diagnosis
DROP TABLE IF EXISTS "emr"."diagnosis";

-- specs/two_systems.mig:232: target table emr.diagnosis
CREATE TABLE "emr"."diagnosis" (
  "id" BIGINT NOT NULL,
  "episode_id" BIGINT NOT NULL,
  "seq" INT NOT NULL,
  "icd10_code" VARCHAR(8) NOT NULL,
  PRIMARY KEY ("id")
);

-- specs/two_systems.mig:238: replace emr.authorization
DROP TABLE IF EXISTS "emr"."authorization";

-- specs/two_systems.mig:238: target table emr.authorization
CREATE TABLE "emr"."authorization" (
  "id" BIGINT NOT NULL,
  "episode_id" BIGINT NOT NULL,
  "auth_number" VARCHAR(30),
  "visits_authorized" INT,
  "start_date" DATE,
  "end_date" DATE,
  "days_remaining" INT,
  PRIMARY KEY ("id")
);

-- specs/two_systems.mig:247: replace emr.encounter
DROP TABLE IF EXISTS "emr"."encounter";

-- specs/two_systems.mig:247: target table emr.encounter
CREATE TABLE "emr"."encounter" (
  "id" BIGINT NOT NULL,
  "patient_id" BIGINT NOT NULL,
  "episode_id" BIGINT,
  "practitioner_id" BIGINT,
  "service_date" DATE,
  "status" VARCHAR(10) NOT NULL,
  "visit_no" INT,
  PRIMARY KEY ("id")
);

-- specs/two_systems.mig:256: replace emr.charge_line
DROP TABLE IF EXISTS "emr"."charge_line";

-- specs/two_systems.mig:256: target table emr.charge_line
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

-- specs/two_systems.mig:265: replace emr.clinical_note
DROP TABLE IF EXISTS "emr"."clinical_note";

-- specs/two_systems.mig:265: target table emr.clinical_note
CREATE TABLE "emr"."clinical_note" (
  "id" BIGINT NOT NULL,
  "encounter_id" BIGINT NOT NULL,
  "note_type" VARCHAR(20) NOT NULL,
  "body" TEXT,
  PRIMARY KEY ("id")
);

-- specs/two_systems.mig:271: replace emr.episode_activity
DROP TABLE IF EXISTS "emr"."episode_activity";

-- specs/two_systems.mig:271: target table emr.episode_activity
CREATE TABLE "emr"."episode_activity" (
  "id" BIGINT NOT NULL,
  "episode_id" BIGINT NOT NULL,
  "first_visit_date" DATE,
  "last_visit_date" DATE,
  "completed_visits" INT NOT NULL,
  PRIMARY KEY ("id")
);

-- specs/two_systems.mig:278: replace emr.auth_usage
DROP TABLE IF EXISTS "emr"."auth_usage";

-- specs/two_systems.mig:278: target table emr.auth_usage
CREATE TABLE "emr"."auth_usage" (
  "id" BIGINT NOT NULL,
  "authorization_id" BIGINT NOT NULL,
  "visits_used" INT NOT NULL,
  PRIMARY KEY ("id")
);

-- specs/two_systems.mig:291: lookup visit_status from lookups/visit_status.csv
DROP TABLE IF EXISTS "chartshift"."lookup__visit_status";

-- specs/two_systems.mig:291: lookup visit_status: 5 entries
CREATE TABLE "chartshift"."lookup__visit_status" (
  "key" TEXT NOT NULL COLLATE "C",
  "value" VARCHAR(500),
  PRIMARY KEY ("key")
);

-- specs/two_systems.mig:291: lookup visit_status rows 1-5
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

-- specs/two_systems.mig:16: typed view sysA.patients (re-created over the new staging)
DROP VIEW IF EXISTS "sysA"."patients";

-- specs/two_systems.mig:33: typed view sysA.providers (re-created over the new staging)
DROP VIEW IF EXISTS "sysA"."providers";

-- specs/two_systems.mig:40: typed view sysA.payers (re-created over the new staging)
DROP VIEW IF EXISTS "sysA"."payers";

-- specs/two_systems.mig:45: typed view sysA.policies (re-created over the new staging)
DROP VIEW IF EXISTS "sysA"."policies";

-- specs/two_systems.mig:55: typed view sysA.cases (re-created over the new staging)
DROP VIEW IF EXISTS "sysA"."cases";

-- specs/two_systems.mig:69: typed view sysA.auths (re-created over the new staging)
DROP VIEW IF EXISTS "sysA"."auths";

-- specs/two_systems.mig:76: typed view sysA.visits (re-created over the new staging)
DROP VIEW IF EXISTS "sysA"."visits";

-- specs/two_systems.mig:97: typed view sysA.notes (re-created over the new staging)
DROP VIEW IF EXISTS "sysA"."notes";

-- specs/two_systems.mig:110: typed view sysB.clients (re-created over the new staging)
DROP VIEW IF EXISTS "sysB"."clients";

-- specs/two_systems.mig:123: typed view sysB.staff (re-created over the new staging)
DROP VIEW IF EXISTS "sysB"."staff";

-- specs/two_systems.mig:129: typed view sysB.insco (re-created over the new staging)
DROP VIEW IF EXISTS "sysB"."insco";

-- specs/two_systems.mig:135: typed view sysB.coverage (re-created over the new staging)
DROP VIEW IF EXISTS "sysB"."coverage";

-- specs/two_systems.mig:145: typed view sysB.episodes (re-created over the new staging)
DROP VIEW IF EXISTS "sysB"."episodes";

-- specs/two_systems.mig:155: typed view sysB.priorauth (re-created over the new staging)
DROP VIEW IF EXISTS "sysB"."priorauth";

-- specs/two_systems.mig:162: typed view sysB.appts (re-created over the new staging)
DROP VIEW IF EXISTS "sysB"."appts";

-- specs/two_systems.mig:170: typed view sysB.charges (re-created over the new staging)
DROP VIEW IF EXISTS "sysB"."charges";

-- specs/two_systems.mig:177: typed view sysB.procmap (re-created over the new staging)
DROP VIEW IF EXISTS "sysB"."procmap";

