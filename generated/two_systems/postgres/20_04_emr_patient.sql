-- chartshift 0.1.0 | dialect postgres
-- spec specs/two_systems.mig sha256 76eeb791ddfc46d4013247302076b35042796b3181d91a47e7b0e553ee1643b2
-- 20_04_emr_patient: map sysB.clients -> emr.patient
-- Generated file: do not edit. Regenerate with `chartshift compile specs/two_systems.mig`.


-- specs/two_systems.mig:344: work table left by an earlier run
DROP TABLE IF EXISTS "cs_work__emr__patient";

-- specs/two_systems.mig:344: sysB.clients -> emr.patient: every kept row with its fields and status
CREATE TEMPORARY TABLE "cs_work__emr__patient" AS
WITH "cs_in" AS (
  SELECT
    *
  FROM (
    SELECT
      "clients"."__row" AS "__row",
      "clients"."__cast_error" AS "__cast_error",
      "clients"."client_id" AS "s__clients__client_id",
      "clients"."client_name" AS "s__clients__client_name",
      "clients"."birth_dt" AS "s__clients__birth_dt",
      "clients"."gender" AS "s__clients__gender",
      "clients"."soc_sec" AS "s__clients__soc_sec",
      "clients"."street" AS "s__clients__street",
      "clients"."city" AS "s__clients__city",
      "clients"."st" AS "s__clients__st",
      "clients"."postcode" AS "s__clients__postcode",
      "clients"."phone" AS "s__clients__phone",
      "clients"."active_flag" AS "s__clients__active_flag",
      1 AS "__slot"
    FROM "sysB"."clients" AS "clients"
  ) AS "cs_in"
  WHERE
    COALESCE(
      (
        (
          (
            COALESCE("cs_in"."s__clients__active_flag", '')
          ) <> (
            'X'
          )
        )
      ),
      FALSE
    )
), "cs_fields" AS (
  SELECT
    "cs_in".*,
    TRIM(BOTH ' ' FROM "cs_in"."s__clients__client_id") AS "f__mrn",
    COALESCE(
      (
        SELECT
          STRING_AGG(
            
              CASE
                WHEN "_cs_run"[1] ~ '^[[:alpha:]]'
                THEN UPPER(LEFT("_cs_run"[1], 1)) || LOWER(SUBSTRING("_cs_run"[1] FROM 2))
                ELSE "_cs_run"[1]
              END,
              ''
            
            ORDER BY
              "_cs_pos"
          )
        FROM REGEXP_MATCHES(
          TRIM(BOTH ' ' FROM REGEXP_REPLACE("cs_in"."s__clients__client_name", '^([^,]*),(.*)$', '\1', 'g')),
          '[[:alpha:]]+|[^[:alpha:]]+',
          'g'
        ) WITH ORDINALITY AS "_cs_runs"("_cs_run", "_cs_pos")
      ),
      TRIM(BOTH ' ' FROM REGEXP_REPLACE("cs_in"."s__clients__client_name", '^([^,]*),(.*)$', '\1', 'g'))
    ) AS "f__last_name",
    COALESCE(
      (
        SELECT
          STRING_AGG(
            
              CASE
                WHEN "_cs_run"[1] ~ '^[[:alpha:]]'
                THEN UPPER(LEFT("_cs_run"[1], 1)) || LOWER(SUBSTRING("_cs_run"[1] FROM 2))
                ELSE "_cs_run"[1]
              END,
              ''
            
            ORDER BY
              "_cs_pos"
          )
        FROM REGEXP_MATCHES(
          TRIM(BOTH ' ' FROM REGEXP_REPLACE("cs_in"."s__clients__client_name", '^([^,]*),(.*)$', '\2', 'g')),
          '[[:alpha:]]+|[^[:alpha:]]+',
          'g'
        ) WITH ORDINALITY AS "_cs_runs"("_cs_run", "_cs_pos")
      ),
      TRIM(BOTH ' ' FROM REGEXP_REPLACE("cs_in"."s__clients__client_name", '^([^,]*),(.*)$', '\2', 'g'))
    ) AS "f__first_name",
    CASE
      WHEN TRANSLATE(
        TRIM(NULLIF(TRIM(BOTH ' ' FROM "cs_in"."s__clients__birth_dt"), '00000000')),
        '0123456789',
        '9999999999'
      ) IN ('9999999', '99999999')
      THEN CASE
        WHEN CAST(SUBSTR(TRIM(NULLIF(TRIM(BOTH ' ' FROM "cs_in"."s__clients__birth_dt"), '00000000')), 1, 4) AS INT) >= 1
        AND CAST(SUBSTR(TRIM(NULLIF(TRIM(BOTH ' ' FROM "cs_in"."s__clients__birth_dt"), '00000000')), 7) AS INT) BETWEEN 1 AND CASE CAST(SUBSTR(TRIM(NULLIF(TRIM(BOTH ' ' FROM "cs_in"."s__clients__birth_dt"), '00000000')), 5, 2) AS INT)
          WHEN 1
          THEN 31
          WHEN 2
          THEN CASE
            WHEN CAST(SUBSTR(TRIM(NULLIF(TRIM(BOTH ' ' FROM "cs_in"."s__clients__birth_dt"), '00000000')), 1, 4) AS INT) % 4 = 0
            AND (
              CAST(SUBSTR(TRIM(NULLIF(TRIM(BOTH ' ' FROM "cs_in"."s__clients__birth_dt"), '00000000')), 1, 4) AS INT) % 100 <> 0
              OR CAST(SUBSTR(TRIM(NULLIF(TRIM(BOTH ' ' FROM "cs_in"."s__clients__birth_dt"), '00000000')), 1, 4) AS INT) % 400 = 0
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
          CAST(SUBSTR(TRIM(NULLIF(TRIM(BOTH ' ' FROM "cs_in"."s__clients__birth_dt"), '00000000')), 1, 4) AS INT),
          CAST(SUBSTR(TRIM(NULLIF(TRIM(BOTH ' ' FROM "cs_in"."s__clients__birth_dt"), '00000000')), 5, 2) AS INT),
          CAST(SUBSTR(TRIM(NULLIF(TRIM(BOTH ' ' FROM "cs_in"."s__clients__birth_dt"), '00000000')), 7) AS INT)
        )
      END
    END AS "f__birth_date",
    CASE TRIM(BOTH ' ' FROM "cs_in"."s__clients__gender")
      WHEN '1'
      THEN 'male'
      WHEN '2'
      THEN 'female'
      ELSE 'unknown'
    END AS "f__sex",
    REGEXP_REPLACE(
      CASE
        WHEN TRIM(BOTH ' ' FROM "cs_in"."s__clients__soc_sec") ~ '^(?:(?:00[1-9]|0[1-9][0-9]|[1-5][0-9]{2}|6[0-5][0-9]|66[0-57-9]|6[7-9][0-9]|[78][0-9]{2})[\- ]?(?:0[1-9]|[1-9][0-9])[\- ]?(?:000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3}))$'
        THEN TRIM(BOTH ' ' FROM "cs_in"."s__clients__soc_sec")
      END,
      '[\- ]',
      '',
      'g'
    ) AS "f__ssn",
    COALESCE(
      (
        SELECT
          STRING_AGG(
            
              CASE
                WHEN "_cs_run"[1] ~ '^[[:alpha:]]'
                THEN UPPER(LEFT("_cs_run"[1], 1)) || LOWER(SUBSTRING("_cs_run"[1] FROM 2))
                ELSE "_cs_run"[1]
              END,
              ''
            
            ORDER BY
              "_cs_pos"
          )
        FROM REGEXP_MATCHES(TRIM(BOTH ' ' FROM "cs_in"."s__clients__street"), '[[:alpha:]]+|[^[:alpha:]]+', 'g') WITH ORDINALITY AS "_cs_runs"("_cs_run", "_cs_pos")
      ),
      TRIM(BOTH ' ' FROM "cs_in"."s__clients__street")
    ) AS "f__address_line1",
    COALESCE(
      (
        SELECT
          STRING_AGG(
            
              CASE
                WHEN "_cs_run"[1] ~ '^[[:alpha:]]'
                THEN UPPER(LEFT("_cs_run"[1], 1)) || LOWER(SUBSTRING("_cs_run"[1] FROM 2))
                ELSE "_cs_run"[1]
              END,
              ''
            
            ORDER BY
              "_cs_pos"
          )
        FROM REGEXP_MATCHES(TRIM(BOTH ' ' FROM "cs_in"."s__clients__city"), '[[:alpha:]]+|[^[:alpha:]]+', 'g') WITH ORDINALITY AS "_cs_runs"("_cs_run", "_cs_pos")
      ),
      TRIM(BOTH ' ' FROM "cs_in"."s__clients__city")
    ) AS "f__city",
    CASE UPPER(REGEXP_REPLACE("cs_in"."s__clients__st", '[. \t\n\r\f]', '', 'g')) COLLATE "C"
      WHEN 'AL'
      THEN 'AL'
      WHEN 'ALABAMA'
      THEN 'AL'
      WHEN 'ALA'
      THEN 'AL'
      WHEN 'AK'
      THEN 'AK'
      WHEN 'ALASKA'
      THEN 'AK'
      WHEN 'ALAS'
      THEN 'AK'
      WHEN 'AZ'
      THEN 'AZ'
      WHEN 'ARIZONA'
      THEN 'AZ'
      WHEN 'ARIZ'
      THEN 'AZ'
      WHEN 'AR'
      THEN 'AR'
      WHEN 'ARKANSAS'
      THEN 'AR'
      WHEN 'ARK'
      THEN 'AR'
      WHEN 'CA'
      THEN 'CA'
      WHEN 'CALIFORNIA'
      THEN 'CA'
      WHEN 'CALIF'
      THEN 'CA'
      WHEN 'CAL'
      THEN 'CA'
      WHEN 'CO'
      THEN 'CO'
      WHEN 'COLORADO'
      THEN 'CO'
      WHEN 'COLO'
      THEN 'CO'
      WHEN 'COL'
      THEN 'CO'
      WHEN 'CT'
      THEN 'CT'
      WHEN 'CONNECTICUT'
      THEN 'CT'
      WHEN 'CONN'
      THEN 'CT'
      WHEN 'DE'
      THEN 'DE'
      WHEN 'DELAWARE'
      THEN 'DE'
      WHEN 'DEL'
      THEN 'DE'
      WHEN 'DC'
      THEN 'DC'
      WHEN 'DISTRICTOFCOLUMBIA'
      THEN 'DC'
      WHEN 'WASHINGTONDC'
      THEN 'DC'
      WHEN 'WASHDC'
      THEN 'DC'
      WHEN 'FL'
      THEN 'FL'
      WHEN 'FLORIDA'
      THEN 'FL'
      WHEN 'FLA'
      THEN 'FL'
      WHEN 'FLOR'
      THEN 'FL'
      WHEN 'GA'
      THEN 'GA'
      WHEN 'GEORGIA'
      THEN 'GA'
      WHEN 'HI'
      THEN 'HI'
      WHEN 'HAWAII'
      THEN 'HI'
      WHEN 'HAWAI''I'
      THEN 'HI'
      WHEN 'ID'
      THEN 'ID'
      WHEN 'IDAHO'
      THEN 'ID'
      WHEN 'IDA'
      THEN 'ID'
      WHEN 'IL'
      THEN 'IL'
      WHEN 'ILLINOIS'
      THEN 'IL'
      WHEN 'ILL'
      THEN 'IL'
      WHEN 'IN'
      THEN 'IN'
      WHEN 'INDIANA'
      THEN 'IN'
      WHEN 'IND'
      THEN 'IN'
      WHEN 'IA'
      THEN 'IA'
      WHEN 'IOWA'
      THEN 'IA'
      WHEN 'KS'
      THEN 'KS'
      WHEN 'KANSAS'
      THEN 'KS'
      WHEN 'KAN'
      THEN 'KS'
      WHEN 'KANS'
      THEN 'KS'
      WHEN 'KY'
      THEN 'KY'
      WHEN 'KENTUCKY'
      THEN 'KY'
      WHEN 'KEN'
      THEN 'KY'
      WHEN 'KENT'
      THEN 'KY'
      WHEN 'LA'
      THEN 'LA'
      WHEN 'LOUISIANA'
      THEN 'LA'
      WHEN 'ME'
      THEN 'ME'
      WHEN 'MAINE'
      THEN 'ME'
      WHEN 'MD'
      THEN 'MD'
      WHEN 'MARYLAND'
      THEN 'MD'
      WHEN 'MA'
      THEN 'MA'
      WHEN 'MASSACHUSETTS'
      THEN 'MA'
      WHEN 'MASS'
      THEN 'MA'
      WHEN 'MI'
      THEN 'MI'
      WHEN 'MICHIGAN'
      THEN 'MI'
      WHEN 'MICH'
      THEN 'MI'
      WHEN 'MN'
      THEN 'MN'
      WHEN 'MINNESOTA'
      THEN 'MN'
      WHEN 'MINN'
      THEN 'MN'
      WHEN 'MS'
      THEN 'MS'
      WHEN 'MISSISSIPPI'
      THEN 'MS'
      WHEN 'MISS'
      THEN 'MS'
      WHEN 'MO'
      THEN 'MO'
      WHEN 'MISSOURI'
      THEN 'MO'
      WHEN 'MT'
      THEN 'MT'
      WHEN 'MONTANA'
      THEN 'MT'
      WHEN 'MONT'
      THEN 'MT'
      WHEN 'NE'
      THEN 'NE'
      WHEN 'NEBRASKA'
      THEN 'NE'
      WHEN 'NEB'
      THEN 'NE'
      WHEN 'NEBR'
      THEN 'NE'
      WHEN 'NV'
      THEN 'NV'
      WHEN 'NEVADA'
      THEN 'NV'
      WHEN 'NEV'
      THEN 'NV'
      WHEN 'NH'
      THEN 'NH'
      WHEN 'NEWHAMPSHIRE'
      THEN 'NH'
      WHEN 'NJ'
      THEN 'NJ'
      WHEN 'NEWJERSEY'
      THEN 'NJ'
      WHEN 'NM'
      THEN 'NM'
      WHEN 'NEWMEXICO'
      THEN 'NM'
      WHEN 'NMEX'
      THEN 'NM'
      WHEN 'NY'
      THEN 'NY'
      WHEN 'NEWYORK'
      THEN 'NY'
      WHEN 'NC'
      THEN 'NC'
      WHEN 'NORTHCAROLINA'
      THEN 'NC'
      WHEN 'NCAR'
      THEN 'NC'
      WHEN 'ND'
      THEN 'ND'
      WHEN 'NORTHDAKOTA'
      THEN 'ND'
      WHEN 'NDAK'
      THEN 'ND'
      WHEN 'OH'
      THEN 'OH'
      WHEN 'OHIO'
      THEN 'OH'
      WHEN 'OK'
      THEN 'OK'
      WHEN 'OKLAHOMA'
      THEN 'OK'
      WHEN 'OKLA'
      THEN 'OK'
      WHEN 'OR'
      THEN 'OR'
      WHEN 'OREGON'
      THEN 'OR'
      WHEN 'ORE'
      THEN 'OR'
      WHEN 'OREG'
      THEN 'OR'
      WHEN 'PA'
      THEN 'PA'
      WHEN 'PENNSYLVANIA'
      THEN 'PA'
      WHEN 'PENN'
      THEN 'PA'
      WHEN 'PENNA'
      THEN 'PA'
      WHEN 'PR'
      THEN 'PR'
      WHEN 'PUERTORICO'
      THEN 'PR'
      WHEN 'RI'
      THEN 'RI'
      WHEN 'RHODEISLAND'
      THEN 'RI'
      WHEN 'SC'
      THEN 'SC'
      WHEN 'SOUTHCAROLINA'
      THEN 'SC'
      WHEN 'SCAR'
      THEN 'SC'
      WHEN 'SD'
      THEN 'SD'
      WHEN 'SOUTHDAKOTA'
      THEN 'SD'
      WHEN 'SDAK'
      THEN 'SD'
      WHEN 'TN'
      THEN 'TN'
      WHEN 'TENNESSEE'
      THEN 'TN'
      WHEN 'TENN'
      THEN 'TN'
      WHEN 'TX'
      THEN 'TX'
      WHEN 'TEXAS'
      THEN 'TX'
      WHEN 'TEX'
      THEN 'TX'
      WHEN 'UT'
      THEN 'UT'
      WHEN 'UTAH'
      THEN 'UT'
      WHEN 'VT'
      THEN 'VT'
      WHEN 'VERMONT'
      THEN 'VT'
      WHEN 'VA'
      THEN 'VA'
      WHEN 'VIRGINIA'
      THEN 'VA'
      WHEN 'WA'
      THEN 'WA'
      WHEN 'WASHINGTON'
      THEN 'WA'
      WHEN 'WASH'
      THEN 'WA'
      WHEN 'WV'
      THEN 'WV'
      WHEN 'WESTVIRGINIA'
      THEN 'WV'
      WHEN 'WVA'
      THEN 'WV'
      WHEN 'WI'
      THEN 'WI'
      WHEN 'WISCONSIN'
      THEN 'WI'
      WHEN 'WIS'
      THEN 'WI'
      WHEN 'WISC'
      THEN 'WI'
      WHEN 'WY'
      THEN 'WY'
      WHEN 'WYOMING'
      THEN 'WY'
      WHEN 'WYO'
      THEN 'WY'
    END AS "f__state",
    NULLIF(
      REGEXP_REPLACE(
        REGEXP_REPLACE(
          REGEXP_REPLACE(
            REGEXP_REPLACE(
              TRIM(BOTH ' ' FROM SUBSTRING(TRIM(BOTH ' ' FROM "cs_in"."s__clients__postcode") FROM 1 FOR 5)),
              '^([0-9]{3})$',
              '00\1',
              'g'
            ),
            '^([0-9]{4})$',
            '0\1',
            'g'
          ),
          '^(?:([0-9]{5})-?([0-9]{4})|([0-9]{5}))$|^.*$',
          '\1\3-\2',
          'g'
        ),
        '-$',
        '',
        'g'
      ),
      ''
    ) AS "f__postal_code",
    NULLIF(
      REGEXP_REPLACE(
        REGEXP_REPLACE(
          REGEXP_REPLACE(
            CASE
              WHEN "cs_in"."s__clients__phone" ~ '^(?:[0-9 \t\n\r\f().+/\-]+(?:[ \t\n\r\f]*(?:[Ee][Xx][Tt](?:[Ee][Nn][Ss][Ii][Oo][Nn]|\.)?|[Xx]|#)[ \t\n\r\f]*[0-9]+[ \t\n\r\f]*)?)$'
              THEN "cs_in"."s__clients__phone"
            END,
            '[ \t\n\r\f]*(?:[Ee][Xx][Tt](?:[Ee][Nn][Ss][Ii][Oo][Nn]|\.)?|[Xx]|#)[ \t\n\r\f]*[0-9]+[ \t\n\r\f]*$',
            '',
            'g'
          ),
          '[^0-9]',
          '',
          'g'
        ),
        '^(?:1?([2-9][0-9]{2}[2-9][0-9]{6}))$|^.*$',
        '\1',
        'g'
      ),
      ''
    ) AS "f__phone",
    CASE TRIM(BOTH ' ' FROM "cs_in"."s__clients__active_flag")
      WHEN 'N'
      THEN 'inactive'
      ELSE 'active'
    END AS "f__status",
    (
      CAST((
        'sysB.clients'
      ) AS VARCHAR) || '|' || CAST((
        "cs_in"."s__clients__client_id"
      ) AS VARCHAR)
    ) COLLATE "C" AS "__key"
  FROM "cs_in"
), "cs_rules" AS (
  SELECT
    "cs_fields".*,
    CASE
      WHEN NOT "cs_fields"."__cast_error" IS NULL
      THEN 1
      WHEN "cs_fields"."__key" IS NULL
      THEN 2
      WHEN COALESCE(
        (
          (
            (
              "cs_fields"."s__clients__client_name"
            ) IS NULL
          )
          OR (
            (
              REGEXP_REPLACE("cs_fields"."s__clients__client_name", '^[^,]*[^ ,][^,]*,[^,]*[^ ,][^,]*$', '', 'g')
            ) <> (
              ''
            )
          )
        ),
        FALSE
      )
      THEN 3
      WHEN COALESCE(
        (
          (
            NOT (
              NULLIF(TRIM(BOTH ' ' FROM "cs_fields"."s__clients__birth_dt"), '00000000')
            ) IS NULL
          )
          AND (
            (
              "cs_fields"."f__birth_date"
            ) IS NULL
          )
        ),
        FALSE
      )
      THEN 4
      WHEN "cs_fields"."f__mrn" IS NULL
      THEN 5
      WHEN LENGTH(CAST("cs_fields"."f__mrn" AS VARCHAR)) > 20
      THEN 6
      WHEN "cs_fields"."f__first_name" IS NULL
      THEN 7
      WHEN LENGTH(CAST("cs_fields"."f__first_name" AS VARCHAR)) > 50
      THEN 8
      WHEN "cs_fields"."f__last_name" IS NULL
      THEN 9
      WHEN LENGTH(CAST("cs_fields"."f__last_name" AS VARCHAR)) > 50
      THEN 10
      WHEN "cs_fields"."f__sex" IS NULL
      THEN 11
      WHEN LENGTH(CAST("cs_fields"."f__sex" AS VARCHAR)) > 7
      THEN 12
      WHEN NOT (
        "cs_fields"."f__sex" IN ('male', 'female', 'unknown')
      )
      THEN 13
      WHEN LENGTH(CAST("cs_fields"."f__ssn" AS VARCHAR)) > 9
      THEN 14
      WHEN LENGTH(CAST("cs_fields"."f__address_line1" AS VARCHAR)) > 100
      THEN 15
      WHEN LENGTH(CAST("cs_fields"."f__city" AS VARCHAR)) > 50
      THEN 16
      WHEN LENGTH(CAST("cs_fields"."f__state" AS VARCHAR)) > 2
      THEN 17
      WHEN LENGTH(CAST("cs_fields"."f__postal_code" AS VARCHAR)) > 10
      THEN 18
      WHEN LENGTH(CAST("cs_fields"."f__phone" AS VARCHAR)) > 10
      THEN 19
      WHEN "cs_fields"."f__status" IS NULL
      THEN 20
      WHEN LENGTH(CAST("cs_fields"."f__status" AS VARCHAR)) > 8
      THEN 21
      WHEN NOT (
        "cs_fields"."f__status" IN ('active', 'inactive')
      )
      THEN 22
      WHEN NOT "cs_dups"."first_row" IS NULL AND "cs_fields"."__row" > "cs_dups"."first_row"
      THEN 23
    END AS "__rule"
  FROM "cs_fields"
  LEFT JOIN (
    SELECT
      "cs_fields"."s__clients__client_id" COLLATE "C" AS "__k1",
      MIN("cs_fields"."__row") AS "first_row"
    FROM "cs_fields"
    GROUP BY
      "cs_fields"."s__clients__client_id" COLLATE "C"
    HAVING
      COUNT(*) > 1
  ) AS "cs_dups"
    ON "cs_dups"."__k1" = "cs_fields"."s__clients__client_id" COLLATE "C"
), "cs_status" AS (
  SELECT
    "cs_rules"."__row",
    "cs_rules"."__slot",
    "cs_rules"."__key",
    "cs_rules"."__rule",
    "cs_rules"."f__mrn",
    "cs_rules"."f__last_name",
    "cs_rules"."f__first_name",
    "cs_rules"."f__birth_date",
    "cs_rules"."f__sex",
    "cs_rules"."f__ssn",
    "cs_rules"."f__address_line1",
    "cs_rules"."f__city",
    "cs_rules"."f__state",
    "cs_rules"."f__postal_code",
    "cs_rules"."f__phone",
    "cs_rules"."f__status",
    "cs_rules"."s__clients__client_id",
    CASE
      WHEN NOT "cs_rules"."__rule" IS NULL
      THEN 'rejected'
      WHEN NOT "cs_across"."__id" IS NULL
      THEN 'merged'
      WHEN ROW_NUMBER() OVER (
        PARTITION BY (
          "cs_rules"."__rule" IS NULL AND "cs_across"."__id" IS NULL
        ), UPPER(
          TRIM(BOTH ' ' FROM REGEXP_REPLACE("cs_rules"."s__clients__client_name", '^([^,]*),(.*)$', '\1', 'g'))
        ), UPPER(
          TRIM(BOTH ' ' FROM REGEXP_REPLACE("cs_rules"."s__clients__client_name", '^([^,]*),(.*)$', '\2', 'g'))
        ), "cs_rules"."f__birth_date", CASE
          WHEN (
            UPPER(
              TRIM(BOTH ' ' FROM REGEXP_REPLACE("cs_rules"."s__clients__client_name", '^([^,]*),(.*)$', '\1', 'g'))
            )
          ) IS NULL
          OR (
            UPPER(
              TRIM(BOTH ' ' FROM REGEXP_REPLACE("cs_rules"."s__clients__client_name", '^([^,]*),(.*)$', '\2', 'g'))
            )
          ) IS NULL
          OR (
            "cs_rules"."f__birth_date"
          ) IS NULL
          THEN "cs_rules"."__key"
        END
        ORDER BY "cs_rules"."s__clients__client_id" COLLATE "C" ASC, "cs_rules"."__key"
      ) > 1
      THEN 'merged'
      ELSE 'loaded'
    END AS "__status",
    FIRST_VALUE("cs_rules"."__key") OVER (
      PARTITION BY (
        "cs_rules"."__rule" IS NULL AND "cs_across"."__id" IS NULL
      ), UPPER(
        TRIM(BOTH ' ' FROM REGEXP_REPLACE("cs_rules"."s__clients__client_name", '^([^,]*),(.*)$', '\1', 'g'))
      ), UPPER(
        TRIM(BOTH ' ' FROM REGEXP_REPLACE("cs_rules"."s__clients__client_name", '^([^,]*),(.*)$', '\2', 'g'))
      ), "cs_rules"."f__birth_date", CASE
        WHEN (
          UPPER(
            TRIM(BOTH ' ' FROM REGEXP_REPLACE("cs_rules"."s__clients__client_name", '^([^,]*),(.*)$', '\1', 'g'))
          )
        ) IS NULL
        OR (
          UPPER(
            TRIM(BOTH ' ' FROM REGEXP_REPLACE("cs_rules"."s__clients__client_name", '^([^,]*),(.*)$', '\2', 'g'))
          )
        ) IS NULL
        OR (
          "cs_rules"."f__birth_date"
        ) IS NULL
        THEN "cs_rules"."__key"
      END
      ORDER BY "cs_rules"."s__clients__client_id" COLLATE "C" ASC, "cs_rules"."__key"
    ) AS "__survivor_key",
    CAST((
      UPPER(
        TRIM(BOTH ' ' FROM REGEXP_REPLACE("cs_rules"."s__clients__client_name", '^([^,]*),(.*)$', '\1', 'g'))
      )
    ) AS VARCHAR) COLLATE "C" AS "__dk1",
    CAST((
      UPPER(
        TRIM(BOTH ' ' FROM REGEXP_REPLACE("cs_rules"."s__clients__client_name", '^([^,]*),(.*)$', '\2', 'g'))
      )
    ) AS VARCHAR) COLLATE "C" AS "__dk2",
    CAST((
      "cs_rules"."f__birth_date"
    ) AS VARCHAR) COLLATE "C" AS "__dk3",
    "cs_across"."__id" AS "__match_id"
  FROM "cs_rules"
  LEFT JOIN (
    SELECT
      "__dk1",
      "__dk2",
      "__dk3",
      MIN("__id") AS "__id"
    FROM "cs_dx__emr__patient"
    GROUP BY
      "__dk1",
      "__dk2",
      "__dk3"
  ) AS "cs_across"
    ON "cs_across"."__dk1" = CAST((
      UPPER(
        TRIM(BOTH ' ' FROM REGEXP_REPLACE("cs_rules"."s__clients__client_name", '^([^,]*),(.*)$', '\1', 'g'))
      )
    ) AS VARCHAR) COLLATE "C"
    AND "cs_across"."__dk2" = CAST((
      UPPER(
        TRIM(BOTH ' ' FROM REGEXP_REPLACE("cs_rules"."s__clients__client_name", '^([^,]*),(.*)$', '\2', 'g'))
      )
    ) AS VARCHAR) COLLATE "C"
    AND "cs_across"."__dk3" = CAST((
      "cs_rules"."f__birth_date"
    ) AS VARCHAR) COLLATE "C"
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
        FROM "chartshift"."xwalk__emr__patient"
      ) + ROW_NUMBER() OVER (
        ORDER BY (
          "cs_prev"."own_id" IS NULL AND "cs_status"."__status" = 'loaded'
        ) DESC NULLS LAST, "cs_status"."__row", "cs_status"."__slot"
      )
    END
  ) AS "__own_id"
FROM "cs_status"
LEFT JOIN "chartshift"."xwalk__emr__patient" AS "cs_prev"
  ON "cs_prev"."legacy_key" = "cs_status"."__key";

-- specs/two_systems.mig:344: sysB.clients -> emr.patient: statistics of the work table
ANALYZE "cs_work__emr__patient";

-- specs/two_systems.mig:344: sysB.clients -> emr.patient: rejected rows with the first rule that failed
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
  'sysB.clients -> emr.patient',
  'sysB.clients',
  CAST((
    "w"."s__clients__client_id"
  ) AS VARCHAR) COLLATE "C",
  "w"."__slot",
  "w"."__row",
  CASE "w"."__rule"
    WHEN 1
    THEN 'cast'
    WHEN 2
    THEN 'key'
    WHEN 3
    THEN 'reject:359'
    WHEN 4
    THEN 'reject:361'
    WHEN 5
    THEN 'not null:emr.patient.mrn'
    WHEN 6
    THEN 'length:emr.patient.mrn'
    WHEN 7
    THEN 'not null:emr.patient.first_name'
    WHEN 8
    THEN 'length:emr.patient.first_name'
    WHEN 9
    THEN 'not null:emr.patient.last_name'
    WHEN 10
    THEN 'length:emr.patient.last_name'
    WHEN 11
    THEN 'not null:emr.patient.sex'
    WHEN 12
    THEN 'length:emr.patient.sex'
    WHEN 13
    THEN 'in:emr.patient.sex'
    WHEN 14
    THEN 'length:emr.patient.ssn'
    WHEN 15
    THEN 'length:emr.patient.address_line1'
    WHEN 16
    THEN 'length:emr.patient.city'
    WHEN 17
    THEN 'length:emr.patient.state'
    WHEN 18
    THEN 'length:emr.patient.postal_code'
    WHEN 19
    THEN 'length:emr.patient.phone'
    WHEN 20
    THEN 'not null:emr.patient.status'
    WHEN 21
    THEN 'length:emr.patient.status'
    WHEN 22
    THEN 'in:emr.patient.status'
    WHEN 23
    THEN 'duplicate key'
  END,
  CASE "w"."__rule"
    WHEN 1
    THEN 'value does not fit the source column type'
    WHEN 2
    THEN 'missing legacy key'
    WHEN 3
    THEN 'unparseable client name'
    WHEN 4
    THEN 'unparseable date of birth'
    WHEN 5
    THEN 'mrn is required but empty'
    WHEN 6
    THEN 'mrn is longer than 20 characters'
    WHEN 7
    THEN 'first_name is required but empty'
    WHEN 8
    THEN 'first_name is longer than 50 characters'
    WHEN 9
    THEN 'last_name is required but empty'
    WHEN 10
    THEN 'last_name is longer than 50 characters'
    WHEN 11
    THEN 'sex is required but empty'
    WHEN 12
    THEN 'sex is longer than 7 characters'
    WHEN 13
    THEN 'sex is not one of the allowed values'
    WHEN 14
    THEN 'ssn is longer than 9 characters'
    WHEN 15
    THEN 'address_line1 is longer than 100 characters'
    WHEN 16
    THEN 'city is longer than 50 characters'
    WHEN 17
    THEN 'state is longer than 2 characters'
    WHEN 18
    THEN 'postal_code is longer than 10 characters'
    WHEN 19
    THEN 'phone is longer than 10 characters'
    WHEN 20
    THEN 'status is required but empty'
    WHEN 21
    THEN 'status is longer than 8 characters'
    WHEN 22
    THEN 'status is not one of the allowed values'
    WHEN 23
    THEN 'duplicate legacy key (an earlier row has the same key)'
  END,
  CAST(JSON_BUILD_OBJECT(
    'client_id',
    "r"."client_id",
    'client_name',
    "r"."client_name",
    'birth_dt',
    "r"."birth_dt",
    'gender',
    "r"."gender",
    'soc_sec',
    "r"."soc_sec",
    'street',
    "r"."street",
    'city',
    "r"."city",
    'st',
    "r"."st",
    'postcode',
    "r"."postcode",
    'phone',
    "r"."phone",
    'active_flag',
    "r"."active_flag"
  ) AS TEXT),
  CASE "w"."__rule"
    WHEN 1
    THEN 'cast'
    WHEN 2
    THEN 'missing_key'
    WHEN 3
    THEN 'reject'
    WHEN 4
    THEN 'reject'
    WHEN 5
    THEN 'not_null'
    WHEN 6
    THEN 'too_long'
    WHEN 7
    THEN 'not_null'
    WHEN 8
    THEN 'too_long'
    WHEN 9
    THEN 'not_null'
    WHEN 10
    THEN 'too_long'
    WHEN 11
    THEN 'not_null'
    WHEN 12
    THEN 'too_long'
    WHEN 13
    THEN 'not_allowed'
    WHEN 14
    THEN 'too_long'
    WHEN 15
    THEN 'too_long'
    WHEN 16
    THEN 'too_long'
    WHEN 17
    THEN 'too_long'
    WHEN 18
    THEN 'too_long'
    WHEN 19
    THEN 'too_long'
    WHEN 20
    THEN 'not_null'
    WHEN 21
    THEN 'too_long'
    WHEN 22
    THEN 'not_allowed'
    WHEN 23
    THEN 'duplicate_key'
  END
FROM "cs_work__emr__patient" AS "w"
JOIN "chartshift_stage"."sysB__clients" AS "r"
  ON "r"."__row" = "w"."__row"
WHERE
  "w"."__status" = 'rejected'
ORDER BY
  "w"."__row",
  "w"."__slot";

-- specs/two_systems.mig:346: crosswalk emr.patient: the keys of this run are written again below
DELETE FROM "chartshift"."xwalk__emr__patient"
WHERE
  "legacy_key" IN (
    SELECT
      "__key"
    FROM "cs_work__emr__patient"
    WHERE
      "__status" IN ('loaded', 'merged')
  );

-- specs/two_systems.mig:346: crosswalk emr.patient: loaded keys with their ids, merged keys pointing at their survivor's id
INSERT INTO "chartshift"."xwalk__emr__patient" (
  "legacy_key",
  "own_id",
  "target_id",
  "state"
)
SELECT
  "w"."__key",
  "w"."__own_id",
  CASE
    WHEN "w"."__status" = 'loaded'
    THEN "w"."__own_id"
    WHEN NOT "w"."__match_id" IS NULL
    THEN "w"."__match_id"
    ELSE "s"."__own_id"
  END,
  "w"."__status"
FROM "cs_work__emr__patient" AS "w"
LEFT JOIN "cs_work__emr__patient" AS "s"
  ON "s"."__key" = "w"."__survivor_key" AND "s"."__status" = 'loaded'
WHERE
  "w"."__status" IN ('loaded', 'merged');

-- specs/two_systems.mig:346: crosswalk emr.patient: statistics for the maps that join it
ANALYZE "chartshift"."xwalk__emr__patient";

-- specs/two_systems.mig:344: sysB.clients -> emr.patient: load the surviving rows
INSERT INTO "emr"."patient" (
  "id",
  "mrn",
  "last_name",
  "first_name",
  "birth_date",
  "sex",
  "ssn",
  "address_line1",
  "city",
  "state",
  "postal_code",
  "phone",
  "status"
)
SELECT
  CAST("w"."__own_id" AS BIGINT),
  CAST("w"."f__mrn" AS VARCHAR(20)),
  CAST("w"."f__last_name" AS VARCHAR(50)),
  CAST("w"."f__first_name" AS VARCHAR(50)),
  CAST("w"."f__birth_date" AS DATE),
  CAST("w"."f__sex" AS VARCHAR(7)),
  CAST("w"."f__ssn" AS CHAR(9)),
  CAST("w"."f__address_line1" AS VARCHAR(100)),
  CAST("w"."f__city" AS VARCHAR(50)),
  CAST("w"."f__state" AS CHAR(2)),
  CAST("w"."f__postal_code" AS VARCHAR(10)),
  CAST("w"."f__phone" AS CHAR(10)),
  CAST("w"."f__status" AS VARCHAR(8))
FROM "cs_work__emr__patient" AS "w"
WHERE
  "w"."__status" = 'loaded';

-- specs/two_systems.mig:363: dedup across emr.patient: no later map compares with these keys
DROP TABLE IF EXISTS "cs_dx__emr__patient";

-- specs/two_systems.mig:344: sysB.clients -> emr.patient: accounting identity: source rows = loaded + rejected + filtered + merged + aggregated
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
  'sysB.clients -> emr.patient',
  'sysB.clients',
  'emr.patient',
  (
    SELECT
      COUNT(*)
    FROM "sysB"."clients"
  ),
  (
    SELECT
      COUNT(*)
    FROM "emr"."patient"
  ) - (
    SELECT
      COALESCE(SUM("loaded"), 0)
    FROM "chartshift"."reconciliation"
    WHERE
      "target_table" = 'emr.patient'
  ),
  (
    SELECT
      COUNT(*)
    FROM "chartshift"."rejects"
    WHERE
      "map" = 'sysB.clients -> emr.patient'
  ),
  (
    SELECT
      COUNT(*)
    FROM (
      SELECT
        "clients"."__row" AS "__row",
        "clients"."__cast_error" AS "__cast_error",
        "clients"."client_id" AS "s__clients__client_id",
        "clients"."client_name" AS "s__clients__client_name",
        "clients"."birth_dt" AS "s__clients__birth_dt",
        "clients"."gender" AS "s__clients__gender",
        "clients"."soc_sec" AS "s__clients__soc_sec",
        "clients"."street" AS "s__clients__street",
        "clients"."city" AS "s__clients__city",
        "clients"."st" AS "s__clients__st",
        "clients"."postcode" AS "s__clients__postcode",
        "clients"."phone" AS "s__clients__phone",
        "clients"."active_flag" AS "s__clients__active_flag",
        1 AS "__slot"
      FROM "sysB"."clients" AS "clients"
    ) AS "cs_in"
    WHERE
      NOT COALESCE(
        (
          (
            (
              COALESCE("cs_in"."s__clients__active_flag", '')
            ) <> (
              'X'
            )
          )
        ),
        FALSE
      )
  ),
  (
    SELECT
      COUNT(*)
    FROM "cs_work__emr__patient"
    WHERE
      "__status" = 'merged'
  ),
  0;

-- specs/two_systems.mig:344: sysB.clients -> emr.patient: work table no longer needed
DROP TABLE IF EXISTS "cs_work__emr__patient";

