-- chartshift 0.1.0 | dialect duckdb
-- spec tests/conformance/specs/null_markers.mig sha256 b2333d70e07ec37c067c66157aeb3043c418b0f9f5b509c5064076b9e755b5e0
-- 00_setup: schemas, crosswalks, fresh target and reject tables
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/null_markers.mig`.


-- schema chartshift
CREATE SCHEMA IF NOT EXISTS "chartshift";

-- schema chartshift_stage
CREATE SCHEMA IF NOT EXISTS "chartshift_stage";

-- schema emr
CREATE SCHEMA IF NOT EXISTS "emr";

-- schema legacy
CREATE SCHEMA IF NOT EXISTS "legacy";

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

-- tests/conformance/specs/null_markers.mig:28: replace emr.plain
DROP TABLE IF EXISTS "emr"."plain";

-- tests/conformance/specs/null_markers.mig:28: target table emr.plain (keys and unique columns: 85_constraints)
CREATE TABLE "emr"."plain" (
  "id" TEXT NOT NULL,
  "name" TEXT,
  "is_null" BOOLEAN NOT NULL,
  "age" INT
);

-- tests/conformance/specs/null_markers.mig:34: replace emr.marked
DROP TABLE IF EXISTS "emr"."marked";

-- tests/conformance/specs/null_markers.mig:34: target table emr.marked (keys and unique columns: 85_constraints)
CREATE TABLE "emr"."marked" (
  "id" TEXT NOT NULL,
  "name" TEXT,
  "is_null" BOOLEAN NOT NULL,
  "age" INT
);

-- tests/conformance/specs/null_markers.mig:40: replace emr.empty_is_text
DROP TABLE IF EXISTS "emr"."empty_is_text";

-- tests/conformance/specs/null_markers.mig:40: target table emr.empty_is_text (keys and unique columns: 85_constraints)
CREATE TABLE "emr"."empty_is_text" (
  "id" TEXT NOT NULL,
  "name" TEXT,
  "is_null" BOOLEAN NOT NULL
);

-- tests/conformance/specs/null_markers.mig:9: typed view legacy.plain (re-created over the new staging)
DROP VIEW IF EXISTS "legacy"."plain";

-- tests/conformance/specs/null_markers.mig:14: typed view legacy.marked (re-created over the new staging)
DROP VIEW IF EXISTS "legacy"."marked";

-- tests/conformance/specs/null_markers.mig:20: typed view legacy.empty_is_text (re-created over the new staging)
DROP VIEW IF EXISTS "legacy"."empty_is_text";

