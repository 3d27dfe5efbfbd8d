-- chartshift 0.1.0 | dialect postgres
-- spec tests/conformance/specs/delta_flags.mig sha256 90cb70e9dea6053dba4ed49e5e3c74b76bcf1da0648d75285316f9b5561adbb9
-- 95_apply: apply the delta to the live tables (one transaction)
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/delta_flags.mig`.


-- tests/conformance/specs/delta_flags.mig:39: emr.patient: removed rows marked (status)
UPDATE "emr"."patient" SET "status" = CAST('inactive' AS VARCHAR(8))
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM "emr"."patient__cs_new" AS "n"
    WHERE
      "n"."id" = "patient"."id"
  )
  AND NOT "patient"."status" IS NOT DISTINCT FROM CAST('inactive' AS VARCHAR(8));

-- tests/conformance/specs/delta_flags.mig:22: emr.patient: new rows inserted, modified rows updated in place by key
INSERT INTO "emr"."patient" (
  "id",
  "mrn",
  "name",
  "status"
)
SELECT
  "n"."id",
  "n"."mrn",
  "n"."name",
  "n"."status"
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
      AND "l"."status" IS NOT DISTINCT FROM "n"."status"
  )
ON CONFLICT ("id") DO UPDATE SET "mrn" = EXCLUDED."mrn", "name" = EXCLUDED."name", "status" = EXCLUDED."status";

-- tests/conformance/specs/delta_flags.mig:28: emr.visit: removed rows deleted
DELETE FROM "emr"."visit"
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM "emr"."visit__cs_new" AS "n"
    WHERE
      "n"."id" = "visit"."id"
  );

-- tests/conformance/specs/delta_flags.mig:28: emr.visit: new rows inserted, modified rows updated in place by key
INSERT INTO "emr"."visit" (
  "id",
  "patient_id"
)
SELECT
  "n"."id",
  "n"."patient_id"
FROM "emr"."visit__cs_new" AS "n"
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM "emr"."visit" AS "l"
    WHERE
      "l"."id" = "n"."id" AND "l"."patient_id" IS NOT DISTINCT FROM "n"."patient_id"
  )
ON CONFLICT ("id") DO UPDATE SET "patient_id" = EXCLUDED."patient_id";

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

-- record extract x-1
INSERT INTO "chartshift"."extracts" (
  "extract_id",
  "kind",
  "sequence",
  "extracted_at",
  "files_sha256",
  "applied_at"
)
SELECT
  CAST('x-1' AS VARCHAR(200)),
  CAST('delta' AS VARCHAR(10)),
  CAST(1 AS BIGINT),
  CAST('2026-02-01T00:00:00Z' AS VARCHAR(40)),
  CAST('0000000000000000000000000000000000000000000000000000000000000000' AS VARCHAR(64)),
  CAST('2026-02-01T01:00:00+00:00' AS VARCHAR(40));

