-- chartshift 0.1.0 | dialect mysql
-- spec specs/demo_clinic.mig sha256 a2d29e478bd0344673ca628df24d217e8057e79772da3f5917ea33a753acd32d
-- access: roles and grants of the spec's `access` block (docs/SECURITY.md)
-- Apply with `chartshift access apply SPEC --target URL` (it also revokes what the spec does not give);
-- the first part needs a role that may create roles, the second the tables' owner (the migrator).
-- Generated file: do not edit. Regenerate with `chartshift compile specs/demo_clinic.mig`.


-- ---- roles and the migrator's rights (an admin)

-- specs/demo_clinic.mig:219: role migrator
CREATE ROLE IF NOT EXISTS `migrator`;

-- specs/demo_clinic.mig:220: role validator
CREATE ROLE IF NOT EXISTS `validator`;

-- specs/demo_clinic.mig:221: role auditor
CREATE ROLE IF NOT EXISTS `auditor`;

-- specs/demo_clinic.mig:222: role application
CREATE ROLE IF NOT EXISTS `application`;

-- specs/demo_clinic.mig:226: role clinician_readonly
CREATE ROLE IF NOT EXISTS `clinician_readonly`;

-- specs/demo_clinic.mig:229: role billing
CREATE ROLE IF NOT EXISTS `billing`;

-- specs/demo_clinic.mig:219: the migrator: create and replace what a run creates (it owns it)
GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, ALTER, INDEX, CREATE VIEW, REFERENCES ON * TO `migrator`;

-- role clinician_readonly to billing
GRANT `clinician_readonly` TO `billing`;

-- ---- schemas, tables and columns (the owner)

-- SELECT on chartshift__extracts to validator
GRANT SELECT ON TABLE `chartshift__extracts` TO `validator`;

-- SELECT on chartshift__reconciliation to validator
GRANT SELECT ON TABLE `chartshift__reconciliation` TO `validator`;

-- SELECT on emr__authorization to validator
GRANT SELECT ON TABLE `emr__authorization` TO `validator`;

-- SELECT on emr__charge_line to validator
GRANT SELECT ON TABLE `emr__charge_line` TO `validator`;

-- SELECT on emr__clinical_note to validator
GRANT SELECT ON TABLE `emr__clinical_note` TO `validator`;

-- SELECT on emr__coverage to validator
GRANT SELECT ON TABLE `emr__coverage` TO `validator`;

-- SELECT on emr__diagnosis to validator
GRANT SELECT ON TABLE `emr__diagnosis` TO `validator`;

-- SELECT on emr__encounter to validator
GRANT SELECT ON TABLE `emr__encounter` TO `validator`;

-- SELECT on emr__episode to validator
GRANT SELECT ON TABLE `emr__episode` TO `validator`;

-- SELECT on emr__patient to validator
GRANT SELECT ON TABLE `emr__patient` TO `validator`;

-- SELECT on emr__practitioner to validator
GRANT SELECT ON TABLE `emr__practitioner` TO `validator`;

-- SELECT on chartshift__extracts to auditor
GRANT SELECT ON TABLE `chartshift__extracts` TO `auditor`;

-- SELECT on chartshift__reconciliation to auditor
GRANT SELECT ON TABLE `chartshift__reconciliation` TO `auditor`;

-- SELECT on emr__authorization to application
GRANT SELECT ON TABLE `emr__authorization` TO `application`;

-- DELETE on emr__charge_line to application
GRANT DELETE ON TABLE `emr__charge_line` TO `application`;

-- INSERT on emr__charge_line to application
GRANT INSERT ON TABLE `emr__charge_line` TO `application`;

-- SELECT on emr__charge_line to application
GRANT SELECT ON TABLE `emr__charge_line` TO `application`;

-- UPDATE on emr__charge_line to application
GRANT UPDATE ON TABLE `emr__charge_line` TO `application`;

-- DELETE on emr__clinical_note to application
GRANT DELETE ON TABLE `emr__clinical_note` TO `application`;

-- INSERT on emr__clinical_note to application
GRANT INSERT ON TABLE `emr__clinical_note` TO `application`;

-- SELECT on emr__clinical_note to application
GRANT SELECT ON TABLE `emr__clinical_note` TO `application`;

-- UPDATE on emr__clinical_note to application
GRANT UPDATE ON TABLE `emr__clinical_note` TO `application`;

-- SELECT on emr__coverage to application
GRANT SELECT ON TABLE `emr__coverage` TO `application`;

-- SELECT on emr__diagnosis to application
GRANT SELECT ON TABLE `emr__diagnosis` TO `application`;

-- DELETE on emr__encounter to application
GRANT DELETE ON TABLE `emr__encounter` TO `application`;

-- INSERT on emr__encounter to application
GRANT INSERT ON TABLE `emr__encounter` TO `application`;

-- SELECT on emr__encounter to application
GRANT SELECT ON TABLE `emr__encounter` TO `application`;

-- UPDATE on emr__encounter to application
GRANT UPDATE ON TABLE `emr__encounter` TO `application`;

-- SELECT on emr__episode to application
GRANT SELECT ON TABLE `emr__episode` TO `application`;

-- SELECT on emr__patient to application
GRANT SELECT ON TABLE `emr__patient` TO `application`;

-- SELECT on emr__practitioner to application
GRANT SELECT ON TABLE `emr__practitioner` TO `application`;

-- SELECT on emr__authorization to clinician_readonly
GRANT SELECT ON TABLE `emr__authorization` TO `clinician_readonly`;

-- SELECT on emr__charge_line to clinician_readonly
GRANT SELECT ON TABLE `emr__charge_line` TO `clinician_readonly`;

-- SELECT on emr__practitioner to clinician_readonly
GRANT SELECT ON TABLE `emr__practitioner` TO `clinician_readonly`;

-- SELECT (id, encounter_id, note_type) on emr__clinical_note to clinician_readonly
GRANT SELECT(`id`, `encounter_id`, `note_type`) ON TABLE `emr__clinical_note` TO `clinician_readonly`;

-- SELECT (id, patient_id, payer_name, payer_type, group_no, priority, start_date, end_date) on emr__coverage to clinician_readonly
GRANT SELECT(`id`, `patient_id`, `payer_name`, `payer_type`, `group_no`, `priority`, `start_date`, `end_date`) ON TABLE `emr__coverage` TO `clinician_readonly`;

-- SELECT (id, episode_id, seq) on emr__diagnosis to clinician_readonly
GRANT SELECT(`id`, `episode_id`, `seq`) ON TABLE `emr__diagnosis` TO `clinician_readonly`;

-- SELECT (id, patient_id, episode_id, practitioner_id, status) on emr__encounter to clinician_readonly
GRANT SELECT(`id`, `patient_id`, `episode_id`, `practitioner_id`, `status`) ON TABLE `emr__encounter` TO `clinician_readonly`;

-- SELECT (id, patient_id, practitioner_id, referring_physician, referring_npi) on emr__episode to clinician_readonly
GRANT SELECT(`id`, `patient_id`, `practitioner_id`, `referring_physician`, `referring_npi`) ON TABLE `emr__episode` TO `clinician_readonly`;

-- SELECT (id, first_name, last_name, sex, state, status) on emr__patient to clinician_readonly
GRANT SELECT(`id`, `first_name`, `last_name`, `sex`, `state`, `status`) ON TABLE `emr__patient` TO `clinician_readonly`;

-- SELECT on emr__charge_line to billing
GRANT SELECT ON TABLE `emr__charge_line` TO `billing`;

-- SELECT on emr__coverage to billing
GRANT SELECT ON TABLE `emr__coverage` TO `billing`;
