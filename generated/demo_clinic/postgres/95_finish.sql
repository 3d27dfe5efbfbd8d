-- chartshift 0.1.0 | dialect postgres
-- spec specs/demo_clinic.mig sha256 a0494f9d66c6084fd72bfacaa145ad2d752a9b7ffec0e94f1786bb184aad4f3b
-- 95_finish: drop work tables
-- Generated file: do not edit. Regenerate with `chartshift compile specs/demo_clinic.mig`.


-- specs/demo_clinic.mig:199: work table of legacy.providers -> emr.practitioner
DROP TABLE IF EXISTS "cs_work__emr__practitioner";

-- specs/demo_clinic.mig:199: crosswalk work table of legacy.providers -> emr.practitioner
DROP TABLE IF EXISTS "cs_xwalk_new__emr__practitioner";

-- specs/demo_clinic.mig:208: work table of legacy.patients -> emr.patient
DROP TABLE IF EXISTS "cs_work__emr__patient";

-- specs/demo_clinic.mig:208: crosswalk work table of legacy.patients -> emr.patient
DROP TABLE IF EXISTS "cs_xwalk_new__emr__patient";

-- specs/demo_clinic.mig:232: work table of legacy.policies -> emr.coverage
DROP TABLE IF EXISTS "cs_work__emr__coverage";

-- specs/demo_clinic.mig:232: crosswalk work table of legacy.policies -> emr.coverage
DROP TABLE IF EXISTS "cs_xwalk_new__emr__coverage";

-- specs/demo_clinic.mig:246: work table of legacy.cases -> emr.episode
DROP TABLE IF EXISTS "cs_work__emr__episode";

-- specs/demo_clinic.mig:246: crosswalk work table of legacy.cases -> emr.episode
DROP TABLE IF EXISTS "cs_xwalk_new__emr__episode";

-- specs/demo_clinic.mig:258: work table of legacy.cases -> emr.diagnosis
DROP TABLE IF EXISTS "cs_work__emr__diagnosis";

-- specs/demo_clinic.mig:258: crosswalk work table of legacy.cases -> emr.diagnosis
DROP TABLE IF EXISTS "cs_xwalk_new__emr__diagnosis";

-- specs/demo_clinic.mig:269: work table of legacy.auths -> emr.authorization
DROP TABLE IF EXISTS "cs_work__emr__authorization";

-- specs/demo_clinic.mig:269: crosswalk work table of legacy.auths -> emr.authorization
DROP TABLE IF EXISTS "cs_xwalk_new__emr__authorization";

-- specs/demo_clinic.mig:279: work table of legacy.visits -> emr.encounter
DROP TABLE IF EXISTS "cs_work__emr__encounter";

-- specs/demo_clinic.mig:279: crosswalk work table of legacy.visits -> emr.encounter
DROP TABLE IF EXISTS "cs_xwalk_new__emr__encounter";

-- specs/demo_clinic.mig:290: work table of legacy.visits -> emr.charge_line
DROP TABLE IF EXISTS "cs_work__emr__charge_line";

-- specs/demo_clinic.mig:290: crosswalk work table of legacy.visits -> emr.charge_line
DROP TABLE IF EXISTS "cs_xwalk_new__emr__charge_line";

-- specs/demo_clinic.mig:308: work table of legacy.notes -> emr.clinical_note
DROP TABLE IF EXISTS "cs_work__emr__clinical_note";

-- specs/demo_clinic.mig:308: crosswalk work table of legacy.notes -> emr.clinical_note
DROP TABLE IF EXISTS "cs_xwalk_new__emr__clinical_note";

