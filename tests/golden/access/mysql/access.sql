-- chartshift 0.1.0 | dialect mysql
-- spec tests/golden/access.mig sha256 ea28171392d42cee9ab3be93b07cb27d43caffbb8a56586a34da192aac5435d7
-- access: roles and grants of the spec's `access` block (docs/SECURITY.md)
-- Apply with `chartshift access apply SPEC --target URL` (it also revokes what the spec does not give);
-- the first part needs a role that may create roles, the second the tables' owner (the migrator).
-- Generated file: do not edit. Regenerate with `chartshift compile tests/golden/access.mig`.


-- ---- roles and the migrator's rights (an admin)

-- tests/golden/access.mig:25: role migrator
CREATE ROLE IF NOT EXISTS `clinic_migrator`;

-- tests/golden/access.mig:26: role validator
CREATE ROLE IF NOT EXISTS `clinic_validator`;

-- tests/golden/access.mig:27: role auditor
CREATE ROLE IF NOT EXISTS `clinic_auditor`;

-- tests/golden/access.mig:28: role application
CREATE ROLE IF NOT EXISTS `clinic_application`;

-- tests/golden/access.mig:29: role clinician_readonly
CREATE ROLE IF NOT EXISTS `clinic_clinician_readonly`;

-- tests/golden/access.mig:30: role analyst
CREATE ROLE IF NOT EXISTS `clinic_analyst`;

-- tests/golden/access.mig:25: the migrator: create and replace what a run creates (it owns it)
GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, ALTER, INDEX, CREATE VIEW, REFERENCES ON * TO `clinic_migrator`;

-- role clinic_clinician_readonly to clinic_analyst
GRANT `clinic_clinician_readonly` TO `clinic_analyst`;

-- ---- schemas, tables and columns (the owner)

-- SELECT on chartshift__reconciliation to clinic_validator
GRANT SELECT ON TABLE `chartshift__reconciliation` TO `clinic_validator`;

-- SELECT on emr__encounter to clinic_validator
GRANT SELECT ON TABLE `emr__encounter` TO `clinic_validator`;

-- SELECT on emr__patient to clinic_validator
GRANT SELECT ON TABLE `emr__patient` TO `clinic_validator`;

-- SELECT on chartshift__reconciliation to clinic_auditor
GRANT SELECT ON TABLE `chartshift__reconciliation` TO `clinic_auditor`;

-- DELETE on emr__encounter to clinic_application
GRANT DELETE ON TABLE `emr__encounter` TO `clinic_application`;

-- INSERT on emr__encounter to clinic_application
GRANT INSERT ON TABLE `emr__encounter` TO `clinic_application`;

-- UPDATE on emr__encounter to clinic_application
GRANT UPDATE ON TABLE `emr__encounter` TO `clinic_application`;

-- SELECT on emr__patient to clinic_application
GRANT SELECT ON TABLE `emr__patient` TO `clinic_application`;

-- SELECT on emr__encounter to clinic_clinician_readonly
GRANT SELECT ON TABLE `emr__encounter` TO `clinic_clinician_readonly`;

-- SELECT (id, city) on emr__patient to clinic_clinician_readonly
GRANT SELECT(`id`, `city`) ON TABLE `emr__patient` TO `clinic_clinician_readonly`;

-- SELECT on chartshift__xwalk__emr__patient to clinic_analyst
GRANT SELECT ON TABLE `chartshift__xwalk__emr__patient` TO `clinic_analyst`;

-- SELECT (ssn) on emr__patient to clinic_analyst
GRANT SELECT(`ssn`) ON TABLE `emr__patient` TO `clinic_analyst`;
