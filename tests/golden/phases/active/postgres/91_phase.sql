-- chartshift 0.1.0 | dialect postgres
-- spec tests/golden/phases/phased.mig sha256 9de588c7335994ff2de2c612f0ae91112e81c3f4193a93b4ff497ef188d288d4
-- 91_phase: phase active: per map its source rows, this phase's, and those left for later phases
-- Generated file: do not edit. Regenerate with `chartshift compile tests/golden/phases/phased.mig`.


-- tests/golden/phases/phased.mig:40: legacy.providers -> emr.practitioner: rows of phase active
SELECT
  SUM(CASE WHEN TRUE THEN 1 ELSE 0 END) AS "source_rows",
  SUM(CASE WHEN TRUE THEN 1 ELSE 0 END) AS "this_phase",
  SUM(CASE WHEN FALSE THEN 1 ELSE 0 END) AS "pending"
FROM "legacy"."providers" AS "cs_ph";

-- tests/golden/phases/phased.mig:45: legacy.patients -> emr.patient: rows of phase active
SELECT
  SUM(CASE WHEN TRUE THEN 1 ELSE 0 END) AS "source_rows",
  SUM(
    CASE
      WHEN COALESCE((
        (
          "cs_ph"."status"
        ) = (
          'A'
        )
      ), FALSE)
      THEN 1
      ELSE 0
    END
  ) AS "this_phase",
  SUM(
    CASE
      WHEN NOT (
        COALESCE((
          (
            "cs_ph"."status"
          ) = (
            'A'
          )
        ), FALSE)
      )
      THEN 1
      ELSE 0
    END
  ) AS "pending"
FROM "legacy"."patients" AS "cs_ph";

-- tests/golden/phases/phased.mig:51: legacy.visits -> emr.visit: rows of phase active
SELECT
  SUM(CASE WHEN TRUE THEN 1 ELSE 0 END) AS "source_rows",
  SUM(
    CASE
      WHEN COALESCE((
        (
          "cs_ph"."dos"
        ) >= (
          '2026-01-03'
        )
      ), FALSE)
      THEN 1
      ELSE 0
    END
  ) AS "this_phase",
  SUM(
    CASE
      WHEN NOT (
        COALESCE((
          (
            "cs_ph"."dos"
          ) >= (
            '2026-01-03'
          )
        ), FALSE)
      )
      THEN 1
      ELSE 0
    END
  ) AS "pending"
FROM "legacy"."visits" AS "cs_ph";

