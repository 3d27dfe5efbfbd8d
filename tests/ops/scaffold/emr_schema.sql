-- A new EMR's schema (PostgreSQL DDL): 16 tables, table- and column-level keys,
-- references, unique columns and the usual types.
CREATE TABLE emr.practitioner (
  id BIGINT PRIMARY KEY,
  provider_code VARCHAR(20) NOT NULL UNIQUE,
  full_name VARCHAR(100) NOT NULL,
  npi CHAR(10) NOT NULL
);
CREATE TABLE emr.clinic (id INTEGER PRIMARY KEY, name VARCHAR(80) NOT NULL, phone CHAR(10), opened DATE);
CREATE TABLE emr.patient (
  id BIGINT NOT NULL,
  mrn VARCHAR(20) NOT NULL,
  first_name VARCHAR(50) NOT NULL,
  last_name VARCHAR(50) NOT NULL,
  birth_date DATE,
  email VARCHAR(100),
  clinic_id INTEGER REFERENCES emr.clinic (id),
  created_at TIMESTAMP NOT NULL,
  PRIMARY KEY (id),
  UNIQUE (mrn)
);
CREATE TABLE emr.payer (id BIGINT PRIMARY KEY, payer_name VARCHAR(100) NOT NULL, payer_type VARCHAR(20));
CREATE TABLE emr.coverage (
  id BIGINT PRIMARY KEY,
  patient_id BIGINT NOT NULL,
  payer_id BIGINT NOT NULL REFERENCES emr.payer (id),
  member_id VARCHAR(30),
  priority SMALLINT NOT NULL,
  CONSTRAINT coverage_patient FOREIGN KEY (patient_id) REFERENCES emr.patient (id)
);
CREATE TABLE emr.episode (id BIGINT PRIMARY KEY, patient_id BIGINT NOT NULL REFERENCES emr.patient (id), onset_date DATE, active BOOLEAN NOT NULL);
CREATE TABLE emr.diagnosis (id BIGINT PRIMARY KEY, episode_id BIGINT NOT NULL REFERENCES emr.episode (id), icd10 VARCHAR(8) NOT NULL, seq INTEGER);
CREATE TABLE emr.authorization (id BIGINT PRIMARY KEY, episode_id BIGINT REFERENCES emr.episode (id), visits INTEGER, start_date DATE, end_date DATE);
CREATE TABLE emr.encounter (
  id BIGINT PRIMARY KEY,
  patient_id BIGINT NOT NULL REFERENCES emr.patient (id),
  practitioner_id BIGINT REFERENCES emr.practitioner (id),
  visit_date DATE NOT NULL,
  status VARCHAR(10) NOT NULL
);
CREATE TABLE emr.charge_line (id BIGINT PRIMARY KEY, encounter_id BIGINT NOT NULL REFERENCES emr.encounter (id), cpt CHAR(5) NOT NULL, units INTEGER, amount NUMERIC(10, 2));
CREATE TABLE emr.clinical_note (id BIGINT PRIMARY KEY, encounter_id BIGINT REFERENCES emr.encounter (id), note_text TEXT, signed_at TIMESTAMP);
CREATE TABLE emr.appointment (id BIGINT PRIMARY KEY, patient_id BIGINT REFERENCES emr.patient (id), starts_at TIMESTAMP NOT NULL, minutes INTEGER);
CREATE TABLE emr.referral (id BIGINT PRIMARY KEY, patient_id BIGINT REFERENCES emr.patient (id), referring_npi CHAR(10), received DATE);
CREATE TABLE emr.outcome_measure (id BIGINT PRIMARY KEY, episode_id BIGINT REFERENCES emr.episode (id), instrument VARCHAR(40), score NUMERIC(6, 2), measured_on DATE);
CREATE TABLE emr.invoice (id BIGINT PRIMARY KEY, patient_id BIGINT REFERENCES emr.patient (id), total NUMERIC(12, 2), issued DATE, paid BOOLEAN);
CREATE TABLE emr.audit_event (id BIGINT PRIMARY KEY, happened_at TIMESTAMP NOT NULL, actor VARCHAR(40), detail JSONB);
