-- chartshift 0.1.0 | dialect postgres
-- spec specs/demo_clinic.mig sha256 a2d29e478bd0344673ca628df24d217e8057e79772da3f5917ea33a753acd32d
-- access: roles and grants of the spec's `access` block (docs/SECURITY.md)
-- Apply with `chartshift access apply SPEC --target URL` (it also revokes what the spec does not give);
-- the first part needs a role that may create roles, the second the tables' owner (the migrator).
-- Generated file: do not edit. Regenerate with `chartshift compile specs/demo_clinic.mig`.


-- ---- roles and the migrator's rights (an admin)

-- specs/demo_clinic.mig:219: role migrator
DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'migrator') THEN CREATE ROLE "migrator" NOLOGIN; END IF; END $$;

-- specs/demo_clinic.mig:220: role validator
DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'validator') THEN CREATE ROLE "validator" NOLOGIN; END IF; END $$;

-- specs/demo_clinic.mig:221: role auditor
DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'auditor') THEN CREATE ROLE "auditor" NOLOGIN; END IF; END $$;

-- specs/demo_clinic.mig:222: role application
DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'application') THEN CREATE ROLE "application" NOLOGIN; END IF; END $$;

-- specs/demo_clinic.mig:226: role clinician_readonly
DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'clinician_readonly') THEN CREATE ROLE "clinician_readonly" NOLOGIN; END IF; END $$;

-- specs/demo_clinic.mig:229: role billing
DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'billing') THEN CREATE ROLE "billing" NOLOGIN; END IF; END $$;

-- specs/demo_clinic.mig:219: the migrator: create and replace what a run creates (it owns it)
DO $$ BEGIN EXECUTE format('GRANT CONNECT, CREATE, TEMPORARY ON DATABASE %I TO %I', current_database(), 'migrator'); END $$;

-- role clinician_readonly to billing
GRANT "clinician_readonly" TO "billing";

-- ---- schemas, tables and columns (the owner)

-- start from nothing on emr.practitioner
REVOKE ALL ON TABLE "emr"."practitioner" FROM "validator", "auditor", "application", "clinician_readonly", "billing";

-- start from nothing on emr.patient
REVOKE ALL ON TABLE "emr"."patient" FROM "validator", "auditor", "application", "clinician_readonly", "billing";

-- start from nothing on emr.coverage
REVOKE ALL ON TABLE "emr"."coverage" FROM "validator", "auditor", "application", "clinician_readonly", "billing";

-- start from nothing on emr.episode
REVOKE ALL ON TABLE "emr"."episode" FROM "validator", "auditor", "application", "clinician_readonly", "billing";

-- start from nothing on emr.diagnosis
REVOKE ALL ON TABLE "emr"."diagnosis" FROM "validator", "auditor", "application", "clinician_readonly", "billing";

-- start from nothing on emr.authorization
REVOKE ALL ON TABLE "emr"."authorization" FROM "validator", "auditor", "application", "clinician_readonly", "billing";

-- start from nothing on emr.encounter
REVOKE ALL ON TABLE "emr"."encounter" FROM "validator", "auditor", "application", "clinician_readonly", "billing";

-- start from nothing on emr.charge_line
REVOKE ALL ON TABLE "emr"."charge_line" FROM "validator", "auditor", "application", "clinician_readonly", "billing";

-- start from nothing on emr.clinical_note
REVOKE ALL ON TABLE "emr"."clinical_note" FROM "validator", "auditor", "application", "clinician_readonly", "billing";

-- start from nothing on chartshift.rejects
REVOKE ALL ON TABLE "chartshift"."rejects" FROM "validator", "auditor", "application", "clinician_readonly", "billing";

-- start from nothing on chartshift.xwalk__emr__practitioner
REVOKE ALL ON TABLE "chartshift"."xwalk__emr__practitioner" FROM "validator", "auditor", "application", "clinician_readonly", "billing";

-- start from nothing on chartshift.xwalk__emr__patient
REVOKE ALL ON TABLE "chartshift"."xwalk__emr__patient" FROM "validator", "auditor", "application", "clinician_readonly", "billing";

-- start from nothing on chartshift.xwalk__emr__coverage
REVOKE ALL ON TABLE "chartshift"."xwalk__emr__coverage" FROM "validator", "auditor", "application", "clinician_readonly", "billing";

-- start from nothing on chartshift.xwalk__emr__episode
REVOKE ALL ON TABLE "chartshift"."xwalk__emr__episode" FROM "validator", "auditor", "application", "clinician_readonly", "billing";

-- start from nothing on chartshift.xwalk__emr__diagnosis
REVOKE ALL ON TABLE "chartshift"."xwalk__emr__diagnosis" FROM "validator", "auditor", "application", "clinician_readonly", "billing";

-- start from nothing on chartshift.xwalk__emr__authorization
REVOKE ALL ON TABLE "chartshift"."xwalk__emr__authorization" FROM "validator", "auditor", "application", "clinician_readonly", "billing";

-- start from nothing on chartshift.xwalk__emr__encounter
REVOKE ALL ON TABLE "chartshift"."xwalk__emr__encounter" FROM "validator", "auditor", "application", "clinician_readonly", "billing";

-- start from nothing on chartshift.xwalk__emr__charge_line
REVOKE ALL ON TABLE "chartshift"."xwalk__emr__charge_line" FROM "validator", "auditor", "application", "clinician_readonly", "billing";

-- start from nothing on chartshift.xwalk__emr__clinical_note
REVOKE ALL ON TABLE "chartshift"."xwalk__emr__clinical_note" FROM "validator", "auditor", "application", "clinician_readonly", "billing";

-- start from nothing on chartshift_stage.legacy__patients
REVOKE ALL ON TABLE "chartshift_stage"."legacy__patients" FROM "validator", "auditor", "application", "clinician_readonly", "billing";

-- start from nothing on chartshift_stage.legacy__providers
REVOKE ALL ON TABLE "chartshift_stage"."legacy__providers" FROM "validator", "auditor", "application", "clinician_readonly", "billing";

-- start from nothing on chartshift_stage.legacy__payers
REVOKE ALL ON TABLE "chartshift_stage"."legacy__payers" FROM "validator", "auditor", "application", "clinician_readonly", "billing";

-- start from nothing on chartshift_stage.legacy__policies
REVOKE ALL ON TABLE "chartshift_stage"."legacy__policies" FROM "validator", "auditor", "application", "clinician_readonly", "billing";

-- start from nothing on chartshift_stage.legacy__cases
REVOKE ALL ON TABLE "chartshift_stage"."legacy__cases" FROM "validator", "auditor", "application", "clinician_readonly", "billing";

-- start from nothing on chartshift_stage.legacy__auths
REVOKE ALL ON TABLE "chartshift_stage"."legacy__auths" FROM "validator", "auditor", "application", "clinician_readonly", "billing";

-- start from nothing on chartshift_stage.legacy__visits
REVOKE ALL ON TABLE "chartshift_stage"."legacy__visits" FROM "validator", "auditor", "application", "clinician_readonly", "billing";

-- start from nothing on chartshift_stage.legacy__notes
REVOKE ALL ON TABLE "chartshift_stage"."legacy__notes" FROM "validator", "auditor", "application", "clinician_readonly", "billing";

-- start from nothing on legacy.patients
REVOKE ALL ON TABLE "legacy"."patients" FROM "validator", "auditor", "application", "clinician_readonly", "billing";

-- start from nothing on legacy.providers
REVOKE ALL ON TABLE "legacy"."providers" FROM "validator", "auditor", "application", "clinician_readonly", "billing";

-- start from nothing on legacy.payers
REVOKE ALL ON TABLE "legacy"."payers" FROM "validator", "auditor", "application", "clinician_readonly", "billing";

-- start from nothing on legacy.policies
REVOKE ALL ON TABLE "legacy"."policies" FROM "validator", "auditor", "application", "clinician_readonly", "billing";

-- start from nothing on legacy.cases
REVOKE ALL ON TABLE "legacy"."cases" FROM "validator", "auditor", "application", "clinician_readonly", "billing";

-- start from nothing on legacy.auths
REVOKE ALL ON TABLE "legacy"."auths" FROM "validator", "auditor", "application", "clinician_readonly", "billing";

-- start from nothing on legacy.visits
REVOKE ALL ON TABLE "legacy"."visits" FROM "validator", "auditor", "application", "clinician_readonly", "billing";

-- start from nothing on legacy.notes
REVOKE ALL ON TABLE "legacy"."notes" FROM "validator", "auditor", "application", "clinician_readonly", "billing";

-- start from nothing on chartshift.reconciliation
REVOKE ALL ON TABLE "chartshift"."reconciliation" FROM "validator", "auditor", "application", "clinician_readonly", "billing";

-- start from nothing on chartshift.extracts
REVOKE ALL ON TABLE "chartshift"."extracts" FROM "validator", "auditor", "application", "clinician_readonly", "billing";

-- SELECT on chartshift.extracts to validator
GRANT SELECT ON TABLE "chartshift"."extracts" TO "validator";

-- SELECT on chartshift.reconciliation to validator
GRANT SELECT ON TABLE "chartshift"."reconciliation" TO "validator";

-- SELECT on emr.authorization to validator
GRANT SELECT ON TABLE "emr"."authorization" TO "validator";

-- SELECT on emr.charge_line to validator
GRANT SELECT ON TABLE "emr"."charge_line" TO "validator";

-- SELECT on emr.clinical_note to validator
GRANT SELECT ON TABLE "emr"."clinical_note" TO "validator";

-- SELECT on emr.coverage to validator
GRANT SELECT ON TABLE "emr"."coverage" TO "validator";

-- SELECT on emr.diagnosis to validator
GRANT SELECT ON TABLE "emr"."diagnosis" TO "validator";

-- SELECT on emr.encounter to validator
GRANT SELECT ON TABLE "emr"."encounter" TO "validator";

-- SELECT on emr.episode to validator
GRANT SELECT ON TABLE "emr"."episode" TO "validator";

-- SELECT on emr.patient to validator
GRANT SELECT ON TABLE "emr"."patient" TO "validator";

-- SELECT on emr.practitioner to validator
GRANT SELECT ON TABLE "emr"."practitioner" TO "validator";

-- USAGE on schema chartshift to validator
GRANT USAGE ON SCHEMA "chartshift" TO "validator";

-- USAGE on schema emr to validator
GRANT USAGE ON SCHEMA "emr" TO "validator";

-- SELECT on chartshift.extracts to auditor
GRANT SELECT ON TABLE "chartshift"."extracts" TO "auditor";

-- SELECT on chartshift.reconciliation to auditor
GRANT SELECT ON TABLE "chartshift"."reconciliation" TO "auditor";

-- USAGE on schema chartshift to auditor
GRANT USAGE ON SCHEMA "chartshift" TO "auditor";

-- SELECT on emr.authorization to application
GRANT SELECT ON TABLE "emr"."authorization" TO "application";

-- DELETE on emr.charge_line to application
GRANT DELETE ON TABLE "emr"."charge_line" TO "application";

-- INSERT on emr.charge_line to application
GRANT INSERT ON TABLE "emr"."charge_line" TO "application";

-- SELECT on emr.charge_line to application
GRANT SELECT ON TABLE "emr"."charge_line" TO "application";

-- UPDATE on emr.charge_line to application
GRANT UPDATE ON TABLE "emr"."charge_line" TO "application";

-- DELETE on emr.clinical_note to application
GRANT DELETE ON TABLE "emr"."clinical_note" TO "application";

-- INSERT on emr.clinical_note to application
GRANT INSERT ON TABLE "emr"."clinical_note" TO "application";

-- SELECT on emr.clinical_note to application
GRANT SELECT ON TABLE "emr"."clinical_note" TO "application";

-- UPDATE on emr.clinical_note to application
GRANT UPDATE ON TABLE "emr"."clinical_note" TO "application";

-- SELECT on emr.coverage to application
GRANT SELECT ON TABLE "emr"."coverage" TO "application";

-- SELECT on emr.diagnosis to application
GRANT SELECT ON TABLE "emr"."diagnosis" TO "application";

-- DELETE on emr.encounter to application
GRANT DELETE ON TABLE "emr"."encounter" TO "application";

-- INSERT on emr.encounter to application
GRANT INSERT ON TABLE "emr"."encounter" TO "application";

-- SELECT on emr.encounter to application
GRANT SELECT ON TABLE "emr"."encounter" TO "application";

-- UPDATE on emr.encounter to application
GRANT UPDATE ON TABLE "emr"."encounter" TO "application";

-- SELECT on emr.episode to application
GRANT SELECT ON TABLE "emr"."episode" TO "application";

-- SELECT on emr.patient to application
GRANT SELECT ON TABLE "emr"."patient" TO "application";

-- SELECT on emr.practitioner to application
GRANT SELECT ON TABLE "emr"."practitioner" TO "application";

-- USAGE on schema emr to application
GRANT USAGE ON SCHEMA "emr" TO "application";

-- SELECT on emr.authorization to clinician_readonly
GRANT SELECT ON TABLE "emr"."authorization" TO "clinician_readonly";

-- SELECT on emr.charge_line to clinician_readonly
GRANT SELECT ON TABLE "emr"."charge_line" TO "clinician_readonly";

-- SELECT on emr.practitioner to clinician_readonly
GRANT SELECT ON TABLE "emr"."practitioner" TO "clinician_readonly";

-- SELECT (id, encounter_id, note_type) on emr.clinical_note to clinician_readonly
GRANT SELECT("id", "encounter_id", "note_type") ON TABLE "emr"."clinical_note" TO "clinician_readonly";

-- SELECT (id, patient_id, payer_name, payer_type, group_no, priority, start_date, end_date) on emr.coverage to clinician_readonly
GRANT SELECT("id", "patient_id", "payer_name", "payer_type", "group_no", "priority", "start_date", "end_date") ON TABLE "emr"."coverage" TO "clinician_readonly";

-- SELECT (id, episode_id, seq) on emr.diagnosis to clinician_readonly
GRANT SELECT("id", "episode_id", "seq") ON TABLE "emr"."diagnosis" TO "clinician_readonly";

-- SELECT (id, patient_id, episode_id, practitioner_id, status) on emr.encounter to clinician_readonly
GRANT SELECT("id", "patient_id", "episode_id", "practitioner_id", "status") ON TABLE "emr"."encounter" TO "clinician_readonly";

-- SELECT (id, patient_id, practitioner_id, referring_physician, referring_npi) on emr.episode to clinician_readonly
GRANT SELECT("id", "patient_id", "practitioner_id", "referring_physician", "referring_npi") ON TABLE "emr"."episode" TO "clinician_readonly";

-- SELECT (id, first_name, last_name, sex, state, status) on emr.patient to clinician_readonly
GRANT SELECT("id", "first_name", "last_name", "sex", "state", "status") ON TABLE "emr"."patient" TO "clinician_readonly";

-- USAGE on schema emr to clinician_readonly
GRANT USAGE ON SCHEMA "emr" TO "clinician_readonly";

-- SELECT on emr.charge_line to billing
GRANT SELECT ON TABLE "emr"."charge_line" TO "billing";

-- SELECT on emr.coverage to billing
GRANT SELECT ON TABLE "emr"."coverage" TO "billing";

-- USAGE on schema emr to billing
GRANT USAGE ON SCHEMA "emr" TO "billing";
