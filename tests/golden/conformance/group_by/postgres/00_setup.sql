-- chartshift 0.1.0 | dialect postgres
-- spec tests/conformance/specs/group_by.mig sha256 8c97e61b28d6ea83244c7b367f812e592a33e711e4ebea957a4e55ed55be9144
-- 00_setup: schemas, crosswalks, fresh target and reject tables
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/group_by.mig`.


-- schema chartshift
CREATE SCHEMA IF NOT EXISTS "chartshift";

-- schema chartshift_stage
CREATE SCHEMA IF NOT EXISTS "chartshift_stage";

-- schema emr
CREATE SCHEMA IF NOT EXISTS "emr";

-- schema legacy
CREATE SCHEMA IF NOT EXISTS "legacy";

-- tests/conformance/specs/group_by.mig:44: persistent crosswalk for emr.observation_period: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS "chartshift"."xwalk__emr__observation_period" (
  "legacy_key" TEXT NOT NULL COLLATE "C",
  "own_id" BIGINT,
  "target_id" BIGINT,
  "state" VARCHAR(10) NOT NULL,
  PRIMARY KEY ("legacy_key")
);

-- tests/conformance/specs/group_by.mig:63: persistent crosswalk for emr.location: legacy key -> id (kept across runs)
CREATE TABLE IF NOT EXISTS "chartshift"."xwalk__emr__location" (
  "legacy_key" TEXT NOT NULL COLLATE "C",
  "own_id" BIGINT,
  "target_id" BIGINT,
  "state" VARCHAR(10) NOT NULL,
  PRIMARY KEY ("legacy_key")
);

-- rejects of this run
DROP TABLE IF EXISTS "chartshift"."rejects";

-- one row per rejected source row (raw values kept for remediation)
CREATE TABLE "chartshift"."rejects" (
  "map" VARCHAR(200),
  "source_table" VARCHAR(200) NOT NULL,
  "source_key" TEXT COLLATE "C",
  "slot" INT,
  "record" BIGINT,
  "rule" VARCHAR(200) NOT NULL,
  "reason" VARCHAR(500) NOT NULL,
  "original_row" TEXT,
  "reason_code" VARCHAR(40) NOT NULL,
  "source_file" VARCHAR(1000),
  "source_line" BIGINT,
  "byte_offset" BIGINT
);

-- reconciliation of this run
DROP TABLE IF EXISTS "chartshift"."reconciliation";

-- one row per map, written at the end of the map: its accounting identity
CREATE TABLE "chartshift"."reconciliation" (
  "map" VARCHAR(200) NOT NULL,
  "source_table" VARCHAR(200) NOT NULL,
  "target_table" VARCHAR(200) NOT NULL,
  "source_rows" BIGINT NOT NULL,
  "loaded" BIGINT NOT NULL,
  "rejected" BIGINT NOT NULL,
  "filtered" BIGINT NOT NULL,
  "merged" BIGINT NOT NULL,
  "aggregated" BIGINT NOT NULL
);

-- tests/conformance/specs/group_by.mig:22: replace emr.observation_period
DROP TABLE IF EXISTS "emr"."observation_period";

-- tests/conformance/specs/group_by.mig:22: target table emr.observation_period
CREATE TABLE "emr"."observation_period" (
  "id" BIGINT NOT NULL,
  "patient" VARCHAR(10),
  "first_visit" DATE,
  "last_visit" DATE,
  "visits" BIGINT NOT NULL,
  "dated_visits" BIGINT,
  "units_total" BIGINT,
  "amount_total" DECIMAL(10, 2),
  "fewest_units" INT,
  "last_name_az" TEXT,
  "first_therapist" TEXT,
  "last_therapist" TEXT,
  "therapists" TEXT,
  PRIMARY KEY ("id")
);

-- tests/conformance/specs/group_by.mig:37: replace emr.location
DROP TABLE IF EXISTS "emr"."location";

-- tests/conformance/specs/group_by.mig:37: target table emr.location
CREATE TABLE "emr"."location" (
  "id" BIGINT NOT NULL,
  "address" VARCHAR(40) NOT NULL,
  "city" VARCHAR(30),
  PRIMARY KEY ("id")
);

-- tests/conformance/specs/group_by.mig:8: typed view legacy.visits (re-created over the new staging)
DROP VIEW IF EXISTS "legacy"."visits";

