-- chartshift 0.1.0 | dialect duckdb
-- spec tests/conformance/specs/group_by_union.mig sha256 99214fc1543923073f69ebec6d3de14b8520abebb3bc0cc842c606cce8a273c9
-- 00_setup: schemas, crosswalks, fresh target and reject tables
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/group_by_union.mig`.


-- schema chartshift
CREATE SCHEMA IF NOT EXISTS "chartshift";

-- schema chartshift_stage
CREATE SCHEMA IF NOT EXISTS "chartshift_stage";

-- schema emr
CREATE SCHEMA IF NOT EXISTS "emr";

-- schema a
CREATE SCHEMA IF NOT EXISTS "a";

-- schema b
CREATE SCHEMA IF NOT EXISTS "b";

-- tests/conformance/specs/group_by_union.mig:25: persistent crosswalk for emr.period: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS "chartshift"."xwalk__emr__period" (
  "legacy_key" TEXT NOT NULL,
  "own_id" BIGINT,
  "target_id" BIGINT,
  "state" TEXT NOT NULL
);

-- rejects of this run
DROP TABLE IF EXISTS "chartshift"."rejects";

-- one row per rejected source row (raw values kept for remediation)
CREATE TABLE "chartshift"."rejects" (
  "map" TEXT,
  "source_table" TEXT NOT NULL,
  "source_key" TEXT,
  "slot" INT,
  "record" BIGINT,
  "rule" TEXT NOT NULL,
  "reason" TEXT NOT NULL,
  "original_row" TEXT,
  "reason_code" TEXT NOT NULL,
  "source_file" TEXT,
  "source_line" BIGINT,
  "byte_offset" BIGINT
);

-- reconciliation of this run
DROP TABLE IF EXISTS "chartshift"."reconciliation";

-- one row per map, written at the end of the map: its accounting identity
CREATE TABLE "chartshift"."reconciliation" (
  "map" TEXT NOT NULL,
  "source_table" TEXT NOT NULL,
  "target_table" TEXT NOT NULL,
  "source_rows" BIGINT NOT NULL,
  "loaded" BIGINT NOT NULL,
  "rejected" BIGINT NOT NULL,
  "filtered" BIGINT NOT NULL,
  "merged" BIGINT NOT NULL,
  "aggregated" BIGINT NOT NULL
);

-- tests/conformance/specs/group_by_union.mig:19: replace emr.period
DROP TABLE IF EXISTS "emr"."period";

-- tests/conformance/specs/group_by_union.mig:19: target table emr.period (keys and unique columns: 85_constraints)
CREATE TABLE "emr"."period" (
  "id" BIGINT NOT NULL,
  "pat" TEXT,
  "n" BIGINT
);

-- tests/conformance/specs/group_by_union.mig:7: typed view a.visits (re-created over the new staging)
DROP VIEW IF EXISTS "a"."visits";

-- tests/conformance/specs/group_by_union.mig:13: typed view b.visits (re-created over the new staging)
DROP VIEW IF EXISTS "b"."visits";

