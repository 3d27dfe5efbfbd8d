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

-- chartshift.xwalk__emr__practitioner: rows this run changed or removed
DELETE FROM "chartshift"."xwalk__emr__practitioner"
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM "chartshift"."xwalk__emr__practitioner__cs_new" AS "n"
    WHERE
      "n"."legacy_key" = "xwalk__emr__practitioner"."legacy_key"
      AND "n"."own_id" IS NOT DISTINCT FROM "xwalk__emr__practitioner"."own_id"
      AND "n"."target_id" IS NOT DISTINCT FROM "xwalk__emr__practitioner"."target_id"
      AND "n"."state" IS NOT DISTINCT FROM "xwalk__emr__practitioner"."state"
  );

-- chartshift.xwalk__emr__practitioner: this run's new and changed rows
INSERT INTO "chartshift"."xwalk__emr__practitioner" (
  "legacy_key",
  "own_id",
  "target_id",
  "state"
)
SELECT
  "n"."legacy_key",
  "n"."own_id",
  "n"."target_id",
  "n"."state"
FROM "chartshift"."xwalk__emr__practitioner__cs_new" AS "n"
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM "chartshift"."xwalk__emr__practitioner" AS "l"
    WHERE
      "l"."legacy_key" = "n"."legacy_key"
      AND "l"."own_id" IS NOT DISTINCT FROM "n"."own_id"
      AND "l"."target_id" IS NOT DISTINCT FROM "n"."target_id"
      AND "l"."state" IS NOT DISTINCT FROM "n"."state"
  );

-- chartshift.xwalk__emr__patient: rows this run changed or removed
DELETE FROM "chartshift"."xwalk__emr__patient"
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM "chartshift"."xwalk__emr__patient__cs_new" AS "n"
    WHERE
      "n"."legacy_key" = "xwalk__emr__patient"."legacy_key"
      AND "n"."own_id" IS NOT DISTINCT FROM "xwalk__emr__patient"."own_id"
      AND "n"."target_id" IS NOT DISTINCT FROM "xwalk__emr__patient"."target_id"
      AND "n"."state" IS NOT DISTINCT FROM "xwalk__emr__patient"."state"
  );

-- chartshift.xwalk__emr__patient: this run's new and changed rows
INSERT INTO "chartshift"."xwalk__emr__patient" (
  "legacy_key",
  "own_id",
  "target_id",
  "state"
)
SELECT
  "n"."legacy_key",
  "n"."own_id",
  "n"."target_id",
  "n"."state"
FROM "chartshift"."xwalk__emr__patient__cs_new" AS "n"
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM "chartshift"."xwalk__emr__patient" AS "l"
    WHERE
      "l"."legacy_key" = "n"."legacy_key"
      AND "l"."own_id" IS NOT DISTINCT FROM "n"."own_id"
      AND "l"."target_id" IS NOT DISTINCT FROM "n"."target_id"
      AND "l"."state" IS NOT DISTINCT FROM "n"."state"
  );

-- chartshift.xwalk__emr__visit: rows this run changed or removed
DELETE FROM "chartshift"."xwalk__emr__visit"
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM "chartshift"."xwalk__emr__visit__cs_new" AS "n"
    WHERE
      "n"."legacy_key" = "xwalk__emr__visit"."legacy_key"
      AND "n"."own_id" IS NOT DISTINCT FROM "xwalk__emr__visit"."own_id"
      AND "n"."target_id" IS NOT DISTINCT FROM "xwalk__emr__visit"."target_id"
      AND "n"."state" IS NOT DISTINCT FROM "xwalk__emr__visit"."state"
  );

-- chartshift.xwalk__emr__visit: this run's new and changed rows
INSERT INTO "chartshift"."xwalk__emr__visit" (
  "legacy_key",
  "own_id",
  "target_id",
  "state"
)
SELECT
  "n"."legacy_key",
  "n"."own_id",
  "n"."target_id",
  "n"."state"
FROM "chartshift"."xwalk__emr__visit__cs_new" AS "n"
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM "chartshift"."xwalk__emr__visit" AS "l"
    WHERE
      "l"."legacy_key" = "n"."legacy_key"
      AND "l"."own_id" IS NOT DISTINCT FROM "n"."own_id"
      AND "l"."target_id" IS NOT DISTINCT FROM "n"."target_id"
      AND "l"."state" IS NOT DISTINCT FROM "n"."state"
  );

-- chartshift.state__legacy__patients: rows this run changed or removed
DELETE FROM "chartshift"."state__legacy__patients"
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM "chartshift"."state__legacy__patients__cs_new" AS "n"
    WHERE
      "n"."__row" = "state__legacy__patients"."__row"
      AND "n"."pat_no" IS NOT DISTINCT FROM "state__legacy__patients"."pat_no"
      AND "n"."name" IS NOT DISTINCT FROM "state__legacy__patients"."name"
      AND "n"."dob" IS NOT DISTINCT FROM "state__legacy__patients"."dob"
      AND "n"."status" IS NOT DISTINCT FROM "state__legacy__patients"."status"
  );

-- chartshift.state__legacy__patients: this run's new and changed rows
INSERT INTO "chartshift"."state__legacy__patients" (
  "__row",
  "pat_no",
  "name",
  "dob",
  "status"
)
SELECT
  "n"."__row",
  "n"."pat_no",
  "n"."name",
  "n"."dob",
  "n"."status"
FROM "chartshift"."state__legacy__patients__cs_new" AS "n"
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM "chartshift"."state__legacy__patients" AS "l"
    WHERE
      "l"."__row" = "n"."__row"
      AND "l"."pat_no" IS NOT DISTINCT FROM "n"."pat_no"
      AND "l"."name" IS NOT DISTINCT FROM "n"."name"
      AND "l"."dob" IS NOT DISTINCT FROM "n"."dob"
      AND "l"."status" IS NOT DISTINCT FROM "n"."status"
  );

-- chartshift.state__legacy__visits: rows this run changed or removed
DELETE FROM "chartshift"."state__legacy__visits"
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM "chartshift"."state__legacy__visits__cs_new" AS "n"
    WHERE
      "n"."__row" = "state__legacy__visits"."__row"
      AND "n"."visit_id" IS NOT DISTINCT FROM "state__legacy__visits"."visit_id"
      AND "n"."pat_no" IS NOT DISTINCT FROM "state__legacy__visits"."pat_no"
      AND "n"."dos" IS NOT DISTINCT FROM "state__legacy__visits"."dos"
  );

-- chartshift.state__legacy__visits: this run's new and changed rows
INSERT INTO "chartshift"."state__legacy__visits" (
  "__row",
  "visit_id",
  "pat_no",
  "dos"
)
SELECT
  "n"."__row",
  "n"."visit_id",
  "n"."pat_no",
  "n"."dos"
FROM "chartshift"."state__legacy__visits__cs_new" AS "n"
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM "chartshift"."state__legacy__visits" AS "l"
    WHERE
      "l"."__row" = "n"."__row"
      AND "l"."visit_id" IS NOT DISTINCT FROM "n"."visit_id"
      AND "l"."pat_no" IS NOT DISTINCT FROM "n"."pat_no"
      AND "l"."dos" IS NOT DISTINCT FROM "n"."dos"
  );

-- chartshift.state__legacy__providers: rows this run changed or removed
DELETE FROM "chartshift"."state__legacy__providers"
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM "chartshift"."state__legacy__providers__cs_new" AS "n"
    WHERE
      "n"."__row" = "state__legacy__providers"."__row"
      AND "n"."prov_id" IS NOT DISTINCT FROM "state__legacy__providers"."prov_id"
      AND "n"."name" IS NOT DISTINCT FROM "state__legacy__providers"."name"
  );

-- chartshift.state__legacy__providers: this run's new and changed rows
INSERT INTO "chartshift"."state__legacy__providers" (
  "__row",
  "prov_id",
  "name"
)
SELECT
  "n"."__row",
  "n"."prov_id",
  "n"."name"
FROM "chartshift"."state__legacy__providers__cs_new" AS "n"
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM "chartshift"."state__legacy__providers" AS "l"
    WHERE
      "l"."__row" = "n"."__row"
      AND "l"."prov_id" IS NOT DISTINCT FROM "n"."prov_id"
      AND "l"."name" IS NOT DISTINCT FROM "n"."name"
  );

-- chartshift.rejects: replaced by this run's
DELETE FROM "chartshift"."rejects";

-- chartshift.rejects: this run's rows; a row not in this extract keeps its place in its file
INSERT INTO "chartshift"."rejects" (
  "map",
  "source_table",
  "source_key",
  "slot",
  "record",
  "rule",
  "reason",
  "original_row",
  "reason_code",
  "source_file",
  "source_line",
  "byte_offset"
)
SELECT
  "n"."map" AS "map",
  "n"."source_table" AS "source_table",
  "n"."source_key" AS "source_key",
  "n"."slot" AS "slot",
  "n"."record" AS "record",
  "n"."rule" AS "rule",
  "n"."reason" AS "reason",
  CASE
    WHEN "n"."source_file" IS NULL
    THEN "k"."original_row"
    ELSE "n"."original_row"
  END AS "original_row",
  "n"."reason_code" AS "reason_code",
  CASE
    WHEN "n"."source_file" IS NULL
    THEN "k"."source_file"
    ELSE "n"."source_file"
  END AS "source_file",
  CASE
    WHEN "n"."source_file" IS NULL
    THEN "k"."source_line"
    ELSE "n"."source_line"
  END AS "source_line",
  CASE
    WHEN "n"."source_file" IS NULL
    THEN "k"."byte_offset"
    ELSE "n"."byte_offset"
  END AS "byte_offset"
FROM "chartshift"."rejects__cs_new" AS "n"
LEFT JOIN "cs_reject_places" AS "k"
  ON "k"."map" = "n"."map"
  AND "k"."record" = "n"."record"
  AND "k"."slot" IS NOT DISTINCT FROM "n"."slot";

-- chartshift.reconciliation: replaced by this run's
DELETE FROM "chartshift"."reconciliation";

-- chartshift.reconciliation: this run's rows
INSERT INTO "chartshift"."reconciliation"
SELECT
  *
FROM "chartshift"."reconciliation__cs_new";

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

