-- chartshift 0.1.0 | dialect postgres
-- spec specs/demo_clinic.mig sha256 a2d29e478bd0344673ca628df24d217e8057e79772da3f5917ea33a753acd32d
-- 15_state: the source state of this run
-- Generated file: do not edit. Regenerate with `chartshift compile specs/demo_clinic.mig`.


-- specs/demo_clinic.mig:14: legacy.patients: the rows of this export
INSERT INTO "chartshift"."state__legacy__patients" (
  "__row",
  "pat_no",
  "last_name",
  "first_name",
  "middle_initial",
  "dob",
  "sex",
  "ssn",
  "address1",
  "city",
  "state",
  "zip",
  "home_phone",
  "email",
  "status"
)
SELECT
  "s"."__row",
  "s"."pat_no",
  "s"."last_name",
  "s"."first_name",
  "s"."middle_initial",
  "s"."dob",
  "s"."sex",
  "s"."ssn",
  "s"."address1",
  "s"."city",
  "s"."state",
  "s"."zip",
  "s"."home_phone",
  "s"."email",
  "s"."status"
FROM "chartshift_stage"."legacy__patients" AS "s";

-- specs/demo_clinic.mig:33: legacy.providers: the rows of this export
INSERT INTO "chartshift"."state__legacy__providers" (
  "__row",
  "prov_id",
  "name",
  "credential",
  "npi"
)
SELECT
  "s"."__row",
  "s"."prov_id",
  "s"."name",
  "s"."credential",
  "s"."npi"
FROM "chartshift_stage"."legacy__providers" AS "s";

-- specs/demo_clinic.mig:42: legacy.payers: the rows of this export
INSERT INTO "chartshift"."state__legacy__payers" (
  "__row",
  "payer_id",
  "payer_name",
  "payer_type"
)
SELECT
  "s"."__row",
  "s"."payer_id",
  "s"."payer_name",
  "s"."payer_type"
FROM "chartshift_stage"."legacy__payers" AS "s";

-- specs/demo_clinic.mig:49: legacy.policies: the rows of this export
INSERT INTO "chartshift"."state__legacy__policies" (
  "__row",
  "policy_id",
  "pat_no",
  "payer_id",
  "member_id",
  "group_no",
  "priority",
  "eff_date",
  "term_date"
)
SELECT
  "s"."__row",
  "s"."policy_id",
  "s"."pat_no",
  "s"."payer_id",
  "s"."member_id",
  "s"."group_no",
  "s"."priority",
  "s"."eff_date",
  "s"."term_date"
FROM "chartshift_stage"."legacy__policies" AS "s";

-- specs/demo_clinic.mig:61: legacy.cases: the rows of this export
INSERT INTO "chartshift"."state__legacy__cases" (
  "__row",
  "case_no",
  "pat_no",
  "therapist_id",
  "referring_physician",
  "referring_npi",
  "injury_date",
  "eval_date",
  "dx1",
  "dx2",
  "dx3",
  "dx4"
)
SELECT
  "s"."__row",
  "s"."case_no",
  "s"."pat_no",
  "s"."therapist_id",
  "s"."referring_physician",
  "s"."referring_npi",
  "s"."injury_date",
  "s"."eval_date",
  "s"."dx1",
  "s"."dx2",
  "s"."dx3",
  "s"."dx4"
FROM "chartshift_stage"."legacy__cases" AS "s";

-- specs/demo_clinic.mig:77: legacy.auths: the rows of this export
INSERT INTO "chartshift"."state__legacy__auths" (
  "__row",
  "auth_no",
  "case_no",
  "visits_authorized",
  "start_date",
  "end_date"
)
SELECT
  "s"."__row",
  "s"."auth_no",
  "s"."case_no",
  "s"."visits_authorized",
  "s"."start_date",
  "s"."end_date"
FROM "chartshift_stage"."legacy__auths" AS "s";

-- specs/demo_clinic.mig:86: legacy.visits: the rows of this export
INSERT INTO "chartshift"."state__legacy__visits" (
  "__row",
  "visit_id",
  "case_no",
  "pat_no",
  "prov_id",
  "dos",
  "status",
  "cpt1",
  "units1",
  "mod1",
  "amount1",
  "cpt2",
  "units2",
  "mod2",
  "amount2",
  "cpt3",
  "units3",
  "mod3",
  "amount3"
)
SELECT
  "s"."__row",
  "s"."visit_id",
  "s"."case_no",
  "s"."pat_no",
  "s"."prov_id",
  "s"."dos",
  "s"."status",
  "s"."cpt1",
  "s"."units1",
  "s"."mod1",
  "s"."amount1",
  "s"."cpt2",
  "s"."units2",
  "s"."mod2",
  "s"."amount2",
  "s"."cpt3",
  "s"."units3",
  "s"."mod3",
  "s"."amount3"
FROM "chartshift_stage"."legacy__visits" AS "s";

-- specs/demo_clinic.mig:109: legacy.notes: the rows of this export
INSERT INTO "chartshift"."state__legacy__notes" (
  "__row",
  "note_id",
  "visit_id",
  "note_type",
  "note_text"
)
SELECT
  "s"."__row",
  "s"."note_id",
  "s"."visit_id",
  "s"."note_type",
  "s"."note_text"
FROM "chartshift_stage"."legacy__notes" AS "s";

