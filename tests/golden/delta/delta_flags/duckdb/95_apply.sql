-- chartshift 0.1.0 | dialect duckdb
-- spec tests/conformance/specs/delta_flags.mig sha256 90cb70e9dea6053dba4ed49e5e3c74b76bcf1da0648d75285316f9b5561adbb9
-- 95_apply: apply the delta to the live tables (one transaction)
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/delta_flags.mig`.


-- tests/conformance/specs/delta_flags.mig:39: emr.patient: removed rows marked (status)
UPDATE "emr"."patient" SET "status" = CAST('inactive' AS TEXT)
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM "emr"."patient__cs_new" AS "n"
    WHERE
      "n"."id" = "patient"."id"
  )
  AND NOT "patient"."status" IS NOT DISTINCT FROM CAST('inactive' AS TEXT);

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
  );

-- chartshift.state__legacy__patients: this run's new and changed rows
INSERT INTO "chartshift"."state__legacy__patients" (
  "__row",
  "pat_no",
  "name"
)
SELECT
  "n"."__row",
  "n"."pat_no",
  "n"."name"
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
  );

-- chartshift.state__legacy__visits: this run's new and changed rows
INSERT INTO "chartshift"."state__legacy__visits" (
  "__row",
  "visit_id",
  "pat_no"
)
SELECT
  "n"."__row",
  "n"."visit_id",
  "n"."pat_no"
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
  CAST('x-1' AS TEXT(200)),
  CAST('delta' AS TEXT(10)),
  CAST(1 AS BIGINT),
  CAST('2026-02-01T00:00:00Z' AS TEXT(40)),
  CAST('0000000000000000000000000000000000000000000000000000000000000000' AS TEXT(64)),
  CAST('2026-02-01T01:00:00+00:00' AS TEXT(40));

