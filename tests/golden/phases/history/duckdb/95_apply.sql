-- chartshift 0.1.0 | dialect duckdb
-- spec tests/golden/phases/phased.mig sha256 9de588c7335994ff2de2c612f0ae91112e81c3f4193a93b4ff497ef188d288d4
-- 95_apply: apply the delta to the live tables (one transaction)
-- Generated file: do not edit. Regenerate with `chartshift compile tests/golden/phases/phased.mig`.


-- tests/golden/phases/phased.mig:23: emr.patient: removed rows deleted
DELETE FROM "emr"."patient"
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM "emr"."patient__cs_new" AS "n"
    WHERE
      "n"."id" = "patient"."id"
  );

-- tests/golden/phases/phased.mig:23: emr.patient: new rows inserted, modified rows updated in place by key
INSERT INTO "emr"."patient" (
  "id",
  "mrn",
  "name"
)
SELECT
  "n"."id",
  "n"."mrn",
  "n"."name"
FROM "emr"."patient__cs_new" AS "n"
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM "emr"."patient" AS "l"
    WHERE
      "l"."id" = "n"."id"
      AND "l"."mrn" IS NOT DISTINCT FROM "n"."mrn"
      AND "l"."name" IS NOT DISTINCT FROM "n"."name"
  )
ON CONFLICT ("id") DO UPDATE SET "mrn" = EXCLUDED."mrn", "name" = EXCLUDED."name";

-- tests/golden/phases/phased.mig:28: emr.visit: removed rows deleted
DELETE FROM "emr"."visit"
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM "emr"."visit__cs_new" AS "n"
    WHERE
      "n"."id" = "visit"."id"
  );

-- tests/golden/phases/phased.mig:28: emr.visit: new rows inserted, modified rows updated in place by key
INSERT INTO "emr"."visit" (
  "id",
  "code",
  "patient_id",
  "dos"
)
SELECT
  "n"."id",
  "n"."code",
  "n"."patient_id",
  "n"."dos"
FROM "emr"."visit__cs_new" AS "n"
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM "emr"."visit" AS "l"
    WHERE
      "l"."id" = "n"."id"
      AND "l"."code" IS NOT DISTINCT FROM "n"."code"
      AND "l"."patient_id" IS NOT DISTINCT FROM "n"."patient_id"
      AND "l"."dos" IS NOT DISTINCT FROM "n"."dos"
  )
ON CONFLICT ("id") DO UPDATE SET "code" = EXCLUDED."code", "patient_id" = EXCLUDED."patient_id", "dos" = EXCLUDED."dos";

-- tests/golden/phases/phased.mig:34: emr.practitioner: removed rows deleted
DELETE FROM "emr"."practitioner"
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM "emr"."practitioner__cs_new" AS "n"
    WHERE
      "n"."id" = "practitioner"."id"
  );

-- tests/golden/phases/phased.mig:34: emr.practitioner: new rows inserted, modified rows updated in place by key
INSERT INTO "emr"."practitioner" (
  "id",
  "code",
  "name"
)
SELECT
  "n"."id",
  "n"."code",
  "n"."name"
FROM "emr"."practitioner__cs_new" AS "n"
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM "emr"."practitioner" AS "l"
    WHERE
      "l"."id" = "n"."id"
      AND "l"."code" IS NOT DISTINCT FROM "n"."code"
      AND "l"."name" IS NOT DISTINCT FROM "n"."name"
  )
ON CONFLICT ("id") DO UPDATE SET "code" = EXCLUDED."code", "name" = EXCLUDED."name";

-- chartshift.xwalk__emr__practitioner: replaced by this run's
DELETE FROM "chartshift"."xwalk__emr__practitioner";

-- chartshift.xwalk__emr__practitioner: this run's rows
INSERT INTO "chartshift"."xwalk__emr__practitioner"
SELECT
  *
FROM "chartshift"."xwalk__emr__practitioner__cs_new";

-- chartshift.xwalk__emr__patient: replaced by this run's
DELETE FROM "chartshift"."xwalk__emr__patient";

-- chartshift.xwalk__emr__patient: this run's rows
INSERT INTO "chartshift"."xwalk__emr__patient"
SELECT
  *
FROM "chartshift"."xwalk__emr__patient__cs_new";

-- chartshift.xwalk__emr__visit: replaced by this run's
DELETE FROM "chartshift"."xwalk__emr__visit";

-- chartshift.xwalk__emr__visit: this run's rows
INSERT INTO "chartshift"."xwalk__emr__visit"
SELECT
  *
FROM "chartshift"."xwalk__emr__visit__cs_new";

-- chartshift.rejects: replaced by this run's
DELETE FROM "chartshift"."rejects";

-- chartshift.rejects: this run's rows
INSERT INTO "chartshift"."rejects"
SELECT
  *
FROM "chartshift"."rejects__cs_new";

-- chartshift.reconciliation: replaced by this run's
DELETE FROM "chartshift"."reconciliation";

-- chartshift.reconciliation: this run's rows
INSERT INTO "chartshift"."reconciliation"
SELECT
  *
FROM "chartshift"."reconciliation__cs_new";

-- chartshift.state__legacy__patients: replaced by this run's
DELETE FROM "chartshift"."state__legacy__patients";

-- chartshift.state__legacy__patients: this run's rows
INSERT INTO "chartshift"."state__legacy__patients"
SELECT
  *
FROM "chartshift"."state__legacy__patients__cs_new";

-- chartshift.state__legacy__visits: replaced by this run's
DELETE FROM "chartshift"."state__legacy__visits";

-- chartshift.state__legacy__visits: this run's rows
INSERT INTO "chartshift"."state__legacy__visits"
SELECT
  *
FROM "chartshift"."state__legacy__visits__cs_new";

-- chartshift.state__legacy__providers: replaced by this run's
DELETE FROM "chartshift"."state__legacy__providers";

-- chartshift.state__legacy__providers: this run's rows
INSERT INTO "chartshift"."state__legacy__providers"
SELECT
  *
FROM "chartshift"."state__legacy__providers__cs_new";

-- record phase history
INSERT INTO "chartshift"."phases" (
  "phase",
  "ordinal",
  "files_sha256",
  "run_at"
)
SELECT
  CAST('history' AS TEXT(200)),
  CAST(2 AS BIGINT),
  CAST('0000000000000000000000000000000000000000000000000000000000000000' AS TEXT(64)),
  CAST('2026-02-01T01:00:00+00:00' AS TEXT(40));

