-- chartshift 0.1.0 | dialect postgres
-- spec tests/conformance/specs/group_by.mig sha256 8c97e61b28d6ea83244c7b367f812e592a33e711e4ebea957a4e55ed55be9144
-- 10_typed_views: typed views over the staged CSV text (blank -> NULL, failed casts flagged)
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/group_by.mig`.


-- tests/conformance/specs/group_by.mig:8: typed view legacy.visits
CREATE VIEW "legacy"."visits" AS
SELECT
  "cs_raw"."__row",
  NULLIF("cs_raw"."visit_id", '') AS "visit_id",
  NULLIF("cs_raw"."pat_no", '') AS "pat_no",
  CASE
    WHEN TRANSLATE(TRIM(NULLIF("cs_raw"."visit_dt", '')), '0123456789', '9999999999') IN ('9999-9-9', '9999-9-99', '9999-99-9', '9999-99-99')
    THEN CASE
      WHEN CAST(SPLIT_PART(NULLIF("cs_raw"."visit_dt", ''), '-', 1) AS INT) >= 1
      AND CAST(SPLIT_PART(NULLIF("cs_raw"."visit_dt", ''), '-', 3) AS INT) BETWEEN 1 AND CASE CAST(SPLIT_PART(NULLIF("cs_raw"."visit_dt", ''), '-', 2) AS INT)
        WHEN 1
        THEN 31
        WHEN 2
        THEN CASE
          WHEN CAST(SPLIT_PART(NULLIF("cs_raw"."visit_dt", ''), '-', 1) AS INT) % 4 = 0
          AND (
            CAST(SPLIT_PART(NULLIF("cs_raw"."visit_dt", ''), '-', 1) AS INT) % 100 <> 0
            OR CAST(SPLIT_PART(NULLIF("cs_raw"."visit_dt", ''), '-', 1) AS INT) % 400 = 0
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
        CAST(SPLIT_PART(NULLIF("cs_raw"."visit_dt", ''), '-', 1) AS INT),
        CAST(SPLIT_PART(NULLIF("cs_raw"."visit_dt", ''), '-', 2) AS INT),
        CAST(SPLIT_PART(NULLIF("cs_raw"."visit_dt", ''), '-', 3) AS INT)
      )
    END
  END AS "visit_dt",
  CASE
    WHEN TRIM(NULLIF("cs_raw"."units", '')) ~ '^[+\-]?[0-9]{1,18}$'
    THEN CAST(TRIM(NULLIF("cs_raw"."units", '')) AS BIGINT)
  END AS "units",
  CASE
    WHEN TRIM(NULLIF("cs_raw"."amount", '')) ~ '^[+\-]?([0-9]{1,14}([.][0-9]{0,4})?|[.][0-9]{1,4})$'
    THEN CAST(TRIM(NULLIF("cs_raw"."amount", '')) AS DECIMAL(18, 4))
  END AS "amount",
  NULLIF("cs_raw"."therapist", '') AS "therapist",
  NULLIF("cs_raw"."address", '') AS "address",
  NULLIF("cs_raw"."city", '') AS "city",
  NULLIF("cs_raw"."status", '') AS "status",
  CASE
    WHEN NOT NULLIF("cs_raw"."visit_dt", '') IS NULL
    AND CASE
      WHEN TRANSLATE(TRIM(NULLIF("cs_raw"."visit_dt", '')), '0123456789', '9999999999') IN ('9999-9-9', '9999-9-99', '9999-99-9', '9999-99-99')
      THEN CASE
        WHEN CAST(SPLIT_PART(NULLIF("cs_raw"."visit_dt", ''), '-', 1) AS INT) >= 1
        AND CAST(SPLIT_PART(NULLIF("cs_raw"."visit_dt", ''), '-', 3) AS INT) BETWEEN 1 AND CASE CAST(SPLIT_PART(NULLIF("cs_raw"."visit_dt", ''), '-', 2) AS INT)
          WHEN 1
          THEN 31
          WHEN 2
          THEN CASE
            WHEN CAST(SPLIT_PART(NULLIF("cs_raw"."visit_dt", ''), '-', 1) AS INT) % 4 = 0
            AND (
              CAST(SPLIT_PART(NULLIF("cs_raw"."visit_dt", ''), '-', 1) AS INT) % 100 <> 0
              OR CAST(SPLIT_PART(NULLIF("cs_raw"."visit_dt", ''), '-', 1) AS INT) % 400 = 0
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
          CAST(SPLIT_PART(NULLIF("cs_raw"."visit_dt", ''), '-', 1) AS INT),
          CAST(SPLIT_PART(NULLIF("cs_raw"."visit_dt", ''), '-', 2) AS INT),
          CAST(SPLIT_PART(NULLIF("cs_raw"."visit_dt", ''), '-', 3) AS INT)
        )
      END
    END IS NULL
    THEN 'legacy.visits.visit_dt is not a valid date'
    WHEN NOT NULLIF("cs_raw"."units", '') IS NULL
    AND CASE
      WHEN TRIM(NULLIF("cs_raw"."units", '')) ~ '^[+\-]?[0-9]{1,18}$'
      THEN CAST(TRIM(NULLIF("cs_raw"."units", '')) AS BIGINT)
    END IS NULL
    THEN 'legacy.visits.units is not a valid integer'
    WHEN NOT NULLIF("cs_raw"."amount", '') IS NULL
    AND CASE
      WHEN TRIM(NULLIF("cs_raw"."amount", '')) ~ '^[+\-]?([0-9]{1,14}([.][0-9]{0,4})?|[.][0-9]{1,4})$'
      THEN CAST(TRIM(NULLIF("cs_raw"."amount", '')) AS DECIMAL(18, 4))
    END IS NULL
    THEN 'legacy.visits.amount is not a valid decimal'
  END AS "__cast_error"
FROM "chartshift_stage"."legacy__visits" AS "cs_raw";

