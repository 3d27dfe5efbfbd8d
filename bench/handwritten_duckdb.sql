-- Hand-written DuckDB SQL for the demo mapping (specs/demo_clinic.mig, docs/DEMO.md),
-- written the way a DuckDB expert would without chartshift: read_csv straight into
-- temp tables, one CTE chain per target, window dedup, UNPIVOT for the repeated
-- columns, small reference tables for lookups, id maps (legacy key -> id) kept as
-- tables so that foreign keys and later runs resolve the same ids.
--
-- Run by bench/handwritten_duckdb.py, which replaces @DATA@ with a folder where the
-- cp1252 files have been transcoded to UTF-8 (DuckDB cannot read cp1252) and the other
-- files are linked as they are, and executes this file in one transaction.
--
-- Same rules as docs/DEMO.md ("Rules behind truth.json"): where-filters first, then the
-- reject rules in order (first match gives the reason), then the patient dedup.
-- (Computed columns are named so that they cannot collide with legacy ones: patients
-- has both `status` and `state`.)
-- Target tables carry the keys the spec declares (PRIMARY KEY id, UNIQUE mrn /
-- provider_code).  Rejects keep map, key, slot and reason (the raw row stays in the
-- staged temp tables only for the run).  Not done here, unlike chartshift: the JSON copy
-- of every rejected raw row, the spec's validate checks, the report.

SET VARIABLE data_dir = '@DATA@';

CREATE SCHEMA IF NOT EXISTS emr;
CREATE SCHEMA IF NOT EXISTS mig;

-- ---------------------------------------------------------------------------------
-- helpers
-- ---------------------------------------------------------------------------------
CREATE OR REPLACE TEMP MACRO title_case(s) AS
    array_to_string(list_transform(regexp_extract_all(s, '\pL+|\PL+'),
                                   lambda w: upper(w[1]) || lower(w[2:])), '');

-- NPI: 10 digits, Luhn over '80840' || npi
CREATE OR REPLACE TEMP MACRO npi_valid(n) AS
    CASE WHEN regexp_full_match(n, '[0-9]{10}') THEN
        list_sum(list_transform(range(1, 16), lambda i:
            CASE WHEN i % 2 = 0
                 THEN ((ascii(('80840' || n)[i]) - 48) * 2) - CASE WHEN ascii(('80840' || n)[i]) - 48 > 4 THEN 9 ELSE 0 END
                 ELSE ascii(('80840' || n)[i]) - 48 END)) % 10 = 0
    ELSE false END;

CREATE OR REPLACE TEMP MACRO mdy(s) AS try_strptime(trim(s), '%m/%d/%Y')::DATE;

CREATE OR REPLACE TEMP MACRO money(s) AS
    CASE WHEN trim(s) LIKE '(%)' THEN -1 ELSE 1 END
    * TRY_CAST(replace(replace(replace(replace(s, '$', ''), ',', ''), '(', ''), ')', '') AS DECIMAL(10, 2));

CREATE OR REPLACE TEMP TABLE ref_state (k VARCHAR PRIMARY KEY, code VARCHAR);
INSERT INTO ref_state VALUES
  ('AL', 'AL'), ('ALABAMA', 'AL'), ('ALA', 'AL'), ('AK', 'AK'), ('ALASKA', 'AK'), ('ALAS', 'AK'), ('AZ', 'AZ'), ('ARIZONA', 'AZ'),
  ('ARIZ', 'AZ'), ('AR', 'AR'), ('ARKANSAS', 'AR'), ('ARK', 'AR'), ('CA', 'CA'), ('CALIFORNIA', 'CA'), ('CALIF', 'CA'), ('CAL', 'CA'),
  ('CO', 'CO'), ('COLORADO', 'CO'), ('COLO', 'CO'), ('COL', 'CO'), ('CT', 'CT'), ('CONNECTICUT', 'CT'), ('CONN', 'CT'), ('DE', 'DE'),
  ('DELAWARE', 'DE'), ('DEL', 'DE'), ('DC', 'DC'), ('DISTRICTOFCOLUMBIA', 'DC'), ('WASHINGTONDC', 'DC'), ('WASHDC', 'DC'), ('FL', 'FL'), ('FLORIDA', 'FL'),
  ('FLA', 'FL'), ('FLOR', 'FL'), ('GA', 'GA'), ('GEORGIA', 'GA'), ('HI', 'HI'), ('HAWAII', 'HI'), ('HAWAI''I', 'HI'), ('ID', 'ID'),
  ('IDAHO', 'ID'), ('IDA', 'ID'), ('IL', 'IL'), ('ILLINOIS', 'IL'), ('ILL', 'IL'), ('IN', 'IN'), ('INDIANA', 'IN'), ('IND', 'IN'),
  ('IA', 'IA'), ('IOWA', 'IA'), ('KS', 'KS'), ('KANSAS', 'KS'), ('KAN', 'KS'), ('KANS', 'KS'), ('KY', 'KY'), ('KENTUCKY', 'KY'),
  ('KEN', 'KY'), ('KENT', 'KY'), ('LA', 'LA'), ('LOUISIANA', 'LA'), ('ME', 'ME'), ('MAINE', 'ME'), ('MD', 'MD'), ('MARYLAND', 'MD'),
  ('MA', 'MA'), ('MASSACHUSETTS', 'MA'), ('MASS', 'MA'), ('MI', 'MI'), ('MICHIGAN', 'MI'), ('MICH', 'MI'), ('MN', 'MN'), ('MINNESOTA', 'MN'),
  ('MINN', 'MN'), ('MS', 'MS'), ('MISSISSIPPI', 'MS'), ('MISS', 'MS'), ('MO', 'MO'), ('MISSOURI', 'MO'), ('MT', 'MT'), ('MONTANA', 'MT'),
  ('MONT', 'MT'), ('NE', 'NE'), ('NEBRASKA', 'NE'), ('NEB', 'NE'), ('NEBR', 'NE'), ('NV', 'NV'), ('NEVADA', 'NV'), ('NEV', 'NV'),
  ('NH', 'NH'), ('NEWHAMPSHIRE', 'NH'), ('NJ', 'NJ'), ('NEWJERSEY', 'NJ'), ('NM', 'NM'), ('NEWMEXICO', 'NM'), ('NMEX', 'NM'), ('NY', 'NY'),
  ('NEWYORK', 'NY'), ('NC', 'NC'), ('NORTHCAROLINA', 'NC'), ('NCAR', 'NC'), ('ND', 'ND'), ('NORTHDAKOTA', 'ND'), ('NDAK', 'ND'), ('OH', 'OH'),
  ('OHIO', 'OH'), ('OK', 'OK'), ('OKLAHOMA', 'OK'), ('OKLA', 'OK'), ('OR', 'OR'), ('OREGON', 'OR'), ('ORE', 'OR'), ('OREG', 'OR'),
  ('PA', 'PA'), ('PENNSYLVANIA', 'PA'), ('PENN', 'PA'), ('PENNA', 'PA'), ('PR', 'PR'), ('PUERTORICO', 'PR'), ('RI', 'RI'), ('RHODEISLAND', 'RI'),
  ('SC', 'SC'), ('SOUTHCAROLINA', 'SC'), ('SCAR', 'SC'), ('SD', 'SD'), ('SOUTHDAKOTA', 'SD'), ('SDAK', 'SD'), ('TN', 'TN'), ('TENNESSEE', 'TN'),
  ('TENN', 'TN'), ('TX', 'TX'), ('TEXAS', 'TX'), ('TEX', 'TX'), ('UT', 'UT'), ('UTAH', 'UT'), ('VT', 'VT'), ('VERMONT', 'VT'),
  ('VA', 'VA'), ('VIRGINIA', 'VA'), ('WA', 'WA'), ('WASHINGTON', 'WA'), ('WASH', 'WA'), ('WV', 'WV'), ('WESTVIRGINIA', 'WV'), ('WVA', 'WV'),
  ('WI', 'WI'), ('WISCONSIN', 'WI'), ('WIS', 'WI'), ('WISC', 'WI'), ('WY', 'WY'), ('WYOMING', 'WY'), ('WYO', 'WY');

CREATE OR REPLACE TEMP TABLE ref_visit_status (k VARCHAR PRIMARY KEY, status VARCHAR);
INSERT INTO ref_visit_status VALUES
  ('COMPLETED', 'completed'), ('NO SHOW', 'no-show'), ('NOSHOW', 'no-show'), ('CANCELLED', 'cancelled'), ('CANCELED', 'cancelled');

-- ---------------------------------------------------------------------------------
-- the legacy files, as text (blank = NULL); malformed lines skipped
-- ---------------------------------------------------------------------------------
CREATE OR REPLACE TEMP TABLE providers AS FROM read_csv(getvariable('data_dir') || '/PROVIDERS.csv', header = true, all_varchar = true);
CREATE OR REPLACE TEMP TABLE payers    AS FROM read_csv(getvariable('data_dir') || '/PAYERS.csv',    header = true, all_varchar = true);
CREATE OR REPLACE TEMP TABLE patients  AS FROM read_csv(getvariable('data_dir') || '/PATIENTS.csv',  header = true, all_varchar = true, ignore_errors = true);
CREATE OR REPLACE TEMP TABLE policies  AS FROM read_csv(getvariable('data_dir') || '/POLICIES.csv',  header = true, all_varchar = true);
CREATE OR REPLACE TEMP TABLE cases     AS FROM read_csv(getvariable('data_dir') || '/CASES.csv',     header = true, all_varchar = true);
CREATE OR REPLACE TEMP TABLE auths     AS FROM read_csv(getvariable('data_dir') || '/AUTHS.csv',     header = true, all_varchar = true);
CREATE OR REPLACE TEMP TABLE visits    AS FROM read_csv(getvariable('data_dir') || '/VISITS.csv',    header = true, all_varchar = true);
CREATE OR REPLACE TEMP TABLE notes     AS FROM read_csv(getvariable('data_dir') || '/NOTES.csv',     header = true, all_varchar = true, max_line_size = 16777216);

CREATE OR REPLACE TABLE mig.rejects (map VARCHAR, source_key VARCHAR, slot INTEGER, reason VARCHAR);
CREATE OR REPLACE TABLE mig.counts (target VARCHAR, source_rows BIGINT, loaded BIGINT, rejected BIGINT, filtered BIGINT, merged BIGINT);

-- ---------------------------------------------------------------------------------
-- emr.practitioner <- providers
-- ---------------------------------------------------------------------------------
CREATE OR REPLACE TEMP TABLE w_practitioner AS
SELECT trim(prov_id) AS provider_code, trim(name) AS full_name, upper(trim(credential)) AS credential, trim(npi) AS npi,
       prov_id,
       CASE WHEN NOT coalesce(npi_valid(trim(npi)), false) THEN 'invalid NPI' END AS reason
FROM providers;

CREATE OR REPLACE TABLE mig.xwalk_practitioner AS
SELECT prov_id, row_number() OVER (ORDER BY prov_id) AS id FROM w_practitioner WHERE reason IS NULL;

CREATE OR REPLACE TABLE emr.practitioner (id BIGINT PRIMARY KEY, provider_code VARCHAR NOT NULL UNIQUE, full_name VARCHAR NOT NULL,
                                          credential VARCHAR, npi VARCHAR NOT NULL);
INSERT INTO emr.practitioner
SELECT x.id, w.provider_code, w.full_name, w.credential, w.npi FROM w_practitioner w JOIN mig.xwalk_practitioner x USING (prov_id);
INSERT INTO mig.rejects SELECT 'emr.practitioner', prov_id, NULL, reason FROM w_practitioner WHERE reason IS NOT NULL;
INSERT INTO mig.counts SELECT 'emr.practitioner', count(*), count(*) FILTER (reason IS NULL), count(reason), 0, 0 FROM w_practitioner;

-- ---------------------------------------------------------------------------------
-- emr.patient <- patients: filter D, reject, dedup on (last, first, birth date)
-- ---------------------------------------------------------------------------------
CREATE OR REPLACE TEMP TABLE w_patient AS
WITH f AS (
    SELECT p.*,
           coalesce(status, '') <> 'D' AS keep,
           nullif(trim(dob), '00/00/0000') AS dob_t,
           try_strptime(nullif(trim(dob), '00/00/0000'), ['%m/%d/%Y', '%Y-%m-%d', '%d-%b-%y'])::DATE AS birth_date
    FROM patients p
), r AS (
    SELECT *,
           CASE WHEN NOT keep THEN NULL
                WHEN nullif(trim(last_name), '') IS NULL THEN 'missing last name'
                WHEN dob_t IS NOT NULL AND birth_date IS NULL THEN 'unparseable date of birth'
           END AS reason
    FROM f
), d AS (
    SELECT *,
           CASE WHEN keep AND reason IS NULL AND birth_date IS NOT NULL
                THEN first_value(pat_no) OVER (PARTITION BY keep AND reason IS NULL AND birth_date IS NOT NULL,
                                               upper(trim(last_name)), upper(trim(first_name)), birth_date ORDER BY pat_no)
           END AS survivor
    FROM r
)
SELECT *,
       CASE WHEN NOT keep THEN 'filtered'
            WHEN reason IS NOT NULL THEN 'rejected'
            WHEN survivor IS NOT NULL AND survivor <> pat_no THEN 'merged'
            ELSE 'loaded' END AS outcome
FROM d;

CREATE OR REPLACE TABLE mig.xwalk_patient AS
WITH ids AS (SELECT pat_no, row_number() OVER (ORDER BY pat_no) AS id FROM w_patient WHERE outcome = 'loaded')
SELECT w.pat_no, ids.id
FROM w_patient w JOIN ids ON ids.pat_no = CASE w.outcome WHEN 'merged' THEN w.survivor ELSE w.pat_no END
WHERE w.outcome IN ('loaded', 'merged');

CREATE OR REPLACE TABLE emr.patient (
    id BIGINT PRIMARY KEY, mrn VARCHAR NOT NULL UNIQUE, first_name VARCHAR NOT NULL, last_name VARCHAR NOT NULL,
    middle_initial VARCHAR, birth_date DATE, sex VARCHAR NOT NULL, ssn VARCHAR, address_line1 VARCHAR, city VARCHAR,
    state VARCHAR, postal_code VARCHAR, phone VARCHAR, email VARCHAR, status VARCHAR NOT NULL);
INSERT INTO emr.patient
WITH z AS (
    SELECT w.*, x.id,
           trim(zip) AS zip_t,
           regexp_replace(regexp_replace(home_phone, '\s*(?i:ext\.?|x|#)\s*[0-9]+\s*$', ''), '[^0-9]', '', 'g') AS phone_digits
    FROM w_patient w JOIN mig.xwalk_patient x USING (pat_no)
    WHERE w.outcome = 'loaded'
)
SELECT id, trim(pat_no), title_case(trim(first_name)), title_case(trim(last_name)),
       upper(trim(middle_initial)[1]), birth_date,
       CASE upper(trim(sex)) WHEN 'M' THEN 'male' WHEN 'MALE' THEN 'male' WHEN 'F' THEN 'female' WHEN 'FEMALE' THEN 'female' ELSE 'unknown' END,
       CASE WHEN regexp_full_match(trim(ssn), '(00[1-9]|0[1-9][0-9]|[1-5][0-9]{2}|6[0-5][0-9]|66[0-57-9]|6[7-9][0-9]|[78][0-9]{2})[- ]?(0[1-9]|[1-9][0-9])[- ]?(000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})')
            THEN regexp_replace(trim(ssn), '[- ]', '', 'g') END,
       trim(address1), title_case(trim(city)),
       (SELECT code FROM ref_state WHERE k = upper(regexp_replace(z.state, '[.\s]', '', 'g'))),
       CASE WHEN regexp_full_match(zip_t, '[0-9]{3,5}') THEN lpad(zip_t, 5, '0')
            WHEN regexp_full_match(zip_t, '[0-9]{5}-?[0-9]{4}') THEN zip_t[1:5] || '-' || zip_t[-4:] END,
       nullif(regexp_extract(phone_digits, '^1?([2-9][0-9]{2}[2-9][0-9]{6})$', 1), ''),
       lower(trim(email)),
       CASE upper(trim(status)) WHEN 'I' THEN 'inactive' ELSE 'active' END
FROM z;
INSERT INTO mig.rejects SELECT 'emr.patient', pat_no, NULL, reason FROM w_patient WHERE outcome = 'rejected';
INSERT INTO mig.counts SELECT 'emr.patient', count(*), count(*) FILTER (outcome = 'loaded'), count(*) FILTER (outcome = 'rejected'),
                              count(*) FILTER (outcome = 'filtered'), count(*) FILTER (outcome = 'merged') FROM w_patient;

-- ---------------------------------------------------------------------------------
-- emr.coverage <- policies JOIN payers
-- ---------------------------------------------------------------------------------
CREATE OR REPLACE TEMP TABLE w_coverage AS
SELECT po.policy_id, xp.id AS patient_id, pa.payer_name, pa.payer_type, trim(po.member_id) AS member_id, trim(po.group_no) AS group_no,
       TRY_CAST(trim(po.priority) AS INTEGER) AS priority, mdy(po.eff_date) AS start_date, mdy(po.term_date) AS end_date,
       CASE WHEN xp.id IS NULL THEN 'coverage for unknown patient' END AS reason
FROM policies po
LEFT JOIN payers pa ON pa.payer_id = po.payer_id
LEFT JOIN mig.xwalk_patient xp ON xp.pat_no = po.pat_no;

CREATE OR REPLACE TABLE mig.xwalk_coverage AS
SELECT policy_id, row_number() OVER (ORDER BY policy_id) AS id FROM w_coverage WHERE reason IS NULL;
CREATE OR REPLACE TABLE emr.coverage (id BIGINT PRIMARY KEY, patient_id BIGINT NOT NULL, payer_name VARCHAR NOT NULL, payer_type VARCHAR NOT NULL,
                                      member_id VARCHAR, group_no VARCHAR, priority INTEGER NOT NULL, start_date DATE, end_date DATE);
INSERT INTO emr.coverage
SELECT x.id, patient_id, payer_name, payer_type, member_id, group_no, priority, start_date, end_date
FROM w_coverage JOIN mig.xwalk_coverage x USING (policy_id);
INSERT INTO mig.rejects SELECT 'emr.coverage', policy_id, NULL, reason FROM w_coverage WHERE reason IS NOT NULL;
INSERT INTO mig.counts SELECT 'emr.coverage', count(*), count(*) FILTER (reason IS NULL), count(reason), 0, 0 FROM w_coverage;

-- ---------------------------------------------------------------------------------
-- emr.episode <- cases
-- ---------------------------------------------------------------------------------
CREATE OR REPLACE TEMP TABLE w_episode AS
SELECT c.case_no, xp.id AS patient_id, xr.id AS practitioner_id, trim(c.referring_physician) AS referring_physician,
       CASE WHEN npi_valid(trim(c.referring_npi)) THEN trim(c.referring_npi) END AS referring_npi,
       mdy(c.injury_date) AS onset_date, mdy(c.eval_date) AS start_date,
       CASE WHEN xp.id IS NULL THEN 'episode for unknown patient' END AS reason
FROM cases c
LEFT JOIN mig.xwalk_patient xp ON xp.pat_no = c.pat_no
LEFT JOIN mig.xwalk_practitioner xr ON xr.prov_id = c.therapist_id;

CREATE OR REPLACE TABLE mig.xwalk_episode AS
SELECT case_no, row_number() OVER (ORDER BY case_no) AS id FROM w_episode WHERE reason IS NULL;
CREATE OR REPLACE TABLE emr.episode (id BIGINT PRIMARY KEY, patient_id BIGINT NOT NULL, practitioner_id BIGINT, referring_physician VARCHAR,
                                     referring_npi VARCHAR, onset_date DATE, start_date DATE);
INSERT INTO emr.episode
SELECT x.id, patient_id, practitioner_id, referring_physician, referring_npi, onset_date, start_date
FROM w_episode JOIN mig.xwalk_episode x USING (case_no);
INSERT INTO mig.rejects SELECT 'emr.episode', case_no, NULL, reason FROM w_episode WHERE reason IS NOT NULL;
INSERT INTO mig.counts SELECT 'emr.episode', count(*), count(*) FILTER (reason IS NULL), count(reason), 0, 0 FROM w_episode;

-- ---------------------------------------------------------------------------------
-- emr.diagnosis <- cases, one row per dx1..dx4 (UNPIVOT)
-- ---------------------------------------------------------------------------------
CREATE OR REPLACE TEMP TABLE w_diagnosis AS
WITH u AS (
    SELECT case_no, CAST(slot[3:] AS INTEGER) AS seq, regexp_replace(upper(trim(dx)), '\.', '') AS bare
    FROM cases UNPIVOT INCLUDE NULLS (dx FOR slot IN (dx1, dx2, dx3, dx4))
    WHERE nullif(trim(dx), '') IS NOT NULL            -- blank slots are filtered
), c AS (
    SELECT u.*, xe.id AS episode_id,
           CASE WHEN length(bare) > 3 THEN bare[1:3] || '.' || bare[4:] ELSE bare END AS code
    FROM u LEFT JOIN mig.xwalk_episode xe USING (case_no)
)
SELECT *,
       CASE WHEN episode_id IS NULL THEN 'diagnosis for unknown episode'
            WHEN NOT regexp_full_match(code, '[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?') THEN 'invalid ICD-10 code'
       END AS reason
FROM c;

CREATE OR REPLACE TABLE mig.xwalk_diagnosis AS
SELECT case_no, seq, row_number() OVER (ORDER BY case_no, seq) AS id FROM w_diagnosis WHERE reason IS NULL;
CREATE OR REPLACE TABLE emr.diagnosis (id BIGINT PRIMARY KEY, episode_id BIGINT NOT NULL, seq INTEGER NOT NULL CHECK (seq BETWEEN 1 AND 4),
                                       icd10_code VARCHAR NOT NULL);
INSERT INTO emr.diagnosis
SELECT x.id, episode_id, seq, code FROM w_diagnosis JOIN mig.xwalk_diagnosis x USING (case_no, seq);
INSERT INTO mig.rejects SELECT 'emr.diagnosis', case_no, seq, reason FROM w_diagnosis WHERE reason IS NOT NULL;
INSERT INTO mig.counts
SELECT 'emr.diagnosis', 4 * c.n, count(*) FILTER (reason IS NULL), count(reason), 4 * c.n - count(*), 0
FROM w_diagnosis, (SELECT count(*) AS n FROM cases) c GROUP BY c.n;

-- ---------------------------------------------------------------------------------
-- emr.authorization <- auths
-- ---------------------------------------------------------------------------------
CREATE OR REPLACE TEMP TABLE w_authorization AS
SELECT a.case_no, a.auth_no, a.start_date AS start_raw, xe.id AS episode_id, nullif(trim(a.auth_no), '0000') AS auth_number,
       TRY_CAST(trim(a.visits_authorized) AS INTEGER) AS visits_authorized, mdy(a.start_date) AS start_date, mdy(a.end_date) AS end_date,
       CASE WHEN xe.id IS NULL THEN 'authorization for unknown episode' END AS reason
FROM auths a LEFT JOIN mig.xwalk_episode xe USING (case_no);

CREATE OR REPLACE TABLE mig.xwalk_authorization AS
SELECT case_no, auth_no, start_raw, row_number() OVER (ORDER BY case_no, auth_no, start_raw) AS id FROM w_authorization WHERE reason IS NULL;
CREATE OR REPLACE TABLE emr."authorization" (id BIGINT PRIMARY KEY, episode_id BIGINT NOT NULL, auth_number VARCHAR, visits_authorized INTEGER,
                                             start_date DATE, end_date DATE);
INSERT INTO emr."authorization"
SELECT x.id, episode_id, auth_number, visits_authorized, start_date, end_date
FROM w_authorization w JOIN mig.xwalk_authorization x
  ON x.case_no = w.case_no AND x.auth_no IS NOT DISTINCT FROM w.auth_no AND x.start_raw IS NOT DISTINCT FROM w.start_raw;
INSERT INTO mig.rejects SELECT 'emr.authorization', case_no, NULL, reason FROM w_authorization WHERE reason IS NOT NULL;
INSERT INTO mig.counts SELECT 'emr.authorization', count(*), count(*) FILTER (reason IS NULL), count(reason), 0, 0 FROM w_authorization;

-- ---------------------------------------------------------------------------------
-- emr.encounter <- visits
-- ---------------------------------------------------------------------------------
CREATE OR REPLACE TEMP TABLE w_encounter AS
SELECT TRY_CAST(trim(v.visit_id) AS BIGINT) AS visit_id, xp.id AS patient_id, xe.id AS episode_id, xr.id AS practitioner_id,
       mdy(v.dos) AS service_date, coalesce(s.status, 'unknown') AS status,
       CASE WHEN xp.id IS NULL THEN 'visit for unknown patient' END AS reason
FROM visits v
LEFT JOIN mig.xwalk_patient xp ON xp.pat_no = v.pat_no
LEFT JOIN mig.xwalk_episode xe ON xe.case_no = v.case_no
LEFT JOIN mig.xwalk_practitioner xr ON xr.prov_id = v.prov_id
LEFT JOIN ref_visit_status s ON s.k = upper(trim(v.status));

CREATE OR REPLACE TABLE mig.xwalk_encounter AS
SELECT visit_id, row_number() OVER (ORDER BY visit_id) AS id FROM w_encounter WHERE reason IS NULL;
CREATE OR REPLACE TABLE emr.encounter (id BIGINT PRIMARY KEY, patient_id BIGINT NOT NULL, episode_id BIGINT, practitioner_id BIGINT,
                                       service_date DATE, status VARCHAR NOT NULL);
INSERT INTO emr.encounter
SELECT x.id, patient_id, episode_id, practitioner_id, service_date, status FROM w_encounter JOIN mig.xwalk_encounter x USING (visit_id);
INSERT INTO mig.rejects SELECT 'emr.encounter', CAST(visit_id AS VARCHAR), NULL, reason FROM w_encounter WHERE reason IS NOT NULL;
INSERT INTO mig.counts SELECT 'emr.encounter', count(*), count(*) FILTER (reason IS NULL), count(reason), 0, 0 FROM w_encounter;

-- ---------------------------------------------------------------------------------
-- emr.charge_line <- visits, one row per (cptN, unitsN, modN, amountN) (UNPIVOT)
-- ---------------------------------------------------------------------------------
CREATE OR REPLACE TEMP TABLE w_charge_line AS
WITH u AS (
    SELECT visit_id, line_no, code, units, modifier, amount
    FROM visits UNPIVOT INCLUDE NULLS ((code, units, modifier, amount) FOR line_no IN (
        (cpt1, units1, mod1, amount1) AS '1', (cpt2, units2, mod2, amount2) AS '2', (cpt3, units3, mod3, amount3) AS '3'))
    WHERE nullif(trim(code), '') IS NOT NULL          -- blank slots are filtered: counted below, never materialised
), c AS (
    SELECT TRY_CAST(trim(u.visit_id) AS BIGINT) AS visit_id, CAST(line_no AS INTEGER) AS line_no,
           upper(trim(code)) AS cpt, TRY_CAST(trim(units) AS INTEGER) AS units, nullif(upper(trim(modifier)), '') AS modifier,
           money(amount) AS amount
    FROM u
)
SELECT c.*, xe.id AS encounter_id,
       CASE WHEN xe.id IS NULL THEN 'charge for rejected visit'
            WHEN units IS NULL OR units NOT BETWEEN 1 AND 8 THEN 'invalid units'
       END AS reason
FROM c LEFT JOIN mig.xwalk_encounter xe USING (visit_id);

CREATE OR REPLACE TABLE mig.xwalk_charge_line AS
SELECT visit_id, line_no, row_number() OVER (ORDER BY visit_id, line_no) AS id FROM w_charge_line WHERE reason IS NULL;
CREATE OR REPLACE TABLE emr.charge_line (id BIGINT PRIMARY KEY, encounter_id BIGINT NOT NULL, line_no INTEGER NOT NULL, cpt VARCHAR NOT NULL,
                                         units INTEGER NOT NULL CHECK (units BETWEEN 1 AND 8), modifier VARCHAR, amount DECIMAL(10, 2));
INSERT INTO emr.charge_line
SELECT x.id, encounter_id, line_no, cpt, units, modifier, amount FROM w_charge_line JOIN mig.xwalk_charge_line x USING (visit_id, line_no);
INSERT INTO mig.rejects SELECT 'emr.charge_line', CAST(visit_id AS VARCHAR), line_no, reason FROM w_charge_line WHERE reason IS NOT NULL;
INSERT INTO mig.counts
SELECT 'emr.charge_line', 3 * v.n, count(*) FILTER (reason IS NULL), count(reason), 3 * v.n - count(*), 0
FROM w_charge_line, (SELECT count(*) AS n FROM visits) v GROUP BY v.n;

-- ---------------------------------------------------------------------------------
-- emr.clinical_note <- notes
-- ---------------------------------------------------------------------------------
CREATE OR REPLACE TEMP TABLE w_clinical_note AS
SELECT n.note_id, xe.id AS encounter_id, upper(trim(n.note_type)) AS note_type, n.note_text AS body,
       CASE WHEN xe.id IS NULL THEN 'note for unknown visit' END AS reason
FROM notes n LEFT JOIN mig.xwalk_encounter xe ON xe.visit_id = TRY_CAST(trim(n.visit_id) AS BIGINT);

CREATE OR REPLACE TABLE mig.xwalk_clinical_note AS
SELECT note_id, row_number() OVER (ORDER BY note_id) AS id FROM w_clinical_note WHERE reason IS NULL;
CREATE OR REPLACE TABLE emr.clinical_note (id BIGINT PRIMARY KEY, encounter_id BIGINT NOT NULL, note_type VARCHAR NOT NULL, body VARCHAR);
INSERT INTO emr.clinical_note
SELECT x.id, encounter_id, note_type, body FROM w_clinical_note JOIN mig.xwalk_clinical_note x USING (note_id);
INSERT INTO mig.rejects SELECT 'emr.clinical_note', note_id, NULL, reason FROM w_clinical_note WHERE reason IS NOT NULL;
INSERT INTO mig.counts SELECT 'emr.clinical_note', count(*), count(*) FILTER (reason IS NULL), count(reason), 0, 0 FROM w_clinical_note;
