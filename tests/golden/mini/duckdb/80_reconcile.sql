-- chartshift 0.1.0 | dialect duckdb
-- spec tests/golden/mini.mig sha256 4fcd8160fcafdc6d82ad9519bcb07d1fada1c0da12651e67632ae52e937406e6
-- 80_reconcile: accounting identity per map: source rows = loaded + rejected + filtered + merged
-- Generated file: do not edit. Regenerate with `chartshift compile tests/golden/mini.mig`.


-- reconciliation of this run
DROP TABLE IF EXISTS "chartshift"."reconciliation";

-- one row per map; loaded counts the target table, rejected the rejects table
CREATE TABLE "chartshift"."reconciliation" AS
SELECT
  'legacy.patients -> emr.patient' AS "map",
  'legacy.patients' AS "source_table",
  'emr.patient' AS "target_table",
  (
    SELECT
      COUNT(*)
    FROM "legacy"."patients"
  ) AS "source_rows",
  (
    SELECT
      COUNT(*)
    FROM "emr"."patient"
  ) AS "loaded",
  (
    SELECT
      COUNT(*)
    FROM "chartshift"."rejects"
    WHERE
      "map" = 'legacy.patients -> emr.patient'
  ) AS "rejected",
  (
    SELECT
      COUNT(*)
    FROM "cs_work__emr__patient"
    WHERE
      "__status" = 'filtered'
  ) AS "filtered",
  (
    SELECT
      COUNT(*)
    FROM "cs_work__emr__patient"
    WHERE
      "__status" = 'merged'
  ) AS "merged"
UNION ALL
SELECT
  'legacy.visits -> emr.charge' AS "map",
  'legacy.visits' AS "source_table",
  'emr.charge' AS "target_table",
  (
    SELECT
      COUNT(*)
    FROM "legacy"."visits"
  ) * 2 AS "source_rows",
  (
    SELECT
      COUNT(*)
    FROM "emr"."charge"
  ) AS "loaded",
  (
    SELECT
      COUNT(*)
    FROM "chartshift"."rejects"
    WHERE
      "map" = 'legacy.visits -> emr.charge'
  ) AS "rejected",
  (
    SELECT
      COUNT(*)
    FROM "cs_work__emr__charge"
    WHERE
      "__status" = 'filtered'
  ) AS "filtered",
  (
    SELECT
      COUNT(*)
    FROM "cs_work__emr__charge"
    WHERE
      "__status" = 'merged'
  ) AS "merged";

