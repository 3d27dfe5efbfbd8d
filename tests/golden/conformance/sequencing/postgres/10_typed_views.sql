-- chartshift 0.1.0 | dialect postgres
-- spec tests/conformance/specs/sequencing.mig sha256 7e803c579d3eb4858a45cff96754db6881678ee54683536e2a3afb747c8dd134
-- 10_typed_views: typed views over the staged CSV text (blank -> NULL, failed casts flagged)
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/sequencing.mig`.


-- tests/conformance/specs/sequencing.mig:9: typed view legacy.visits
CREATE VIEW "legacy"."visits" AS
SELECT
  "cs_raw"."__row",
  NULLIF("cs_raw"."visit_id", '') AS "visit_id",
  NULLIF("cs_raw"."episode_id", '') AS "episode_id",
  NULLIF("cs_raw"."patient_id", '') AS "patient_id",
  CASE
    WHEN TRANSLATE(TRIM(NULLIF("cs_raw"."visit_date", '')), '0123456789', '9999999999') IN ('9999-9-9', '9999-9-99', '9999-99-9', '9999-99-99')
    THEN CASE
      WHEN CAST(SPLIT_PART(NULLIF("cs_raw"."visit_date", ''), '-', 1) AS INT) >= 1
      AND CAST(SPLIT_PART(NULLIF("cs_raw"."visit_date", ''), '-', 3) AS INT) BETWEEN 1 AND CASE CAST(SPLIT_PART(NULLIF("cs_raw"."visit_date", ''), '-', 2) AS INT)
        WHEN 1
        THEN 31
        WHEN 2
        THEN CASE
          WHEN CAST(SPLIT_PART(NULLIF("cs_raw"."visit_date", ''), '-', 1) AS INT) % 4 = 0
          AND (
            CAST(SPLIT_PART(NULLIF("cs_raw"."visit_date", ''), '-', 1) AS INT) % 100 <> 0
            OR CAST(SPLIT_PART(NULLIF("cs_raw"."visit_date", ''), '-', 1) AS INT) % 400 = 0
          )
          THEN 29
          ELSE 28
        END
        WHEN 3
        THEN 31
        WHEN 4
        THEN 30
        WHEN 5
        THEN 31
        WHEN 6
        THEN 30
        WHEN 7
        THEN 31
        WHEN 8
        THEN 31
        WHEN 9
        THEN 30
        WHEN 10
        THEN 31
        WHEN 11
        THEN 30
        WHEN 12
        THEN 31
        ELSE 0
      END
      THEN MAKE_DATE(
        CAST(SPLIT_PART(NULLIF("cs_raw"."visit_date", ''), '-', 1) AS INT),
        CAST(SPLIT_PART(NULLIF("cs_raw"."visit_date", ''), '-', 2) AS INT),
        CAST(SPLIT_PART(NULLIF("cs_raw"."visit_date", ''), '-', 3) AS INT)
      )
    END
  END AS "visit_date",
  NULLIF("cs_raw"."kind", '') AS "kind",
  CASE
    WHEN NOT NULLIF("cs_raw"."visit_date", '') IS NULL
    AND CASE
      WHEN TRANSLATE(TRIM(NULLIF("cs_raw"."visit_date", '')), '0123456789', '9999999999') IN ('9999-9-9', '9999-9-99', '9999-99-9', '9999-99-99')
      THEN CASE
        WHEN CAST(SPLIT_PART(NULLIF("cs_raw"."visit_date", ''), '-', 1) AS INT) >= 1
        AND CAST(SPLIT_PART(NULLIF("cs_raw"."visit_date", ''), '-', 3) AS INT) BETWEEN 1 AND CASE CAST(SPLIT_PART(NULLIF("cs_raw"."visit_date", ''), '-', 2) AS INT)
          WHEN 1
          THEN 31
          WHEN 2
          THEN CASE
            WHEN CAST(SPLIT_PART(NULLIF("cs_raw"."visit_date", ''), '-', 1) AS INT) % 4 = 0
            AND (
              CAST(SPLIT_PART(NULLIF("cs_raw"."visit_date", ''), '-', 1) AS INT) % 100 <> 0
              OR CAST(SPLIT_PART(NULLIF("cs_raw"."visit_date", ''), '-', 1) AS INT) % 400 = 0
            )
            THEN 29
            ELSE 28
          END
          WHEN 3
          THEN 31
          WHEN 4
          THEN 30
          WHEN 5
          THEN 31
          WHEN 6
          THEN 30
          WHEN 7
          THEN 31
          WHEN 8
          THEN 31
          WHEN 9
          THEN 30
          WHEN 10
          THEN 31
          WHEN 11
          THEN 30
          WHEN 12
          THEN 31
          ELSE 0
        END
        THEN MAKE_DATE(
          CAST(SPLIT_PART(NULLIF("cs_raw"."visit_date", ''), '-', 1) AS INT),
          CAST(SPLIT_PART(NULLIF("cs_raw"."visit_date", ''), '-', 2) AS INT),
          CAST(SPLIT_PART(NULLIF("cs_raw"."visit_date", ''), '-', 3) AS INT)
        )
      END
    END IS NULL
    THEN 'legacy.visits.visit_date is not a valid date'
  END AS "__cast_error"
FROM "chartshift_stage"."legacy__visits" AS "cs_raw";

-- tests/conformance/specs/sequencing.mig:16: typed view legacy.cancelled
CREATE VIEW "legacy"."cancelled" AS
SELECT
  "cs_raw"."__row",
  NULLIF("cs_raw"."visit_id", '') AS "visit_id",
  CAST(NULL AS VARCHAR) AS "__cast_error"
FROM "chartshift_stage"."legacy__cancelled" AS "cs_raw";

