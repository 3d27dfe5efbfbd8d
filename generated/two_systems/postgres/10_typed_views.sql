-- chartshift 0.1.0 | dialect postgres
-- spec specs/two_systems.mig sha256 76eeb791ddfc46d4013247302076b35042796b3181d91a47e7b0e553ee1643b2
-- 10_typed_views: typed views over the staged CSV text (blank -> NULL, failed casts flagged)
-- Generated file: do not edit. Regenerate with `chartshift compile specs/two_systems.mig`.


-- specs/two_systems.mig:16: typed view sysA.patients
CREATE VIEW "sysA"."patients" AS
SELECT
  "cs_raw"."__row",
  NULLIF("cs_raw"."pat_no", '') AS "pat_no",
  NULLIF("cs_raw"."last_name", '') AS "last_name",
  NULLIF("cs_raw"."first_name", '') AS "first_name",
  NULLIF("cs_raw"."middle_initial", '') AS "middle_initial",
  NULLIF("cs_raw"."dob", '') AS "dob",
  NULLIF("cs_raw"."sex", '') AS "sex",
  NULLIF("cs_raw"."ssn", '') AS "ssn",
  NULLIF("cs_raw"."address1", '') AS "address1",
  NULLIF("cs_raw"."city", '') AS "city",
  NULLIF("cs_raw"."state", '') AS "state",
  NULLIF("cs_raw"."zip", '') AS "zip",
  NULLIF("cs_raw"."home_phone", '') AS "home_phone",
  NULLIF("cs_raw"."email", '') AS "email",
  NULLIF("cs_raw"."status", '') AS "status",
  CAST(NULL AS VARCHAR) AS "__cast_error"
FROM "chartshift_stage"."sysA__patients" AS "cs_raw";

-- specs/two_systems.mig:33: typed view sysA.providers
CREATE VIEW "sysA"."providers" AS
SELECT
  "cs_raw"."__row",
  NULLIF("cs_raw"."prov_id", '') AS "prov_id",
  NULLIF("cs_raw"."name", '') AS "name",
  NULLIF("cs_raw"."credential", '') AS "credential",
  NULLIF("cs_raw"."npi", '') AS "npi",
  CAST(NULL AS VARCHAR) AS "__cast_error"
FROM "chartshift_stage"."sysA__providers" AS "cs_raw";

-- specs/two_systems.mig:40: typed view sysA.payers
CREATE VIEW "sysA"."payers" AS
SELECT
  "cs_raw"."__row",
  NULLIF("cs_raw"."payer_id", '') AS "payer_id",
  NULLIF("cs_raw"."payer_name", '') AS "payer_name",
  NULLIF("cs_raw"."payer_type", '') AS "payer_type",
  CAST(NULL AS VARCHAR) AS "__cast_error"
FROM "chartshift_stage"."sysA__payers" AS "cs_raw";

-- specs/two_systems.mig:45: typed view sysA.policies
CREATE VIEW "sysA"."policies" AS
SELECT
  "cs_raw"."__row",
  NULLIF("cs_raw"."policy_id", '') AS "policy_id",
  NULLIF("cs_raw"."pat_no", '') AS "pat_no",
  NULLIF("cs_raw"."payer_id", '') AS "payer_id",
  NULLIF("cs_raw"."member_id", '') AS "member_id",
  NULLIF("cs_raw"."group_no", '') AS "group_no",
  CASE
    WHEN TRIM(NULLIF("cs_raw"."priority", '')) ~ '^[+\-]?[0-9]{1,18}$'
    THEN CAST(TRIM(NULLIF("cs_raw"."priority", '')) AS BIGINT)
  END AS "priority",
  NULLIF("cs_raw"."eff_date", '') AS "eff_date",
  NULLIF("cs_raw"."term_date", '') AS "term_date",
  CASE
    WHEN NOT NULLIF("cs_raw"."priority", '') IS NULL
    AND CASE
      WHEN TRIM(NULLIF("cs_raw"."priority", '')) ~ '^[+\-]?[0-9]{1,18}$'
      THEN CAST(TRIM(NULLIF("cs_raw"."priority", '')) AS BIGINT)
    END IS NULL
    THEN 'sysA.policies.priority is not a valid integer'
  END AS "__cast_error"
FROM "chartshift_stage"."sysA__policies" AS "cs_raw";

-- specs/two_systems.mig:55: typed view sysA.cases
CREATE VIEW "sysA"."cases" AS
SELECT
  "cs_raw"."__row",
  NULLIF("cs_raw"."case_no", '') AS "case_no",
  NULLIF("cs_raw"."pat_no", '') AS "pat_no",
  NULLIF("cs_raw"."therapist_id", '') AS "therapist_id",
  NULLIF("cs_raw"."referring_physician", '') AS "referring_physician",
  NULLIF("cs_raw"."referring_npi", '') AS "referring_npi",
  NULLIF("cs_raw"."injury_date", '') AS "injury_date",
  NULLIF("cs_raw"."eval_date", '') AS "eval_date",
  NULLIF("cs_raw"."dx1", '') AS "dx1",
  NULLIF("cs_raw"."dx2", '') AS "dx2",
  NULLIF("cs_raw"."dx3", '') AS "dx3",
  NULLIF("cs_raw"."dx4", '') AS "dx4",
  CAST(NULL AS VARCHAR) AS "__cast_error"
FROM "chartshift_stage"."sysA__cases" AS "cs_raw";

-- specs/two_systems.mig:69: typed view sysA.auths
CREATE VIEW "sysA"."auths" AS
SELECT
  "cs_raw"."__row",
  NULLIF("cs_raw"."auth_no", '') AS "auth_no",
  NULLIF("cs_raw"."case_no", '') AS "case_no",
  CASE
    WHEN TRIM(NULLIF("cs_raw"."visits_authorized", '')) ~ '^[+\-]?[0-9]{1,18}$'
    THEN CAST(TRIM(NULLIF("cs_raw"."visits_authorized", '')) AS BIGINT)
  END AS "visits_authorized",
  NULLIF("cs_raw"."start_date", '') AS "start_date",
  NULLIF("cs_raw"."end_date", '') AS "end_date",
  CASE
    WHEN NOT NULLIF("cs_raw"."visits_authorized", '') IS NULL
    AND CASE
      WHEN TRIM(NULLIF("cs_raw"."visits_authorized", '')) ~ '^[+\-]?[0-9]{1,18}$'
      THEN CAST(TRIM(NULLIF("cs_raw"."visits_authorized", '')) AS BIGINT)
    END IS NULL
    THEN 'sysA.auths.visits_authorized is not a valid integer'
  END AS "__cast_error"
FROM "chartshift_stage"."sysA__auths" AS "cs_raw";

-- specs/two_systems.mig:76: typed view sysA.visits
CREATE VIEW "sysA"."visits" AS
SELECT
  "cs_raw"."__row",
  CASE
    WHEN TRIM(NULLIF("cs_raw"."visit_id", '')) ~ '^[+\-]?[0-9]{1,18}$'
    THEN CAST(TRIM(NULLIF("cs_raw"."visit_id", '')) AS BIGINT)
  END AS "visit_id",
  NULLIF("cs_raw"."case_no", '') AS "case_no",
  NULLIF("cs_raw"."pat_no", '') AS "pat_no",
  NULLIF("cs_raw"."prov_id", '') AS "prov_id",
  NULLIF("cs_raw"."dos", '') AS "dos",
  NULLIF("cs_raw"."status", '') AS "status",
  NULLIF("cs_raw"."cpt1", '') AS "cpt1",
  NULLIF("cs_raw"."units1", '') AS "units1",
  NULLIF("cs_raw"."mod1", '') AS "mod1",
  NULLIF("cs_raw"."amount1", '') AS "amount1",
  NULLIF("cs_raw"."cpt2", '') AS "cpt2",
  NULLIF("cs_raw"."units2", '') AS "units2",
  NULLIF("cs_raw"."mod2", '') AS "mod2",
  NULLIF("cs_raw"."amount2", '') AS "amount2",
  NULLIF("cs_raw"."cpt3", '') AS "cpt3",
  NULLIF("cs_raw"."units3", '') AS "units3",
  NULLIF("cs_raw"."mod3", '') AS "mod3",
  NULLIF("cs_raw"."amount3", '') AS "amount3",
  CASE
    WHEN NOT NULLIF("cs_raw"."visit_id", '') IS NULL
    AND CASE
      WHEN TRIM(NULLIF("cs_raw"."visit_id", '')) ~ '^[+\-]?[0-9]{1,18}$'
      THEN CAST(TRIM(NULLIF("cs_raw"."visit_id", '')) AS BIGINT)
    END IS NULL
    THEN 'sysA.visits.visit_id is not a valid integer'
  END AS "__cast_error"
FROM "chartshift_stage"."sysA__visits" AS "cs_raw";

-- specs/two_systems.mig:97: typed view sysA.notes
CREATE VIEW "sysA"."notes" AS
SELECT
  "cs_raw"."__row",
  NULLIF("cs_raw"."note_id", '') AS "note_id",
  CASE
    WHEN TRIM(NULLIF("cs_raw"."visit_id", '')) ~ '^[+\-]?[0-9]{1,18}$'
    THEN CAST(TRIM(NULLIF("cs_raw"."visit_id", '')) AS BIGINT)
  END AS "visit_id",
  NULLIF("cs_raw"."note_type", '') AS "note_type",
  NULLIF("cs_raw"."note_text", '') AS "note_text",
  CASE
    WHEN NOT NULLIF("cs_raw"."visit_id", '') IS NULL
    AND CASE
      WHEN TRIM(NULLIF("cs_raw"."visit_id", '')) ~ '^[+\-]?[0-9]{1,18}$'
      THEN CAST(TRIM(NULLIF("cs_raw"."visit_id", '')) AS BIGINT)
    END IS NULL
    THEN 'sysA.notes.visit_id is not a valid integer'
  END AS "__cast_error"
FROM "chartshift_stage"."sysA__notes" AS "cs_raw";

-- specs/two_systems.mig:110: typed view sysB.clients
CREATE VIEW "sysB"."clients" AS
SELECT
  "cs_raw"."__row",
  NULLIF("cs_raw"."client_id", '') AS "client_id",
  NULLIF("cs_raw"."client_name", '') AS "client_name",
  NULLIF("cs_raw"."birth_dt", '') AS "birth_dt",
  NULLIF("cs_raw"."gender", '') AS "gender",
  NULLIF("cs_raw"."soc_sec", '') AS "soc_sec",
  NULLIF("cs_raw"."street", '') AS "street",
  NULLIF("cs_raw"."city", '') AS "city",
  NULLIF("cs_raw"."st", '') AS "st",
  NULLIF("cs_raw"."postcode", '') AS "postcode",
  NULLIF("cs_raw"."phone", '') AS "phone",
  NULLIF("cs_raw"."active_flag", '') AS "active_flag",
  CAST(NULL AS VARCHAR) AS "__cast_error"
FROM "chartshift_stage"."sysB__clients" AS "cs_raw";

-- specs/two_systems.mig:123: typed view sysB.staff
CREATE VIEW "sysB"."staff" AS
SELECT
  "cs_raw"."__row",
  NULLIF("cs_raw"."staff_no", '') AS "staff_no",
  NULLIF("cs_raw"."staff_name", '') AS "staff_name",
  NULLIF("cs_raw"."discipline", '') AS "discipline",
  NULLIF("cs_raw"."npi_no", '') AS "npi_no",
  CAST(NULL AS VARCHAR) AS "__cast_error"
FROM "chartshift_stage"."sysB__staff" AS "cs_raw";

-- specs/two_systems.mig:129: typed view sysB.insco
CREATE VIEW "sysB"."insco" AS
SELECT
  "cs_raw"."__row",
  NULLIF("cs_raw"."payer_cd", '') AS "payer_cd",
  NULLIF("cs_raw"."plan_cd", '') AS "plan_cd",
  NULLIF("cs_raw"."payer_name", '') AS "payer_name",
  NULLIF("cs_raw"."payer_type", '') AS "payer_type",
  CAST(NULL AS VARCHAR) AS "__cast_error"
FROM "chartshift_stage"."sysB__insco" AS "cs_raw";

-- specs/two_systems.mig:135: typed view sysB.coverage
CREATE VIEW "sysB"."coverage" AS
SELECT
  "cs_raw"."__row",
  NULLIF("cs_raw"."ins_id", '') AS "ins_id",
  NULLIF("cs_raw"."client_id", '') AS "client_id",
  NULLIF("cs_raw"."payer_cd", '') AS "payer_cd",
  NULLIF("cs_raw"."plan_cd", '') AS "plan_cd",
  NULLIF("cs_raw"."member_no", '') AS "member_no",
  NULLIF("cs_raw"."cob_seq", '') AS "cob_seq",
  NULLIF("cs_raw"."from_dt", '') AS "from_dt",
  NULLIF("cs_raw"."thru_dt", '') AS "thru_dt",
  CAST(NULL AS VARCHAR) AS "__cast_error"
FROM "chartshift_stage"."sysB__coverage" AS "cs_raw";

-- specs/two_systems.mig:145: typed view sysB.episodes
CREATE VIEW "sysB"."episodes" AS
SELECT
  "cs_raw"."__row",
  NULLIF("cs_raw"."episode_id", '') AS "episode_id",
  NULLIF("cs_raw"."client_id", '') AS "client_id",
  NULLIF("cs_raw"."staff_no", '') AS "staff_no",
  NULLIF("cs_raw"."referral_md", '') AS "referral_md",
  NULLIF("cs_raw"."injury_dt", '') AS "injury_dt",
  NULLIF("cs_raw"."start_dt", '') AS "start_dt",
  NULLIF("cs_raw"."icd_primary", '') AS "icd_primary",
  NULLIF("cs_raw"."icd_secondary", '') AS "icd_secondary",
  CAST(NULL AS VARCHAR) AS "__cast_error"
FROM "chartshift_stage"."sysB__episodes" AS "cs_raw";

-- specs/two_systems.mig:155: typed view sysB.priorauth
CREATE VIEW "sysB"."priorauth" AS
SELECT
  "cs_raw"."__row",
  NULLIF("cs_raw"."auth_ref", '') AS "auth_ref",
  NULLIF("cs_raw"."episode_id", '') AS "episode_id",
  CASE
    WHEN TRIM(NULLIF("cs_raw"."auth_visits", '')) ~ '^[+\-]?[0-9]{1,18}$'
    THEN CAST(TRIM(NULLIF("cs_raw"."auth_visits", '')) AS BIGINT)
  END AS "auth_visits",
  NULLIF("cs_raw"."auth_from", '') AS "auth_from",
  NULLIF("cs_raw"."auth_to", '') AS "auth_to",
  CASE
    WHEN NOT NULLIF("cs_raw"."auth_visits", '') IS NULL
    AND CASE
      WHEN TRIM(NULLIF("cs_raw"."auth_visits", '')) ~ '^[+\-]?[0-9]{1,18}$'
      THEN CAST(TRIM(NULLIF("cs_raw"."auth_visits", '')) AS BIGINT)
    END IS NULL
    THEN 'sysB.priorauth.auth_visits is not a valid integer'
  END AS "__cast_error"
FROM "chartshift_stage"."sysB__priorauth" AS "cs_raw";

-- specs/two_systems.mig:162: typed view sysB.appts
CREATE VIEW "sysB"."appts" AS
SELECT
  "cs_raw"."__row",
  CASE
    WHEN TRIM(NULLIF("cs_raw"."appt_id", '')) ~ '^[+\-]?[0-9]{1,18}$'
    THEN CAST(TRIM(NULLIF("cs_raw"."appt_id", '')) AS BIGINT)
  END AS "appt_id",
  NULLIF("cs_raw"."episode_id", '') AS "episode_id",
  NULLIF("cs_raw"."client_id", '') AS "client_id",
  NULLIF("cs_raw"."staff_no", '') AS "staff_no",
  NULLIF("cs_raw"."appt_date", '') AS "appt_date",
  NULLIF("cs_raw"."appt_status", '') AS "appt_status",
  CASE
    WHEN NOT NULLIF("cs_raw"."appt_id", '') IS NULL
    AND CASE
      WHEN TRIM(NULLIF("cs_raw"."appt_id", '')) ~ '^[+\-]?[0-9]{1,18}$'
      THEN CAST(TRIM(NULLIF("cs_raw"."appt_id", '')) AS BIGINT)
    END IS NULL
    THEN 'sysB.appts.appt_id is not a valid integer'
  END AS "__cast_error"
FROM "chartshift_stage"."sysB__appts" AS "cs_raw";

-- specs/two_systems.mig:170: typed view sysB.charges
CREATE VIEW "sysB"."charges" AS
SELECT
  "cs_raw"."__row",
  CASE
    WHEN TRIM(NULLIF("cs_raw"."charge_id", '')) ~ '^[+\-]?[0-9]{1,18}$'
    THEN CAST(TRIM(NULLIF("cs_raw"."charge_id", '')) AS BIGINT)
  END AS "charge_id",
  CASE
    WHEN TRIM(NULLIF("cs_raw"."appt_id", '')) ~ '^[+\-]?[0-9]{1,18}$'
    THEN CAST(TRIM(NULLIF("cs_raw"."appt_id", '')) AS BIGINT)
  END AS "appt_id",
  NULLIF("cs_raw"."proc_code", '') AS "proc_code",
  NULLIF("cs_raw"."qty", '') AS "qty",
  NULLIF("cs_raw"."fee", '') AS "fee",
  CASE
    WHEN NOT NULLIF("cs_raw"."charge_id", '') IS NULL
    AND CASE
      WHEN TRIM(NULLIF("cs_raw"."charge_id", '')) ~ '^[+\-]?[0-9]{1,18}$'
      THEN CAST(TRIM(NULLIF("cs_raw"."charge_id", '')) AS BIGINT)
    END IS NULL
    THEN 'sysB.charges.charge_id is not a valid integer'
    WHEN NOT NULLIF("cs_raw"."appt_id", '') IS NULL
    AND CASE
      WHEN TRIM(NULLIF("cs_raw"."appt_id", '')) ~ '^[+\-]?[0-9]{1,18}$'
      THEN CAST(TRIM(NULLIF("cs_raw"."appt_id", '')) AS BIGINT)
    END IS NULL
    THEN 'sysB.charges.appt_id is not a valid integer'
  END AS "__cast_error"
FROM "chartshift_stage"."sysB__charges" AS "cs_raw";

-- specs/two_systems.mig:177: typed view sysB.procmap
CREATE VIEW "sysB"."procmap" AS
SELECT
  "cs_raw"."__row",
  NULLIF("cs_raw"."proc_code", '') AS "proc_code",
  CASE
    WHEN TRIM(NULLIF("cs_raw"."line", '')) ~ '^[+\-]?[0-9]{1,18}$'
    THEN CAST(TRIM(NULLIF("cs_raw"."line", '')) AS BIGINT)
  END AS "line",
  NULLIF("cs_raw"."cpt", '') AS "cpt",
  CASE
    WHEN TRIM(NULLIF("cs_raw"."units_per_qty", '')) ~ '^[+\-]?[0-9]{1,18}$'
    THEN CAST(TRIM(NULLIF("cs_raw"."units_per_qty", '')) AS BIGINT)
  END AS "units_per_qty",
  CASE
    WHEN TRIM(NULLIF("cs_raw"."fee_pct", '')) ~ '^[+\-]?[0-9]{1,18}$'
    THEN CAST(TRIM(NULLIF("cs_raw"."fee_pct", '')) AS BIGINT)
  END AS "fee_pct",
  CASE
    WHEN NOT NULLIF("cs_raw"."line", '') IS NULL
    AND CASE
      WHEN TRIM(NULLIF("cs_raw"."line", '')) ~ '^[+\-]?[0-9]{1,18}$'
      THEN CAST(TRIM(NULLIF("cs_raw"."line", '')) AS BIGINT)
    END IS NULL
    THEN 'sysB.procmap.line is not a valid integer'
    WHEN NOT NULLIF("cs_raw"."units_per_qty", '') IS NULL
    AND CASE
      WHEN TRIM(NULLIF("cs_raw"."units_per_qty", '')) ~ '^[+\-]?[0-9]{1,18}$'
      THEN CAST(TRIM(NULLIF("cs_raw"."units_per_qty", '')) AS BIGINT)
    END IS NULL
    THEN 'sysB.procmap.units_per_qty is not a valid integer'
    WHEN NOT NULLIF("cs_raw"."fee_pct", '') IS NULL
    AND CASE
      WHEN TRIM(NULLIF("cs_raw"."fee_pct", '')) ~ '^[+\-]?[0-9]{1,18}$'
      THEN CAST(TRIM(NULLIF("cs_raw"."fee_pct", '')) AS BIGINT)
    END IS NULL
    THEN 'sysB.procmap.fee_pct is not a valid integer'
  END AS "__cast_error"
FROM "chartshift_stage"."sysB__procmap" AS "cs_raw";

