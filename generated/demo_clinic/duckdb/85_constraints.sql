-- chartshift 0.1.0 | dialect duckdb
-- spec specs/demo_clinic.mig sha256 a2d29e478bd0344673ca628df24d217e8057e79772da3f5917ea33a753acd32d
-- 85_constraints: target keys and unique columns, built after the load
-- Generated file: do not edit. Regenerate with `chartshift compile specs/demo_clinic.mig`.


-- specs/demo_clinic.mig:123: no two rows share emr.practitioner.provider_code
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

-- specs/demo_clinic.mig:121: key of emr.practitioner
ALTER TABLE "emr"."practitioner"
ADD PRIMARY KEY ("id");

-- specs/demo_clinic.mig:123: unique emr.practitioner.provider_code
ALTER TABLE "emr"."practitioner"
ADD UNIQUE (
  "provider_code"
);

-- specs/demo_clinic.mig:130: no two rows share emr.patient.mrn
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

-- specs/demo_clinic.mig:128: key of emr.patient
ALTER TABLE "emr"."patient"
ADD PRIMARY KEY ("id");

-- specs/demo_clinic.mig:130: unique emr.patient.mrn
ALTER TABLE "emr"."patient"
ADD UNIQUE (
  "mrn"
);

-- specs/demo_clinic.mig:145: key of emr.coverage
ALTER TABLE "emr"."coverage"
ADD PRIMARY KEY ("id");

-- specs/demo_clinic.mig:156: key of emr.episode
ALTER TABLE "emr"."episode"
ADD PRIMARY KEY ("id");

-- specs/demo_clinic.mig:165: key of emr.diagnosis
ALTER TABLE "emr"."diagnosis"
ADD PRIMARY KEY ("id");

-- specs/demo_clinic.mig:171: key of emr.authorization
ALTER TABLE "emr"."authorization"
ADD PRIMARY KEY ("id");

-- specs/demo_clinic.mig:179: key of emr.encounter
ALTER TABLE "emr"."encounter"
ADD PRIMARY KEY ("id");

-- specs/demo_clinic.mig:187: key of emr.charge_line
ALTER TABLE "emr"."charge_line"
ADD PRIMARY KEY ("id");

-- specs/demo_clinic.mig:196: key of emr.clinical_note
ALTER TABLE "emr"."clinical_note"
ADD PRIMARY KEY ("id");

