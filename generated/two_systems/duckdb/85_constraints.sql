-- chartshift 0.1.0 | dialect duckdb
-- spec specs/two_systems.mig sha256 76eeb791ddfc46d4013247302076b35042796b3181d91a47e7b0e553ee1643b2
-- 85_constraints: target keys and unique columns, built after the load
-- Generated file: do not edit. Regenerate with `chartshift compile specs/two_systems.mig`.


-- specs/two_systems.mig:189: no two rows share emr.practitioner.provider_code
SELECT
  CASE
    WHEN EXISTS(
      SELECT
        1
      FROM "emr"."practitioner"
      WHERE
        NOT "provider_code" IS NULL
      GROUP BY
        "provider_code"
      HAVING
        COUNT(*) > 1
    )
    THEN ERROR(
      'unique emr.practitioner.provider_code: two or more loaded rows have the same value; remove the duplicates with `dedup` or a `reject` rule'
    )
  END;

-- specs/two_systems.mig:187: key of emr.practitioner
ALTER TABLE "emr"."practitioner"
ADD PRIMARY KEY ("id");

-- specs/two_systems.mig:189: unique emr.practitioner.provider_code
ALTER TABLE "emr"."practitioner"
ADD UNIQUE (
  "provider_code"
);

-- specs/two_systems.mig:196: no two rows share emr.patient.mrn
SELECT
  CASE
    WHEN EXISTS(
      SELECT
        1
      FROM "emr"."patient"
      WHERE
        NOT "mrn" IS NULL
      GROUP BY
        "mrn"
      HAVING
        COUNT(*) > 1
    )
    THEN ERROR(
      'unique emr.patient.mrn: two or more loaded rows have the same value; remove the duplicates with `dedup` or a `reject` rule'
    )
  END;

-- specs/two_systems.mig:194: key of emr.patient
ALTER TABLE "emr"."patient"
ADD PRIMARY KEY ("id");

-- specs/two_systems.mig:196: unique emr.patient.mrn
ALTER TABLE "emr"."patient"
ADD UNIQUE (
  "mrn"
);

-- specs/two_systems.mig:211: key of emr.coverage
ALTER TABLE "emr"."coverage"
ADD PRIMARY KEY ("id");

-- specs/two_systems.mig:222: key of emr.episode
ALTER TABLE "emr"."episode"
ADD PRIMARY KEY ("id");

-- specs/two_systems.mig:232: key of emr.diagnosis
ALTER TABLE "emr"."diagnosis"
ADD PRIMARY KEY ("id");

-- specs/two_systems.mig:238: key of emr.authorization
ALTER TABLE "emr"."authorization"
ADD PRIMARY KEY ("id");

-- specs/two_systems.mig:247: key of emr.encounter
ALTER TABLE "emr"."encounter"
ADD PRIMARY KEY ("id");

-- specs/two_systems.mig:256: key of emr.charge_line
ALTER TABLE "emr"."charge_line"
ADD PRIMARY KEY ("id");

-- specs/two_systems.mig:265: key of emr.clinical_note
ALTER TABLE "emr"."clinical_note"
ADD PRIMARY KEY ("id");

-- specs/two_systems.mig:271: key of emr.episode_activity
ALTER TABLE "emr"."episode_activity"
ADD PRIMARY KEY ("id");

-- specs/two_systems.mig:278: key of emr.auth_usage
ALTER TABLE "emr"."auth_usage"
ADD PRIMARY KEY ("id");

