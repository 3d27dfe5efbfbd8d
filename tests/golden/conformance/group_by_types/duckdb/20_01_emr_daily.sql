-- chartshift 0.1.0 | dialect duckdb
-- spec tests/conformance/specs/group_by_types.mig sha256 323bf47843c51193d38f93bcebb69d1b70699a8911c02b6e05f5862cc04c224f
-- 20_01_emr_daily: map legacy.charges -> emr.daily
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/group_by_types.mig`.


-- tests/conformance/specs/group_by_types.mig:32: work table left by an earlier run
DROP TABLE IF EXISTS "cs_work__emr__daily";

-- tests/conformance/specs/group_by_types.mig:32: legacy.charges -> emr.daily: every kept row with its fields and status
CREATE TEMPORARY TABLE "cs_work__emr__daily" AS
WITH "cs_in" AS (
  SELECT
    "charges"."__row" AS "__row",
    "charges"."__cast_error" AS "__cast_error",
    "charges"."clinic" AS "s__charges__clinic",
    "charges"."day" AS "s__charges__day",
    "charges"."paid" AS "s__charges__paid",
    "charges"."amount" AS "s__charges__amount",
    "charges"."units" AS "s__charges__units",
    "charges"."code" AS "s__charges__code",
    1 AS "__slot"
  FROM "legacy"."charges" AS "charges"
), "cs_vals" AS (
  SELECT
    "cs_in".*,
    "cs_in"."s__charges__clinic" AS "g__1",
    "cs_in"."s__charges__day" AS "g__2",
    "cs_in"."s__charges__paid" AS "g__3",
    "cs_in"."s__charges__code" AS "v__1",
    "cs_in"."s__charges__amount" AS "v__2",
    "cs_in"."s__charges__amount" AS "v__3",
    "cs_in"."s__charges__units" AS "v__4",
    "cs_in"."s__charges__code" AS "v__5",
    "cs_in"."s__charges__amount" AS "o__5_1",
    "cs_in"."s__charges__units" AS "o__5_2",
    "cs_in"."s__charges__amount" AS "v__6",
    "cs_in"."s__charges__code" AS "o__6_1",
    "cs_in"."s__charges__code" AS "v__7",
    "cs_in"."s__charges__amount" AS "o__7_1",
    "cs_in"."s__charges__code" AS "o__7_2"
  FROM "cs_in"
  WHERE
    NOT (
      NOT "cs_in"."__cast_error" IS NULL
    )
), "cs_ranked" AS (
  SELECT
    "cs_vals".*,
    ROW_NUMBER() OVER (
      PARTITION BY "cs_vals"."g__1", "cs_vals"."g__2", "cs_vals"."g__3"
      ORDER BY "cs_vals"."o__5_1" DESC, "cs_vals"."o__5_2" ASC, "cs_vals"."__row" ASC
    ) AS "r__5",
    ROW_NUMBER() OVER (
      PARTITION BY "cs_vals"."g__1", "cs_vals"."g__2", "cs_vals"."g__3"
      ORDER BY "cs_vals"."o__6_1" DESC, "cs_vals"."__row" DESC
    ) AS "r__6"
  FROM "cs_vals"
), "cs_groups" AS (
  SELECT
    MIN("cs_ranked"."__row") AS "__row",
    "cs_ranked"."g__1" AS "g__1",
    "cs_ranked"."g__2" AS "g__2",
    "cs_ranked"."g__3" AS "g__3",
    COUNT("cs_ranked"."v__1") AS "a__1",
    CAST(SUM("cs_ranked"."v__2") AS DECIMAL(18, 4)) AS "a__2",
    MIN("cs_ranked"."v__3") AS "a__3",
    MAX("cs_ranked"."v__4") AS "a__4",
    MAX(CASE WHEN "cs_ranked"."r__5" = 1 THEN "cs_ranked"."v__5" END) AS "a__5",
    MAX(CASE WHEN "cs_ranked"."r__6" = 1 THEN "cs_ranked"."v__6" END) AS "a__6",
    LISTAGG(
      "cs_ranked"."v__7", ''
      ORDER BY
        "cs_ranked"."o__7_1" DESC,
        "cs_ranked"."o__7_2" ASC,
        "cs_ranked"."__row" ASC
    ) AS "a__7"
  FROM "cs_ranked"
  GROUP BY
    "cs_ranked"."g__1",
    "cs_ranked"."g__2",
    "cs_ranked"."g__3"
), "cs_fields" AS (
  SELECT
    "cs_groups".*,
    "cs_groups"."g__1" AS "f__clinic",
    "cs_groups"."g__2" AS "f__day",
    CASE
      WHEN "cs_groups"."g__3"
      THEN 'yes'
      WHEN NOT (
        "cs_groups"."g__3"
      )
      THEN 'no'
    END AS "f__paid",
    "cs_groups"."a__1" AS "f__lines",
    "cs_groups"."a__2" AS "f__amount_total",
    "cs_groups"."a__3" AS "f__amount_min",
    "cs_groups"."a__4" AS "f__units_max",
    "cs_groups"."a__5" AS "f__first_code",
    "cs_groups"."a__6" AS "f__last_amount",
    "cs_groups"."a__7" AS "f__codes",
    CAST((
      "cs_groups"."g__1"
    ) AS TEXT) || '|' || CAST((
      "cs_groups"."g__2"
    ) AS TEXT) || '|' || CAST((
      "cs_groups"."g__3"
    ) AS TEXT) AS "__key"
  FROM "cs_groups"
), "cs_rules" AS (
  SELECT
    "cs_fields".*,
    CASE
      WHEN "cs_fields"."__key" IS NULL
      THEN 2
      WHEN COALESCE((
        (
          "cs_fields"."f__units_max"
        ) > (
          8
        )
      ), FALSE)
      THEN 3
      WHEN "cs_fields"."f__clinic" IS NULL
      THEN 4
      WHEN LENGTH(CAST("cs_fields"."f__paid" AS TEXT)) > 3
      THEN 5
      WHEN ABS("cs_fields"."f__amount_total") >= 10000000000
      THEN 6
      WHEN ABS("cs_fields"."f__amount_min") >= 10000000000
      THEN 7
      WHEN LENGTH(CAST("cs_fields"."f__first_code" AS TEXT)) > 5
      THEN 8
      WHEN ABS("cs_fields"."f__last_amount") >= 10000000000
      THEN 9
      WHEN NOT "cs_dups"."first_row" IS NULL AND "cs_fields"."__row" > "cs_dups"."first_row"
      THEN 10
    END AS "__rule"
  FROM "cs_fields"
  LEFT JOIN (
    SELECT
      "cs_fields"."__key",
      MIN("cs_fields"."__row") AS "first_row"
    FROM "cs_fields"
    GROUP BY
      "cs_fields"."__key"
    HAVING
      COUNT(*) > 1
  ) AS "cs_dups"
    ON "cs_dups"."__key" = "cs_fields"."__key"
), "cs_status" AS (
  SELECT
    "cs_rules"."__row",
    1 AS "__slot",
    "cs_rules"."__key",
    "cs_rules"."__rule",
    "cs_rules"."f__clinic",
    "cs_rules"."f__day",
    "cs_rules"."f__paid",
    "cs_rules"."f__lines",
    "cs_rules"."f__amount_total",
    "cs_rules"."f__amount_min",
    "cs_rules"."f__units_max",
    "cs_rules"."f__first_code",
    "cs_rules"."f__last_amount",
    "cs_rules"."f__codes",
    CASE WHEN NOT "cs_rules"."__rule" IS NULL THEN 'rejected' ELSE 'loaded' END AS "__status"
  FROM "cs_rules"
  UNION ALL
  SELECT
    "cs_in"."__row",
    1 AS "__slot",
    NULL AS "__key",
    CASE WHEN NOT "cs_in"."__cast_error" IS NULL THEN 1 END AS "__rule",
    NULL AS "f__clinic",
    NULL AS "f__day",
    NULL AS "f__paid",
    NULL AS "f__lines",
    NULL AS "f__amount_total",
    NULL AS "f__amount_min",
    NULL AS "f__units_max",
    NULL AS "f__first_code",
    NULL AS "f__last_amount",
    NULL AS "f__codes",
    'rejected' AS "__status"
  FROM "cs_in"
  WHERE
    (
      NOT "cs_in"."__cast_error" IS NULL
    )
)
SELECT
  *
FROM "cs_status";

-- tests/conformance/specs/group_by_types.mig:32: legacy.charges -> emr.daily: rejected rows with the first rule that failed
INSERT INTO "chartshift"."rejects" (
  "map",
  "source_table",
  "source_key",
  "slot",
  "record",
  "rule",
  "reason",
  "original_row",
  "reason_code"
)
SELECT
  'legacy.charges -> emr.daily',
  'legacy.charges',
  CAST(NULL AS TEXT),
  "w"."__slot",
  "w"."__row",
  CASE "w"."__rule"
    WHEN 1
    THEN 'cast'
    WHEN 2
    THEN 'key'
    WHEN 3
    THEN 'reject:44'
    WHEN 4
    THEN 'not null:emr.daily.clinic'
    WHEN 5
    THEN 'length:emr.daily.paid'
    WHEN 6
    THEN 'range:emr.daily.amount_total'
    WHEN 7
    THEN 'range:emr.daily.amount_min'
    WHEN 8
    THEN 'length:emr.daily.first_code'
    WHEN 9
    THEN 'range:emr.daily.last_amount'
    WHEN 10
    THEN 'duplicate key'
  END,
  CASE "w"."__rule"
    WHEN 1
    THEN 'value does not fit the source column type'
    WHEN 2
    THEN 'missing legacy key'
    WHEN 3
    THEN 'more than 8 units'
    WHEN 4
    THEN 'clinic is required but empty'
    WHEN 5
    THEN 'paid is longer than 3 characters'
    WHEN 6
    THEN 'amount_total does not fit decimal(12,2)'
    WHEN 7
    THEN 'amount_min does not fit decimal(12,2)'
    WHEN 8
    THEN 'first_code is longer than 5 characters'
    WHEN 9
    THEN 'last_amount does not fit decimal(12,2)'
    WHEN 10
    THEN 'duplicate legacy key (an earlier group has the same key)'
  END,
  CAST(JSON_OBJECT(
    'clinic',
    "r"."clinic",
    'day',
    "r"."day",
    'paid',
    "r"."paid",
    'amount',
    "r"."amount",
    'units',
    "r"."units",
    'code',
    "r"."code"
  ) AS TEXT),
  CASE "w"."__rule"
    WHEN 1
    THEN 'cast'
    WHEN 2
    THEN 'missing_key'
    WHEN 3
    THEN 'reject'
    WHEN 4
    THEN 'not_null'
    WHEN 5
    THEN 'too_long'
    WHEN 6
    THEN 'out_of_range'
    WHEN 7
    THEN 'out_of_range'
    WHEN 8
    THEN 'too_long'
    WHEN 9
    THEN 'out_of_range'
    WHEN 10
    THEN 'duplicate_key'
  END
FROM "cs_work__emr__daily" AS "w"
JOIN "chartshift_stage"."legacy__charges" AS "r"
  ON "r"."__row" = "w"."__row"
WHERE
  "w"."__status" = 'rejected'
ORDER BY
  "w"."__row",
  "w"."__slot";

-- tests/conformance/specs/group_by_types.mig:32: legacy.charges -> emr.daily: load the surviving rows
INSERT INTO "emr"."daily" (
  "clinic",
  "day",
  "paid",
  "lines",
  "amount_total",
  "amount_min",
  "units_max",
  "first_code",
  "last_amount",
  "codes"
)
SELECT
  CAST("w"."f__clinic" AS INT),
  CAST("w"."f__day" AS DATE),
  CAST("w"."f__paid" AS TEXT),
  CAST("w"."f__lines" AS BIGINT),
  CAST("w"."f__amount_total" AS DECIMAL(12, 2)),
  CAST("w"."f__amount_min" AS DECIMAL(12, 2)),
  CAST("w"."f__units_max" AS INT),
  CAST("w"."f__first_code" AS TEXT),
  CAST("w"."f__last_amount" AS DECIMAL(12, 2)),
  CAST("w"."f__codes" AS TEXT)
FROM "cs_work__emr__daily" AS "w"
WHERE
  "w"."__status" = 'loaded';

-- tests/conformance/specs/group_by_types.mig:32: legacy.charges -> emr.daily: accounting identity: source rows = loaded + rejected + filtered + merged + aggregated
INSERT INTO "chartshift"."reconciliation" (
  "map",
  "source_table",
  "target_table",
  "source_rows",
  "loaded",
  "rejected",
  "filtered",
  "merged",
  "aggregated"
)
SELECT
  'legacy.charges -> emr.daily',
  'legacy.charges',
  'emr.daily',
  (
    SELECT
      COUNT(*)
    FROM "legacy"."charges"
  ),
  (
    SELECT
      COUNT(*)
    FROM "emr"."daily"
  ),
  (
    SELECT
      COUNT(*)
    FROM "chartshift"."rejects"
    WHERE
      "map" = 'legacy.charges -> emr.daily'
  ),
  0,
  0,
  (
    SELECT
      CAST(COALESCE(SUM("cs_groups"."n") - COUNT(*), 0) AS BIGINT)
    FROM (
      SELECT
        COUNT(*) AS "n"
      FROM (
        SELECT
          "cs_in".*,
          "cs_in"."s__charges__clinic" AS "g__1",
          "cs_in"."s__charges__day" AS "g__2",
          "cs_in"."s__charges__paid" AS "g__3",
          "cs_in"."s__charges__code" AS "v__1",
          "cs_in"."s__charges__amount" AS "v__2",
          "cs_in"."s__charges__amount" AS "v__3",
          "cs_in"."s__charges__units" AS "v__4",
          "cs_in"."s__charges__code" AS "v__5",
          "cs_in"."s__charges__amount" AS "o__5_1",
          "cs_in"."s__charges__units" AS "o__5_2",
          "cs_in"."s__charges__amount" AS "v__6",
          "cs_in"."s__charges__code" AS "o__6_1",
          "cs_in"."s__charges__code" AS "v__7",
          "cs_in"."s__charges__amount" AS "o__7_1",
          "cs_in"."s__charges__code" AS "o__7_2"
        FROM (
          SELECT
            "charges"."__row" AS "__row",
            "charges"."__cast_error" AS "__cast_error",
            "charges"."clinic" AS "s__charges__clinic",
            "charges"."day" AS "s__charges__day",
            "charges"."paid" AS "s__charges__paid",
            "charges"."amount" AS "s__charges__amount",
            "charges"."units" AS "s__charges__units",
            "charges"."code" AS "s__charges__code",
            1 AS "__slot"
          FROM "legacy"."charges" AS "charges"
        ) AS "cs_in"
        WHERE
          NOT (
            NOT "cs_in"."__cast_error" IS NULL
          )
      ) AS "cs_vals"
      GROUP BY
        "cs_vals"."g__1",
        "cs_vals"."g__2",
        "cs_vals"."g__3"
    ) AS "cs_groups"
  );

-- tests/conformance/specs/group_by_types.mig:32: legacy.charges -> emr.daily: work table no longer needed
DROP TABLE IF EXISTS "cs_work__emr__daily";

