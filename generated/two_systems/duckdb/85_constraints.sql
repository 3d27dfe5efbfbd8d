-- chartshift 0.1.0 | dialect duckdb
-- spec specs/two_systems.mig sha256 989c64e4088375bbe5f0581b298f7adf3016757b6cae837841491794b081af47
-- 85_constraints: target keys and unique columns, built after the load
-- Generated file: do not edit. Regenerate with `chartshift compile specs/two_systems.mig`.


-- specs/two_systems.mig:193: no two rows share emr.practitioner.provider_code
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

-- specs/two_systems.mig:191: key of emr.practitioner
ALTER TABLE "emr"."practitioner"
ADD PRIMARY KEY ("id");

-- specs/two_systems.mig:193: unique emr.practitioner.provider_code
ALTER TABLE "emr"."practitioner"
ADD UNIQUE (
  "provider_code"
);

-- specs/two_systems.mig:200: no two rows share emr.patient.mrn
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

-- specs/two_systems.mig:198: key of emr.patient
ALTER TABLE "emr"."patient"
ADD PRIMARY KEY ("id");

-- specs/two_systems.mig:200: unique emr.patient.mrn
ALTER TABLE "emr"."patient"
ADD UNIQUE (
  "mrn"
);

-- specs/two_systems.mig:215: key of emr.coverage
ALTER TABLE "emr"."coverage"
ADD PRIMARY KEY ("id");

-- specs/two_systems.mig:226: key of emr.episode
ALTER TABLE "emr"."episode"
ADD PRIMARY KEY ("id");

-- specs/two_systems.mig:236: key of emr.diagnosis
ALTER TABLE "emr"."diagnosis"
ADD PRIMARY KEY ("id");

-- specs/two_systems.mig:242: key of emr.authorization
ALTER TABLE "emr"."authorization"
ADD PRIMARY KEY ("id");

-- specs/two_systems.mig:251: key of emr.encounter
ALTER TABLE "emr"."encounter"
ADD PRIMARY KEY ("id");

-- specs/two_systems.mig:260: key of emr.charge_line
ALTER TABLE "emr"."charge_line"
ADD PRIMARY KEY ("id");

-- specs/two_systems.mig:269: key of emr.clinical_note
ALTER TABLE "emr"."clinical_note"
ADD PRIMARY KEY ("id");

-- specs/two_systems.mig:275: key of emr.episode_activity
ALTER TABLE "emr"."episode_activity"
ADD PRIMARY KEY ("id");

-- specs/two_systems.mig:282: key of emr.auth_usage
ALTER TABLE "emr"."auth_usage"
ADD PRIMARY KEY ("id");

