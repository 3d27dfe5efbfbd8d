-- chartshift 0.1.0 | dialect postgres
-- spec tests/golden/access.mig sha256 ea28171392d42cee9ab3be93b07cb27d43caffbb8a56586a34da192aac5435d7
-- access: roles and grants of the spec's `access` block (docs/SECURITY.md)
-- Apply with `chartshift access apply SPEC --target URL` (it also revokes what the spec does not give);
-- the first part needs a role that may create roles, the second the tables' owner (the migrator).
-- Generated file: do not edit. Regenerate with `chartshift compile tests/golden/access.mig`.


-- ---- roles and the migrator's rights (an admin)

-- tests/golden/access.mig:25: role migrator
DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'clinic_migrator') THEN CREATE ROLE "clinic_migrator" NOLOGIN; END IF; END $$;

-- tests/golden/access.mig:26: role validator
DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'clinic_validator') THEN CREATE ROLE "clinic_validator" NOLOGIN; END IF; END $$;

-- tests/golden/access.mig:27: role auditor
DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'clinic_auditor') THEN CREATE ROLE "clinic_auditor" NOLOGIN; END IF; END $$;

-- tests/golden/access.mig:28: role application
DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'clinic_application') THEN CREATE ROLE "clinic_application" NOLOGIN; END IF; END $$;

-- tests/golden/access.mig:29: role clinician_readonly
DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'clinic_clinician_readonly') THEN CREATE ROLE "clinic_clinician_readonly" NOLOGIN; END IF; END $$;

-- tests/golden/access.mig:30: role analyst
DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'clinic_analyst') THEN CREATE ROLE "clinic_analyst" NOLOGIN; END IF; END $$;

-- tests/golden/access.mig:25: the migrator: create and replace what a run creates (it owns it)
DO $$ BEGIN EXECUTE format('GRANT CONNECT, CREATE, TEMPORARY ON DATABASE %I TO %I', current_database(), 'clinic_migrator'); END $$;

-- role clinic_clinician_readonly to clinic_analyst
GRANT "clinic_clinician_readonly" TO "clinic_analyst";

-- ---- schemas, tables and columns (the owner)

-- start from nothing on emr.patient
REVOKE ALL ON TABLE "emr"."patient" FROM "clinic_validator", "clinic_auditor", "clinic_application", "clinic_clinician_readonly", "clinic_analyst";

-- start from nothing on emr.encounter
REVOKE ALL ON TABLE "emr"."encounter" FROM "clinic_validator", "clinic_auditor", "clinic_application", "clinic_clinician_readonly", "clinic_analyst";

-- start from nothing on chartshift.rejects
REVOKE ALL ON TABLE "chartshift"."rejects" FROM "clinic_validator", "clinic_auditor", "clinic_application", "clinic_clinician_readonly", "clinic_analyst";

-- start from nothing on chartshift.xwalk__emr__patient
REVOKE ALL ON TABLE "chartshift"."xwalk__emr__patient" FROM "clinic_validator", "clinic_auditor", "clinic_application", "clinic_clinician_readonly", "clinic_analyst";

-- start from nothing on chartshift_stage.legacy__people
REVOKE ALL ON TABLE "chartshift_stage"."legacy__people" FROM "clinic_validator", "clinic_auditor", "clinic_application", "clinic_clinician_readonly", "clinic_analyst";

-- start from nothing on legacy.people
REVOKE ALL ON TABLE "legacy"."people" FROM "clinic_validator", "clinic_auditor", "clinic_application", "clinic_clinician_readonly", "clinic_analyst";

-- start from nothing on chartshift.reconciliation
REVOKE ALL ON TABLE "chartshift"."reconciliation" FROM "clinic_validator", "clinic_auditor", "clinic_application", "clinic_clinician_readonly", "clinic_analyst";

-- SELECT on chartshift.reconciliation to clinic_validator
GRANT SELECT ON TABLE "chartshift"."reconciliation" TO "clinic_validator";

-- SELECT on emr.encounter to clinic_validator
GRANT SELECT ON TABLE "emr"."encounter" TO "clinic_validator";

-- SELECT on emr.patient to clinic_validator
GRANT SELECT ON TABLE "emr"."patient" TO "clinic_validator";

-- USAGE on schema chartshift to clinic_validator
GRANT USAGE ON SCHEMA "chartshift" TO "clinic_validator";

-- USAGE on schema emr to clinic_validator
GRANT USAGE ON SCHEMA "emr" TO "clinic_validator";

-- SELECT on chartshift.reconciliation to clinic_auditor
GRANT SELECT ON TABLE "chartshift"."reconciliation" TO "clinic_auditor";

-- USAGE on schema chartshift to clinic_auditor
GRANT USAGE ON SCHEMA "chartshift" TO "clinic_auditor";

-- DELETE on emr.encounter to clinic_application
GRANT DELETE ON TABLE "emr"."encounter" TO "clinic_application";

-- INSERT on emr.encounter to clinic_application
GRANT INSERT ON TABLE "emr"."encounter" TO "clinic_application";

-- UPDATE on emr.encounter to clinic_application
GRANT UPDATE ON TABLE "emr"."encounter" TO "clinic_application";

-- SELECT on emr.patient to clinic_application
GRANT SELECT ON TABLE "emr"."patient" TO "clinic_application";

-- USAGE on schema emr to clinic_application
GRANT USAGE ON SCHEMA "emr" TO "clinic_application";

-- SELECT on emr.encounter to clinic_clinician_readonly
GRANT SELECT ON TABLE "emr"."encounter" TO "clinic_clinician_readonly";

-- SELECT (id, city) on emr.patient to clinic_clinician_readonly
GRANT SELECT("id", "city") ON TABLE "emr"."patient" TO "clinic_clinician_readonly";

-- USAGE on schema emr to clinic_clinician_readonly
GRANT USAGE ON SCHEMA "emr" TO "clinic_clinician_readonly";

-- SELECT on chartshift.xwalk__emr__patient to clinic_analyst
GRANT SELECT ON TABLE "chartshift"."xwalk__emr__patient" TO "clinic_analyst";

-- SELECT (ssn) on emr.patient to clinic_analyst
GRANT SELECT("ssn") ON TABLE "emr"."patient" TO "clinic_analyst";

-- USAGE on schema chartshift to clinic_analyst
GRANT USAGE ON SCHEMA "chartshift" TO "clinic_analyst";

-- USAGE on schema emr to clinic_analyst
GRANT USAGE ON SCHEMA "emr" TO "clinic_analyst";
