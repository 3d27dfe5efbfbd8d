-- chartshift 0.1.0 | dialect spark
-- spec tests/conformance/specs/union.mig sha256 f4f0c7f749348819348be7759974b473787842de922cd53ed8b7f2409529b83d
-- 85_constraints: target keys and unique columns, built after the load
-- Generated file: do not edit. Regenerate with `chartshift compile tests/conformance/specs/union.mig`.


-- tests/conformance/specs/union.mig:41: no two rows share the key of emr.contact
SELECT
  CASE
    WHEN EXISTS(
      SELECT
        1
      FROM `emr`.`contact__cs_new`
      WHERE
        NOT `code` IS NULL
      GROUP BY
        `code`
      HAVING
        COUNT(*) > 1
    )
    THEN RAISE_ERROR(
      'key of emr.contact: two or more loaded rows have the same value; remove the duplicates with `dedup` or a `reject` rule'
    )
  END;

