-- chartshift 0.1.0 | dialect postgres
-- spec tests/conformance/specs/group_by_types.mig sha256 323bf47843c51193d38f93bcebb69d1b70699a8911c02b6e05f5862cc04c224f
-- 10_typed_views: typed views over the staged CSV text (blank -> NULL, failed casts flagged)
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/group_by_types.mig`.


-- tests/conformance/specs/group_by_types.mig:7: typed view legacy.charges
CREATE VIEW "legacy"."charges" AS
SELECT
  "cs_raw"."__row",
  CASE
    WHEN TRIM(NULLIF("cs_raw"."clinic", '')) ~ '^[+\-]?[0-9]{1,18}$'
    THEN CAST(TRIM(NULLIF("cs_raw"."clinic", '')) AS BIGINT)
  END AS "clinic",
  CASE
    WHEN TRANSLATE(TRIM(NULLIF("cs_raw"."day", '')), '0123456789', '9999999999') IN ('9999-9-9', '9999-9-99', '9999-99-9', '9999-99-99')
    THEN CASE
      WHEN CAST(SPLIT_PART(NULLIF("cs_raw"."day", ''), '-', 1) AS INT) >= 1
      AND CAST(SPLIT_PART(NULLIF("cs_raw"."day", ''), '-', 3) AS INT) BETWEEN 1 AND CASE CAST(SPLIT_PART(NULLIF("cs_raw"."day", ''), '-', 2) AS INT)
        WHEN 1
        THEN 31
        WHEN 2
        THEN CASE
          WHEN CAST(SPLIT_PART(NULLIF("cs_raw"."day", ''), '-', 1) AS INT) % 4 = 0
          AND (
            CAST(SPLIT_PART(NULLIF("cs_raw"."day", ''), '-', 1) AS INT) % 100 <> 0
            OR CAST(SPLIT_PART(NULLIF("cs_raw"."day", ''), '-', 1) AS INT) % 400 = 0
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
        CAST(SPLIT_PART(NULLIF("cs_raw"."day", ''), '-', 1) AS INT),
        CAST(SPLIT_PART(NULLIF("cs_raw"."day", ''), '-', 2) AS INT),
        CAST(SPLIT_PART(NULLIF("cs_raw"."day", ''), '-', 3) AS INT)
      )
    END
  END AS "day",
  CASE
    WHEN LOWER(TRIM(NULLIF("cs_raw"."paid", ''))) IN ('true', 't', 'yes', 'y', '1')
    THEN TRUE
    WHEN LOWER(TRIM(NULLIF("cs_raw"."paid", ''))) IN ('false', 'f', 'no', 'n', '0')
    THEN FALSE
  END AS "paid",
  CASE
    WHEN TRIM(NULLIF("cs_raw"."amount", '')) ~ '^[+\-]?([0-9]{1,14}([.][0-9]{0,4})?|[.][0-9]{1,4})$'
    THEN CAST(TRIM(NULLIF("cs_raw"."amount", '')) AS DECIMAL(18, 4))
  END AS "amount",
  CASE
    WHEN TRIM(NULLIF("cs_raw"."units", '')) ~ '^[+\-]?[0-9]{1,18}$'
    THEN CAST(TRIM(NULLIF("cs_raw"."units", '')) AS BIGINT)
  END AS "units",
  NULLIF("cs_raw"."code", '') AS "code",
  CASE
    WHEN NOT NULLIF("cs_raw"."clinic", '') IS NULL
    AND CASE
      WHEN TRIM(NULLIF("cs_raw"."clinic", '')) ~ '^[+\-]?[0-9]{1,18}$'
      THEN CAST(TRIM(NULLIF("cs_raw"."clinic", '')) AS BIGINT)
    END IS NULL
    THEN 'legacy.charges.clinic is not a valid integer'
    WHEN NOT NULLIF("cs_raw"."day", '') IS NULL
    AND CASE
      WHEN TRANSLATE(TRIM(NULLIF("cs_raw"."day", '')), '0123456789', '9999999999') IN ('9999-9-9', '9999-9-99', '9999-99-9', '9999-99-99')
      THEN CASE
        WHEN CAST(SPLIT_PART(NULLIF("cs_raw"."day", ''), '-', 1) AS INT) >= 1
        AND CAST(SPLIT_PART(NULLIF("cs_raw"."day", ''), '-', 3) AS INT) BETWEEN 1 AND CASE CAST(SPLIT_PART(NULLIF("cs_raw"."day", ''), '-', 2) AS INT)
          WHEN 1
          THEN 31
          WHEN 2
          THEN CASE
            WHEN CAST(SPLIT_PART(NULLIF("cs_raw"."day", ''), '-', 1) AS INT) % 4 = 0
            AND (
              CAST(SPLIT_PART(NULLIF("cs_raw"."day", ''), '-', 1) AS INT) % 100 <> 0
              OR CAST(SPLIT_PART(NULLIF("cs_raw"."day", ''), '-', 1) AS INT) % 400 = 0
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
          CAST(SPLIT_PART(NULLIF("cs_raw"."day", ''), '-', 1) AS INT),
          CAST(SPLIT_PART(NULLIF("cs_raw"."day", ''), '-', 2) AS INT),
          CAST(SPLIT_PART(NULLIF("cs_raw"."day", ''), '-', 3) AS INT)
        )
      END
    END IS NULL
    THEN 'legacy.charges.day is not a valid date'
    WHEN NOT NULLIF("cs_raw"."paid", '') IS NULL
    AND CASE
      WHEN LOWER(TRIM(NULLIF("cs_raw"."paid", ''))) IN ('true', 't', 'yes', 'y', '1')
      THEN TRUE
      WHEN LOWER(TRIM(NULLIF("cs_raw"."paid", ''))) IN ('false', 'f', 'no', 'n', '0')
      THEN FALSE
    END IS NULL
    THEN 'legacy.charges.paid is not a valid boolean'
    WHEN NOT NULLIF("cs_raw"."amount", '') IS NULL
    AND CASE
      WHEN TRIM(NULLIF("cs_raw"."amount", '')) ~ '^[+\-]?([0-9]{1,14}([.][0-9]{0,4})?|[.][0-9]{1,4})$'
      THEN CAST(TRIM(NULLIF("cs_raw"."amount", '')) AS DECIMAL(18, 4))
    END IS NULL
    THEN 'legacy.charges.amount is not a valid decimal'
    WHEN NOT NULLIF("cs_raw"."units", '') IS NULL
    AND CASE
      WHEN TRIM(NULLIF("cs_raw"."units", '')) ~ '^[+\-]?[0-9]{1,18}$'
      THEN CAST(TRIM(NULLIF("cs_raw"."units", '')) AS BIGINT)
    END IS NULL
    THEN 'legacy.charges.units is not a valid integer'
  END AS "__cast_error"
FROM "chartshift_stage"."legacy__charges" AS "cs_raw";

