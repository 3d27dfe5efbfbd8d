-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/null_markers.mig sha256 b2333d70e07ec37c067c66157aeb3043c418b0f9f5b509c5064076b9e755b5e0
-- 85_constraints: target keys and unique columns, built after the load
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/null_markers.mig`.


-- tests/conformance/specs/null_markers.mig:28: no two rows share the key of emr.plain
SELECT
  CASE
    WHEN EXISTS(
      SELECT
        1
      FROM `emr`.`plain__cs_new`
      WHERE
        NOT `id` IS NULL
      GROUP BY
        `id`
      HAVING
        COUNT(*) > 1
    )
    THEN RAISE_ERROR(
      'key of emr.plain: two or more loaded rows have the same value; remove the duplicates with `dedup` or a `reject` rule'
    )
  END;

-- tests/conformance/specs/null_markers.mig:34: no two rows share the key of emr.marked
SELECT
  CASE
    WHEN EXISTS(
      SELECT
        1
      FROM `emr`.`marked__cs_new`
      WHERE
        NOT `id` IS NULL
      GROUP BY
        `id`
      HAVING
        COUNT(*) > 1
    )
    THEN RAISE_ERROR(
      'key of emr.marked: two or more loaded rows have the same value; remove the duplicates with `dedup` or a `reject` rule'
    )
  END;

-- tests/conformance/specs/null_markers.mig:40: no two rows share the key of emr.empty_is_text
SELECT
  CASE
    WHEN EXISTS(
      SELECT
        1
      FROM `emr`.`empty_is_text__cs_new`
      WHERE
        NOT `id` IS NULL
      GROUP BY
        `id`
      HAVING
        COUNT(*) > 1
    )
    THEN RAISE_ERROR(
      'key of emr.empty_is_text: two or more loaded rows have the same value; remove the duplicates with `dedup` or a `reject` rule'
    )
  END;

