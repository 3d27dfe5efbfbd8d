-- chartshift 0.1.0 | dialect duckdb
-- spec tests/conformance/specs/group_by_references.mig sha256 affaa2e359660ec72ffb991b16b3db70e42ec3e2bbc9bbda02a66e1e7c3e816a
-- 20_02_emr_auth_usage: map legacy.visits -> emr.auth_usage
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/group_by_references.mig`.


-- tests/conformance/specs/group_by_references.mig:60: work table left by an earlier run
DROP TABLE IF EXISTS "cs_work__emr__auth_usage";

-- tests/conformance/specs/group_by_references.mig:60: legacy.visits -> emr.auth_usage: every kept row with its fields and status
CREATE TEMPORARY TABLE "cs_work__emr__auth_usage" AS
WITH "cs_in" AS (
  SELECT
    "cs_raw".*,
    "cs_amb"."__n__c" AS "__n__c",
    1 AS "__slot"
  FROM (
    SELECT
      "visits"."__row" AS "__row",
      "visits"."__cast_error" AS "__cast_error",
      "visits"."visit_id" AS "s__visits__visit_id",
      "visits"."auth_no" AS "s__visits__auth_no",
      "visits"."kind" AS "s__visits__kind",
      "visits"."clinic" AS "s__visits__clinic",
      "c"."clinic" AS "s__c__clinic",
      "c"."region" AS "s__c__region",
      "c"."__row" AS "j__c__row"
    FROM "legacy"."visits" AS "visits"
    LEFT JOIN "legacy"."clinics" AS "c"
      ON (
        "c"."clinic"
      ) = (
        "visits"."clinic"
      )
  ) AS "cs_raw"
  LEFT JOIN (
    SELECT
      "__row",
      COUNT(DISTINCT "j__c__row") AS "__n__c",
      MIN("j__c__row") AS "first__c"
    FROM (
      SELECT
        "visits"."__row" AS "__row",
        "c"."__row" AS "j__c__row"
      FROM "legacy"."visits" AS "visits"
      LEFT JOIN "legacy"."clinics" AS "c"
        ON (
          "c"."clinic"
        ) = (
          "visits"."clinic"
        )
    ) AS "cs_raw"
    GROUP BY
      "__row"
    HAVING
      COUNT(*) > 1
  ) AS "cs_amb"
    ON "cs_amb"."__row" = "cs_raw"."__row"
  WHERE
    (
      "cs_amb"."first__c" IS NULL OR "cs_raw"."j__c__row" = "cs_amb"."first__c"
    )
), "cs_vals" AS (
  SELECT
    "cs_in".*,
    "cs_in"."s__visits__auth_no" AS "g__1",
    CASE "cs_in"."s__visits__kind"
      WHEN 'E'
      THEN 'eval'
      WHEN 'T'
      THEN 'treatment'
      ELSE 'other'
    END AS "g__2",
    "cs_in"."s__c__region" AS "v__2",
    "cs_in"."s__c__region" AS "o__2_1"
  FROM "cs_in"
  WHERE
    NOT (
      NOT "cs_in"."__cast_error" IS NULL OR COALESCE("cs_in"."__n__c", 1) > 1
    )
), "cs_ranked" AS (
  SELECT
    "cs_vals".*
  FROM "cs_vals"
), "cs_groups" AS (
  SELECT
    MIN("cs_ranked"."__row") AS "__row",
    MIN("cs_ranked"."g__1") AS "g__1",
    MIN("cs_ranked"."g__2") AS "g__2",
    COUNT(*) AS "a__1",
    LISTAGG(
      "cs_ranked"."v__2", '/'
      ORDER BY
        "cs_ranked"."o__2_1" DESC,
        "cs_ranked"."s__visits__visit_id" ASC
    ) AS "a__2"
  FROM "cs_ranked"
  GROUP BY
    "cs_ranked"."g__1",
    "cs_ranked"."g__2"
), "cs_fields" AS (
  SELECT
    "cs_groups".*,
    "cs_ref1"."target_id" AS "f__authorization_id",
    "cs_groups"."g__2" AS "f__kind",
    "cs_groups"."a__1" AS "f__visits_used",
    "cs_groups"."a__2" AS "f__regions",
    CAST((
      "cs_groups"."g__1"
    ) AS TEXT) || '|' || CAST((
      "cs_groups"."g__2"
    ) AS TEXT) AS "__key"
  FROM "cs_groups"
  LEFT JOIN "chartshift"."xwalk__emr__authorization" AS "cs_ref1"
    ON "cs_ref1"."legacy_key" = CAST((
      "cs_groups"."g__1"
    ) AS TEXT)
    AND "cs_ref1"."state" <> 'inactive'
), "cs_rules" AS (
  SELECT
    "cs_fields".*,
    CASE
      WHEN "cs_fields"."__key" IS NULL
      THEN 3
      WHEN COALESCE((
        (
          "cs_fields"."f__authorization_id"
        ) IS NULL
      ), FALSE)
      THEN 4
      WHEN LENGTH(CAST("cs_fields"."f__kind" AS TEXT)) > 10
      THEN 5
      WHEN "cs_fields"."f__visits_used" IS NULL
      THEN 6
      WHEN NOT "cs_dups"."first_row" IS NULL AND "cs_fields"."__row" > "cs_dups"."first_row"
      THEN 7
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
    "cs_rules"."f__authorization_id",
    "cs_rules"."f__kind",
    "cs_rules"."f__visits_used",
    "cs_rules"."f__regions",
    NULL AS "s__visits__visit_id",
    NULL AS "__n__c",
    CASE WHEN NOT "cs_rules"."__rule" IS NULL THEN 'rejected' ELSE 'loaded' END AS "__status"
  FROM "cs_rules"
  UNION ALL
  SELECT
    "cs_in"."__row",
    1 AS "__slot",
    NULL AS "__key",
    CASE
      WHEN NOT "cs_in"."__cast_error" IS NULL
      THEN 1
      WHEN COALESCE("cs_in"."__n__c", 1) > 1
      THEN 2
    END AS "__rule",
    NULL AS "f__authorization_id",
    NULL AS "f__kind",
    NULL AS "f__visits_used",
    NULL AS "f__regions",
    "cs_in"."s__visits__visit_id",
    "cs_in"."__n__c",
    'rejected' AS "__status"
  FROM "cs_in"
  WHERE
    (
      NOT "cs_in"."__cast_error" IS NULL OR COALESCE("cs_in"."__n__c", 1) > 1
    )
)
SELECT
  "cs_status".*,
  COALESCE(
    "cs_prev"."own_id",
    CASE
      WHEN "cs_prev"."own_id" IS NULL AND "cs_status"."__status" = 'loaded'
      THEN (
        SELECT
          COALESCE(MAX("own_id"), 0)
        FROM "chartshift"."xwalk__emr__auth_usage"
      ) + ROW_NUMBER() OVER (
        ORDER BY (
          "cs_prev"."own_id" IS NULL AND "cs_status"."__status" = 'loaded'
        ) DESC, "cs_status"."__row", "cs_status"."__slot"
      )
    END
  ) AS "__own_id"
FROM "cs_status"
LEFT JOIN "chartshift"."xwalk__emr__auth_usage" AS "cs_prev"
  ON "cs_prev"."legacy_key" = "cs_status"."__key";

-- tests/conformance/specs/group_by_references.mig:60: legacy.visits -> emr.auth_usage: rejected rows with the first rule that failed
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
  'legacy.visits -> emr.auth_usage',
  'legacy.visits',
  CAST((
    "w"."s__visits__visit_id"
  ) AS TEXT),
  "w"."__slot",
  "w"."__row",
  CASE "w"."__rule"
    WHEN 1
    THEN 'cast'
    WHEN 2
    THEN 'ambiguous_match'
    WHEN 3
    THEN 'key'
    WHEN 4
    THEN 'reject:68'
    WHEN 5
    THEN 'length:emr.auth_usage.kind'
    WHEN 6
    THEN 'not null:emr.auth_usage.visits_used'
    WHEN 7
    THEN 'duplicate key'
  END,
  CASE "w"."__rule"
    WHEN 1
    THEN 'value does not fit the source column type'
    WHEN 2
    THEN 'ambiguous match (' || CAST((
      "w"."__n__c"
    ) AS TEXT) || ' rows of legacy.clinics)'
    WHEN 3
    THEN 'missing legacy key'
    WHEN 4
    THEN 'no authorization on file'
    WHEN 5
    THEN 'kind is longer than 10 characters'
    WHEN 6
    THEN 'visits_used is required but empty'
    WHEN 7
    THEN 'duplicate legacy key (an earlier group has the same key)'
  END,
  CAST(JSON_OBJECT(
    'visit_id',
    "r"."visit_id",
    'auth_no',
    "r"."auth_no",
    'kind',
    "r"."kind",
    'clinic',
    "r"."clinic"
  ) AS TEXT),
  CASE "w"."__rule"
    WHEN 1
    THEN 'cast'
    WHEN 2
    THEN 'ambiguous_match'
    WHEN 3
    THEN 'missing_key'
    WHEN 4
    THEN 'reject'
    WHEN 5
    THEN 'too_long'
    WHEN 6
    THEN 'not_null'
    WHEN 7
    THEN 'duplicate_key'
  END
FROM "cs_work__emr__auth_usage" AS "w"
JOIN "chartshift_stage"."legacy__visits" AS "r"
  ON "r"."__row" = "w"."__row"
WHERE
  "w"."__status" = 'rejected'
ORDER BY
  "w"."__row",
  "w"."__slot";

-- tests/conformance/specs/group_by_references.mig:63: crosswalk emr.auth_usage: the keys of this run are written again below
DELETE FROM "chartshift"."xwalk__emr__auth_usage"
WHERE
  "legacy_key" IN (
    SELECT
      "__key"
    FROM "cs_work__emr__auth_usage"
    WHERE
      "__status" IN ('loaded', 'merged')
  );

-- tests/conformance/specs/group_by_references.mig:63: crosswalk emr.auth_usage: keys not loaded by this run stay, inactive, with their ids
UPDATE "chartshift"."xwalk__emr__auth_usage" SET "state" = 'inactive', "target_id" = NULL
WHERE
  "state" <> 'inactive';

-- tests/conformance/specs/group_by_references.mig:63: crosswalk emr.auth_usage: loaded keys with their ids, merged keys pointing at their survivor's id
INSERT INTO "chartshift"."xwalk__emr__auth_usage" (
  "legacy_key",
  "own_id",
  "target_id",
  "state"
)
SELECT
  "w"."__key",
  "w"."__own_id",
  "w"."__own_id",
  "w"."__status"
FROM "cs_work__emr__auth_usage" AS "w"
WHERE
  "w"."__status" IN ('loaded', 'merged');

-- tests/conformance/specs/group_by_references.mig:60: legacy.visits -> emr.auth_usage: load the surviving rows
INSERT INTO "emr"."auth_usage" (
  "id",
  "authorization_id",
  "kind",
  "visits_used",
  "regions"
)
SELECT
  CAST("w"."__own_id" AS BIGINT),
  CAST("w"."f__authorization_id" AS BIGINT),
  CAST("w"."f__kind" AS TEXT),
  CAST("w"."f__visits_used" AS BIGINT),
  CAST("w"."f__regions" AS TEXT)
FROM "cs_work__emr__auth_usage" AS "w"
WHERE
  "w"."__status" = 'loaded';

-- tests/conformance/specs/group_by_references.mig:60: legacy.visits -> emr.auth_usage: accounting identity: source rows = loaded + rejected + filtered + merged + aggregated
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
  'legacy.visits -> emr.auth_usage',
  'legacy.visits',
  'emr.auth_usage',
  (
    SELECT
      COUNT(*)
    FROM "legacy"."visits"
  ),
  (
    SELECT
      COUNT(*)
    FROM "emr"."auth_usage"
  ),
  (
    SELECT
      COUNT(*)
    FROM "chartshift"."rejects"
    WHERE
      "map" = 'legacy.visits -> emr.auth_usage'
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
          "cs_in"."s__visits__auth_no" AS "g__1",
          CASE "cs_in"."s__visits__kind"
            WHEN 'E'
            THEN 'eval'
            WHEN 'T'
            THEN 'treatment'
            ELSE 'other'
          END AS "g__2",
          "cs_in"."s__c__region" AS "v__2",
          "cs_in"."s__c__region" AS "o__2_1"
        FROM (
          SELECT
            "cs_raw".*,
            "cs_amb"."__n__c" AS "__n__c",
            1 AS "__slot"
          FROM (
            SELECT
              "visits"."__row" AS "__row",
              "visits"."__cast_error" AS "__cast_error",
              "visits"."visit_id" AS "s__visits__visit_id",
              "visits"."auth_no" AS "s__visits__auth_no",
              "visits"."kind" AS "s__visits__kind",
              "visits"."clinic" AS "s__visits__clinic",
              "c"."clinic" AS "s__c__clinic",
              "c"."region" AS "s__c__region",
              "c"."__row" AS "j__c__row"
            FROM "legacy"."visits" AS "visits"
            LEFT JOIN "legacy"."clinics" AS "c"
              ON (
                "c"."clinic"
              ) = (
                "visits"."clinic"
              )
          ) AS "cs_raw"
          LEFT JOIN (
            SELECT
              "__row",
              COUNT(DISTINCT "j__c__row") AS "__n__c",
              MIN("j__c__row") AS "first__c"
            FROM (
              SELECT
                "visits"."__row" AS "__row",
                "c"."__row" AS "j__c__row"
              FROM "legacy"."visits" AS "visits"
              LEFT JOIN "legacy"."clinics" AS "c"
                ON (
                  "c"."clinic"
                ) = (
                  "visits"."clinic"
                )
            ) AS "cs_raw"
            GROUP BY
              "__row"
            HAVING
              COUNT(*) > 1
          ) AS "cs_amb"
            ON "cs_amb"."__row" = "cs_raw"."__row"
          WHERE
            (
              "cs_amb"."first__c" IS NULL OR "cs_raw"."j__c__row" = "cs_amb"."first__c"
            )
        ) AS "cs_in"
        WHERE
          NOT (
            NOT "cs_in"."__cast_error" IS NULL OR COALESCE("cs_in"."__n__c", 1) > 1
          )
      ) AS "cs_vals"
      GROUP BY
        "cs_vals"."g__1",
        "cs_vals"."g__2"
    ) AS "cs_groups"
  );

-- tests/conformance/specs/group_by_references.mig:60: legacy.visits -> emr.auth_usage: work table no longer needed
DROP TABLE IF EXISTS "cs_work__emr__auth_usage";

